// The SVG renderer's per-frame writes. React owns the peers' elements; this owns the view transform,
// the connection path and the moving layer. The moving layer is a handful of <path>s whose `d` holds
// every dot of a kind (or every link of an answer): a few attribute writes per frame instead of
// thousands, which is what keeps SVG smooth when hundreds of announces are in flight.
import { palette } from '../../theme';
import { NODE_RADIUS } from './layout';
import { connectionOpacity, connectionRefreshMs } from './mode';
import type { Painter, PaintInput } from './painter';
import { DOT_ANNOUNCE, DOT_ANSWER, DOT_REFUSAL } from './scene';
import { accent, DOT_PX, FAILURE_PX, ink, litLink, SELECTED_RING_PX } from './style';
import { SvgPool } from './svgPool';

export interface SvgLayers {
  /** The stacked layers' transformed groups (connections, peers, moving parts). */
  roots: SVGGElement[];
  /** The peers' layer (names take their size from it). */
  nodes: SVGGElement;
  edges: SVGPathElement;
  links: SVGGElement;
  rings: SVGGElement;
  dots: SVGGElement;
}

const f1 = (n: number): string => (Math.round(n * 10) / 10).toString();

/** A circle as path data (so many circles fit in one element). */
export function circlePath(x: number, y: number, r: number): string {
  return `M${f1(x - r)} ${f1(y)}a${f1(r)} ${f1(r)} 0 1 0 ${f1(2 * r)} 0a${f1(r)} ${f1(r)} 0 1 0 ${f1(-2 * r)} 0`;
}

function set(el: Element, attributes: Record<string, string>): void {
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
}

