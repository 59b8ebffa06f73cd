// @vitest-environment jsdom
// The graph exported as a standalone SVG: a well-formed document (parsed with a real XML parser),
// one circle per peer in its look at the graph's own layout position, one line per data
// connection, names, the tracker, a legend and a caption with the virtual time.
import { describe, expect, it } from 'vitest';
import { graphSvgDocument, SVG_NS, type GraphSvgScene } from '../../../shared/views/graphSvg';
import {
  exportFileName,
  graphExportScene,
  graphSvgText,
} from '../../../renderer/src/views/graph/exportImage';
import { layoutFor } from '../../../renderer/src/views/graph/layout';
import { lookFill } from '../../../renderer/src/views/graph/style';
import { GraphLog } from './graphLog';

function parse(svg: string): Document {
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
  expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
  return doc;
}

const attr = (el: Element, name: string) => el.getAttribute(name);

/** seeder, alice, and bob who crashed but is still listed (a ghost); seeder talks to both. */
function smallSwarm(): GraphLog {
  const log = new GraphLog().client(0, 'seeder').client(1, 'alice').client(2, 'bob');
  log.state(2, 'crashed', 500);
  log.connected(0, [1, 2], 100);
  return log;
}

describe('graphSvgDocument', () => {
  const scene: GraphSvgScene = {
    width: 300,
    height: 200,
    background: '#ffffff',
    fontPx: 12,
    ink: '#1d1d1f',
    nodeRadius: 9,
    tracker: {
      x: 150,
      y: 100,
      radius: 18,
      fill: '#111111',
      stroke: '#111111',
      dash: '',
      label: 'tracker',
      labelColor: '#1d1d1f',
    },
    peers: [
      {
        id: 0,
        x: 150.123,
        y: 20,
        look: 'seeding',
        fill: '#009E73',
        stroke: '#1d1d1f',
        strokeWidth: 1.5,
        dash: '',
        opacity: 1,
        label: '<alice & "bob">',
      },
      {
        id: 7,
        x: 50,
        y: 180,
        look: 'stopped',
        fill: '#BBBBBB',
        stroke: '#777777',
        strokeWidth: 1.5,
        dash: '4 2',
        opacity: 0.4,
        label: null,
      },
    ],
    links: [{ x1: 150.123, y1: 20, x2: 50, y2: 180 }],
    linkColor: '#9DB7CC',
    linkOpacity: 0.6,
    selected: null,
    title: 'Tracker Lab — 2 peers at 00:01:00',
    legend: [{ label: 'seeding', fill: '#009E73', stroke: '#1d1d1f', dash: '' }],
    legendAt: { x: 200, y: 40 },
  };

  it('is a standalone SVG document: XML declaration, namespace, size and viewBox', () => {
    const svg = graphSvgDocument(scene);
    expect(
      svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"'),
    ).toBe(true);
    const root = parse(svg).documentElement;
    expect(root.namespaceURI).toBe(SVG_NS);
    expect(root.localName).toBe('svg');
    expect([attr(root, 'width'), attr(root, 'height'), attr(root, 'viewBox')]).toEqual([
      '300',
      '200',
      '0 0 300 200',
    ]);
    expect(root.getElementsByTagName('title')[0]!.textContent).toBe('Tracker Lab — 2 peers at 00:01:00');
  });

  it('writes each peer as a circle with its look inline, and each connection as a line', () => {
    const doc = parse(graphSvgDocument(scene));
    const peers = [...doc.querySelectorAll('circle.peer')];
    expect(
      peers.map((p) => [attr(p, 'data-id'), attr(p, 'data-look'), attr(p, 'cx'), attr(p, 'cy')]),
    ).toEqual([
      ['0', 'seeding', '150.12', '20'],
      ['7', 'stopped', '50', '180'],
    ]);
    expect([
      attr(peers[0]!, 'fill'),
      attr(peers[0]!, 'stroke-dasharray'),
      attr(peers[0]!, 'opacity'),
    ]).toEqual(['#009E73', null, null]);
    expect([attr(peers[1]!, 'stroke-dasharray'), attr(peers[1]!, 'opacity')]).toEqual(['4 2', '0.4']);
    const lines = [...doc.querySelectorAll('g.connections line')];
    expect(lines.map((l) => [attr(l, 'x1'), attr(l, 'y1'), attr(l, 'x2'), attr(l, 'y2')])).toEqual([
      ['150.12', '20', '50', '180'],
    ]);
  });

  it('escapes names, and writes only the names it is given', () => {
    const doc = parse(graphSvgDocument(scene));
    expect([...doc.querySelectorAll('g.labels text')].map((t) => t.textContent)).toEqual(['<alice & "bob">']);
    expect(doc.querySelector('g.tracker text')!.textContent).toBe('tracker');
    expect(doc.querySelector('text.caption')!.textContent).toBe('Tracker Lab — 2 peers at 00:01:00');
    expect([...doc.querySelectorAll('g.legend text')].map((t) => t.textContent)).toEqual(['seeding']);
  });
});

