// Hit-testing for hover and click: a quadtree over the peers' layout positions (d3-quadtree), queried
// with the pointer position inverted through the view transform. Both renderers use it, so the SVG
// needs no per-node listeners and the Canvas needs no DOM at all.
import { quadtree, type Quadtree } from 'd3';
import { TRACKER_RADIUS, type Layout, type ViewTransform } from './layout';

export type PeerIndex = Quadtree<number>;

/** Index of the ids present (ids without a node are skipped). */
export function buildPeerIndex(layout: Layout, present: (id: number) => boolean): PeerIndex {
  const tree = quadtree<number>()
    .x((id) => layout.xs[id]!)
    .y((id) => layout.ys[id]!);
  const ids: number[] = [];
  for (let id = 0; id < layout.count; id++) if (present(id)) ids.push(id);
  return tree.addAll(ids);
}

/** Screen → layout coordinates. */
export function toLayout(t: ViewTransform, px: number, py: number): { x: number; y: number } {
  return { x: (px - t.x) / t.k, y: (py - t.y) / t.k };
}

export type Hit = { kind: 'peer'; id: number } | { kind: 'tracker' } | null;

/**
 * What is under the pointer at screen (px, py): the nearest peer within its drawn radius (at least
 * `slopPx` on screen, so tiny nodes stay clickable), else the tracker, else nothing.
 */
export function hitAt(
  index: PeerIndex,
  t: ViewTransform,
  px: number,
  py: number,
  nodeRadiusPx: number,
  slopPx = 6,
): Hit {
  const p = toLayout(t, px, py);
  const reach = Math.max(nodeRadiusPx, slopPx) / t.k;
  const id = index.find(p.x, p.y, reach);
  if (id !== undefined) return { kind: 'peer', id };
  if (Math.hypot(p.x, p.y) <= Math.max(TRACKER_RADIUS, slopPx / t.k)) return { kind: 'tracker' };
  return null;
}