export function svgPainter(layers: SvgLayers): Painter {
  const doc = layers.dots.ownerDocument;
  const path = (parent: SVGGElement, attributes: Record<string, string>): SVGPathElement => {
    const el = doc.createElementNS('http://www.w3.org/2000/svg', 'path');
    set(el, { 'vector-effect': 'non-scaling-stroke', ...attributes });
    parent.appendChild(el);
    return el;
  };
  // One path per answer for its links and one for its rings; one per failure, per halo.
  const links = new SvgPool<SVGPathElement>(layers.links, 'path', (el) =>
    set(el, { 'vector-effect': 'non-scaling-stroke', stroke: litLink, 'stroke-width': '1.5', fill: 'none' }),
  );
  const rings = new SvgPool<SVGPathElement>(layers.rings, 'path', (el) =>
    set(el, { 'vector-effect': 'non-scaling-stroke', fill: 'none' }),
  );
  const dotPaths = [
    path(layers.dots, { fill: palette.announce, stroke: ink, 'stroke-width': '1' }),
    path(layers.dots, { fill: palette.answer, stroke: ink, 'stroke-width': '1' }),
    path(layers.dots, { fill: palette.failure, stroke: ink, 'stroke-width': '1' }),
  ];
  const fails = new SvgPool<SVGPathElement>(layers.dots, 'path', (el) =>
    set(el, {
      'vector-effect': 'non-scaling-stroke',
      stroke: palette.failure,
      'stroke-width': '3',
      fill: 'none',
    }),
  );
  let transformKey = '';
  let labelKey = '';
  let edgesKey = '';
  let edgesAt = -Infinity;
  let edgeCount = 0;

  const paintEdges = (input: PaintInput): void => {
    const key = input.showConnections ? String(input.driver.modelVersion) : 'off';
    if (key === edgesKey) return;
    const switched = key === 'off' || edgesKey === 'off' || edgesKey === '';
    if (!switched && input.wallNow - edgesAt < connectionRefreshMs(edgeCount)) return;
    const { xs, ys } = input.driver.layout;
    const parts: string[] = [];
    edgeCount = 0;
    if (input.showConnections) {
      const pairs = input.driver.connections();
      edgeCount = pairs.length / 2;
      for (let i = 0; i < pairs.length; i += 2) {
        const a = pairs[i]!;
        const b = pairs[i + 1]!;
        parts.push(`M${f1(xs[a]!)} ${f1(ys[a]!)}L${f1(xs[b]!)} ${f1(ys[b]!)}`);
      }
    }
    layers.edges.setAttribute('d', parts.join(''));
    layers.edges.setAttribute('stroke-opacity', String(connectionOpacity(edgeCount)));
    edgesKey = key;
    edgesAt = input.wallNow;
  };

  return {
    dispose(): void {
      for (const pool of [links, rings, fails]) pool.dispose();
      for (const el of dotPaths) el.remove();
    },
    paint(input: PaintInput): void {
      const { k, x, y } = input.transform;
      const { xs, ys } = input.driver.layout;
      const scene = input.scene;
      const key = `${x},${y},${k}`;
      if (key !== transformKey) {
        for (const root of layers.roots) root.setAttribute('transform', `translate(${x},${y}) scale(${k})`);
        transformKey = key;
      }
      // Names keep their screen size whatever the zoom (the tracker's and the peers').
      const nextLabelKey = `${k}|${input.fontPx}`;
      if (nextLabelKey !== labelKey) {
        layers.nodes.setAttribute('font-size', String((input.fontPx * 0.8) / k));
        labelKey = nextLabelKey;
      }
      paintEdges(input);

      // Each lit answer: its links to the requester, and a ring on each chosen peer, at its alpha.
      links.begin();
      rings.begin();
      const l = scene.links.col;
      const ringR = NODE_RADIUS + 2.5 / k;
      for (const answer of scene.litAnswers) {
        let d = '';
        let o = '';
        for (let i = answer.start; i < answer.end; i++) {
          d += `M${f1(l.x1[i]!)} ${f1(l.y1[i]!)}L${f1(l.x2[i]!)} ${f1(l.y2[i]!)}`;
          o += circlePath(l.x1[i]!, l.y1[i]!, ringR);
        }
        set(links.next(), { d, 'stroke-opacity': String(0.8 * answer.alpha) });
        set(rings.next(), {
          d: o,
          stroke: palette.answer,
          'stroke-width': '2.5',
          'stroke-opacity': String(answer.alpha),
          'stroke-dasharray': '',
        });
      }
      links.end();
      const ex = scene.expiries.col;
      for (let i = 0; i < scene.expiries.count; i++) {
        const p = ex.progress[i]!;
        set(rings.next(), {
          d: circlePath(ex.x[i]!, ex.y[i]!, NODE_RADIUS * (1 + 1.5 * p) + 2 / k),
          stroke: palette.ghost,
          'stroke-width': '2',
          'stroke-opacity': String(1 - p),
          'stroke-dasharray': '3 3',
        });
      }
      for (const [id, colour, width] of [
        [input.hovered, ink, '1.5'],
        [input.selected, accent, '3'],
      ] as const) {
        if (id === null || !input.driver.has(id)) continue;
        set(rings.next(), {
          d: circlePath(xs[id]!, ys[id]!, NODE_RADIUS + SELECTED_RING_PX / k),
          stroke: colour,
          'stroke-width': width,
          'stroke-opacity': '1',
          'stroke-dasharray': '',
        });
      }
      rings.end();

      // Dots: one path per kind.
      const dots = scene.dots.col;
      const r = DOT_PX / k;
      const d: string[][] = [[], [], []];
      for (let i = 0; i < scene.dots.count; i++) {
        const kind = dots.kind[i]!;
        const at = kind === DOT_ANNOUNCE ? 0 : kind === DOT_ANSWER ? 1 : kind === DOT_REFUSAL ? 2 : 0;
        d[at]!.push(circlePath(dots.x[i]!, dots.y[i]!, r));
      }
      for (let j = 0; j < 3; j++) dotPaths[j]!.setAttribute('d', d[j]!.join(''));

      fails.begin();
      const f = scene.failures.col;
      const s = FAILURE_PX / k;
      for (let i = 0; i < scene.failures.count; i++) {
        const fx = f.x[i]!;
        const fy = f.y[i]!;
        set(fails.next(), {
          d: `M${f1(fx - s)} ${f1(fy - s)}L${f1(fx + s)} ${f1(fy + s)}M${f1(fx + s)} ${f1(fy - s)}L${f1(fx - s)} ${f1(fy + s)}`,
          'stroke-opacity': String(f.alpha[i]),
        });
      }
      fails.end();
    },
  };
}