describe('graphExportScene: the swarm as the graph lays it out', () => {
  it('3 peers at the graph’s positions, in their looks (bob is a ghost), 2 connections, names', () => {
    const model = smallSwarm().model();
    const doc = parse(graphSvgText(model, { time: 60_000, showConnections: true, selected: null }));
    const root = doc.documentElement;
    // The disc holds 3 peers: radius 163.78 + 36 margin each side → 400 px, + 190 legend, + 32 caption.
    expect([attr(root, 'width'), attr(root, 'height')]).toEqual(['590', '432']);
    const peers = [...doc.querySelectorAll('circle.peer')];
    expect(peers.map((p) => attr(p, 'data-look'))).toEqual(['leeching', 'leeching', 'ghost']);
    // Peer 0 sits straight above the tracker (layout.ts), 150.97 layout units away.
    expect([attr(peers[0]!, 'cx'), attr(peers[0]!, 'cy')]).toEqual(['200', '81.03']);
    const layout = layoutFor(3);
    peers.forEach((p, id) => {
      expect(Number(attr(p, 'cx'))).toBeCloseTo(200 + layout.xs[id]!, 2);
      expect(Number(attr(p, 'cy'))).toBeCloseTo(232 + layout.ys[id]!, 2);
    });
    expect(attr(peers[2]!, 'fill')).toBe(lookFill.ghost);
    expect(attr(peers[2]!, 'stroke-dasharray')).toBe('3 3');
    expect(doc.querySelectorAll('g.connections line')).toHaveLength(2);
    expect([...doc.querySelectorAll('g.labels text')].map((t) => t.textContent)).toEqual([
      'seeder',
      'alice',
      'bob',
    ]);
    const tracker = doc.querySelector('g.tracker circle')!;
    expect([attr(tracker, 'cx'), attr(tracker, 'cy'), attr(tracker, 'r')]).toEqual(['200', '232', '18']);
    expect(doc.querySelector('text.caption')!.textContent).toBe('Tracker Lab — 3 peers at 00:01:00');
    expect(doc.querySelectorAll('g.legend circle')).toHaveLength(7);
  });

  it('connections hidden in the graph are left out; the selected peer gets a ring; a down tracker says so', () => {
    const model = smallSwarm().model();
    model.trackerUp = false;
    const doc = parse(graphSvgText(model, { time: 0, showConnections: false, selected: 1 }));
    expect(doc.querySelectorAll('g.connections line')).toHaveLength(0);
    const ring = doc.querySelector('circle.selected')!;
    const alice = doc.querySelector('circle.peer[data-id="1"]')!;
    expect([attr(ring, 'cx'), attr(ring, 'cy'), attr(ring, 'r')]).toEqual([
      attr(alice, 'cx'),
      attr(alice, 'cy'),
      '13',
    ]);
    expect(doc.querySelector('g.tracker text')!.textContent).toBe('tracker (down)');
    expect(attr(doc.querySelector('g.tracker circle')!, 'stroke-dasharray')).toBe('5 3');
  });

  it('1,000 peers: every one drawn, no names (too many to read)', () => {
    const log = new GraphLog();
    for (let id = 0; id < 1000; id++) log.client(id);
    const scene = graphExportScene(log.model(), { time: 0, showConnections: true, selected: null });
    expect(scene.peers).toHaveLength(1000);
    expect(scene.peers.every((p) => p.label === null)).toBe(true);
    // a disc of radius 787.15 + 36 margin each side (1646.3 → 1647 px), at full size
    expect([scene.width, scene.height, scene.nodeRadius]).toEqual([1647 + 190, 1647 + 32, 9]);
    const doc = parse(graphSvgDocument(scene));
    expect(doc.querySelectorAll('circle.peer')).toHaveLength(1000);
    expect(doc.querySelectorAll('g.labels text')).toHaveLength(0);
  });
  it('7,000 peers: the disc is scaled down to 4096 px, nodes with it', () => {
    const log = new GraphLog();
    for (let id = 0; id < 7000; id++) log.client(id, `p${id}`, { listed: false });
    const scene = graphExportScene(log.model(), { time: 0, showConnections: false, selected: null });
    expect([scene.width, scene.height]).toEqual([4096 + 190, 4096 + 32]);
    expect(scene.nodeRadius).toBeCloseTo(9 * 0.98881, 4); // 4096 / (2 × (2035.17 + 36))
    expect(scene.peers).toHaveLength(7000);
  });
});

describe('exportFileName', () => {
  it('names the file after the virtual time, with no colons', () => {
    expect(exportFileName(3_723_004, 'svg')).toBe('tracker-lab-graph-01-02-03.svg');
    expect(exportFileName(0, 'png')).toBe('tracker-lab-graph-00-00-00.png');
  });
});
