// @vitest-environment jsdom
// The swarm graph as a component: the renderer it picks, the peers and legend it shows, selection by
// click, the tooltip, and the announce animation written by the frame loop (not by React).
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { createElement } from 'react';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import type { EngineBridge, SessionInfo } from '../../../shared/bridge';
import type { SwarmModel } from '../../../shared/views/model';
import { SwarmGraph } from '../../../renderer/src/views/graph';
import { fitTransform, layoutFor, layoutRadius } from '../../../renderer/src/views/graph/layout';
import { DOT_PX } from '../../../renderer/src/views/graph/style';
import { circlePath } from '../../../renderer/src/views/graph/svgPaint';
import { LEG_REAL_MS } from '../../../renderer/src/views/graph/timing';
import { AppContextValue } from '../../../renderer/src/store/context';
import { createAppStore } from '../../../renderer/src/store/store';
import { palette } from '../../../renderer/src/theme';
import { GraphLog } from './graphLog';

beforeEach(() => {
  // jsdom has no canvas; the Canvas renderer then draws nothing (and says nothing about it).
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const frames = () => act(() => new Promise<void>((resolve) => setTimeout(resolve, 60)));

function show(model: SwarmModel, o: { planned?: number; now?: number; speed?: number } = {}) {
  const store = createAppStore();
  const session = {
    id: 1,
    scenario: { groups: [{ name: 'peer', count: o.planned ?? 0 }] },
  } as unknown as SessionInfo;
  store.setState({
    model,
    version: model.version,
    session,
    status: { now: o.now ?? 0, endMs: 3_600_000, playing: false, speed: o.speed ?? 1, events: 0 },
  });
  const bridge: EngineBridge = {
    request: async () => ({ ok: true, value: null }),
    subscribe: () => () => {},
  };
  render(createElement(AppContextValue.Provider, { value: { store, bridge } }, createElement(SwarmGraph)));
  return store;
}

function smallSwarm(): GraphLog {
  const log = new GraphLog().client(0, 'seeder').client(1, 'alice').client(2, 'bob');
  log.state(2, 'crashed', 500);
  return log;
}

/** Where a peer is on screen in jsdom (no layout: the surface measures 800 × 600). */
function onScreen(id: number, peers: number) {
  const t = fitTransform(layoutRadius(peers), 800, 600);
  const layout = layoutFor(id + 1);
  return { clientX: layout.xs[id]! * t.k + t.x, clientY: layout.ys[id]! * t.k + t.y };
}

test('a classroom swarm is drawn with SVG: one circle per peer in its look, names, tracker, legend', () => {
  show(smallSwarm().model());
  expect(screen.getByTestId('swarm-graph').dataset.renderer).toBe('svg');
  const peers = [...document.querySelectorAll<SVGCircleElement>('circle.peer')];
  expect(peers.map((c) => [c.dataset.id, c.dataset.look])).toEqual([
    ['0', 'leeching'],
    ['1', 'leeching'],
    ['2', 'ghost'],
  ]);
  expect(peers[2]!.getAttribute('stroke-dasharray')).toBe('3 3');
  expect([...document.querySelectorAll('.labels text')].map((t) => t.textContent)).toEqual([
    'seeder',
    'alice',
    'bob',
  ]);
  expect(screen.getByTestId('tracker').textContent).toBe('tracker');
  const legend = screen.getByTestId('graph-legend').textContent!;
  for (const words of [
    'leeching',
    'seeding',
    'paused',
    'offline',
    'ghost (gone, still listed)',
    'crashed',
    'stopped',
  ])
    expect(legend).toContain(words);
  expect(screen.getByTestId('graph-peers').textContent).toBe('3 peers · SVG');
});

test('a swarm planned beyond 300 peers is drawn on Canvas from the start', () => {
  show(smallSwarm().model(), { planned: 301 });
  expect(screen.getByTestId('swarm-graph').dataset.renderer).toBe('canvas');
  expect(screen.getByTestId('swarm-canvas').querySelectorAll('canvas')).toHaveLength(3);
  expect(screen.getByTestId('graph-peers').textContent).toBe('3 peers · Canvas');
});

test('clicking a peer selects it (and it is ringed); clicking empty space clears the selection', async () => {
  const store = show(smallSwarm().model());
  await frames();
  const surface = document.querySelector('.swarm-surface')!;
  fireEvent.click(surface, onScreen(1, 3));
  expect(store.getState().selectedClient).toBe(1);
  await frames();
  const rings = [...document.querySelectorAll('.rings path')].filter(
    (p) => p.getAttribute('stroke') === '#0072b2',
  );
  expect(rings).toHaveLength(1);
  fireEvent.click(surface, { clientX: 5, clientY: 5 });
  expect(store.getState().selectedClient).toBeNull();
});

test('hovering a peer shows who it is and what the tracker believes', async () => {
  show(smallSwarm().model());
  await frames();
  fireEvent.pointerMove(document.querySelector('.swarm-surface')!, onScreen(2, 3));
  await frames();
  const tip = screen.getByTestId('graph-tooltip');
  expect(tip.hidden).toBe(false);
  expect(tip.textContent).toBe('bobghost (gone, still listed)the tracker lists it as a leecher');
});

test('an announce in flight is drawn where virtual time puts it, and stays there while paused', async () => {
  const log = smallSwarm().announce(1, 10_000, { returns: [{ id: 0, reason: 'random' }] });
  show(log.model(), { now: 10_000 + LEG_REAL_MS / 2, speed: 1 });
  await frames();
  const announces = () =>
    [...document.querySelectorAll('.dots path')].find((p) => p.getAttribute('fill') === palette.announce)!;
  // Half-way from alice (client 1) to the tracker at the origin.
  const alice = layoutFor(2);
  const k = fitTransform(layoutRadius(3), 800, 600).k;
  const d = announces().getAttribute('d');
  expect(d).toBe(circlePath(alice.xs[1]! / 2, alice.ys[1]! / 2, DOT_PX / k));
  await frames();
  expect(announces().getAttribute('d')).toBe(d);
});

test('data connections are drawn as one path, and hidden when the display option is off', async () => {
  const log = smallSwarm().connected(0, [1], 100);
  const store = show(log.model());
  await frames();
  const path = document.querySelector('path.connections')!;
  const layout = layoutFor(2);
  const d = path.getAttribute('d')!;
  expect(d).toMatch(/^M\S+ \S+L\S+ \S+$/);
  const [x1, y1, x2, y2] = d.match(/-?[\d.]+/g)!.map(Number);
  for (const [got, want] of [
    [x1, layout.xs[0]],
    [y1, layout.ys[0]],
    [x2, layout.xs[1]],
    [y2, layout.ys[1]],
  ])
    expect(got).toBeCloseTo(want!, 1);
  act(() => store.setState({ display: { ...store.getState().display, showConnections: false } }));
  await frames();
  expect(path.getAttribute('d')).toBe('');
});

test('a peer that crashes turns into a ghost as soon as the event arrives', () => {
  const model = smallSwarm().model();
  const store = show(model);
  const alice = () => document.querySelector<SVGCircleElement>('circle[data-id="1"]')!.dataset.look;
  expect(alice()).toBe('leeching');
  act(() => {
    model.apply([
      {
        type: 'clientStateChanged',
        t: 2_000,
        clientId: 1,
        state: 'crashed',
        previous: 'leeching',
        cause: 'crashed',
        seq: model.events.length,
      },
    ]);
    store.setState({ version: model.version });
  });
  expect(alice()).toBe('ghost');
});
