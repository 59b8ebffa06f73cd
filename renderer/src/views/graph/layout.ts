// Where every peer sits: a pure function of its client id. The tracker is at the origin; peers fill
// a golden-angle (phyllotaxis) annulus around it, slot = client id, so the arrangement is
// deterministic, even in density at any size, and perfectly stable: a peer's position never depends
// on who else is in the swarm, so arrivals and departures move nobody.
import type { ScenarioInput } from '../../../../shared/sim/scenario';

export interface Point {
  x: number;
  y: number;
}

/** The view transform (d3-zoom's): screen = layout × k + (x, y). */
export interface ViewTransform {
  k: number;
  x: number;
  y: number;
}

/** Layout units (1 unit = 1 CSS pixel at zoom 1). */
export const TRACKER_RADIUS = 18;
export const NODE_RADIUS = 9;
/** The empty disc around the tracker that the announce dots cross. */
export const INNER_RADIUS = 150;
/** Distance between neighbouring peers. */
export const NODE_SPACING = 46;

const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));
/** Area of the hexagonal cell one peer takes at NODE_SPACING. */
const AREA_PER_PEER = (NODE_SPACING * NODE_SPACING * Math.sqrt(3)) / 2;

/** Radius of slot `slot`: area-preserving, so every peer gets the same share of the annulus. */
export function slotRadius(slot: number): number {
  return Math.sqrt(INNER_RADIUS * INNER_RADIUS + ((slot + 0.5) * AREA_PER_PEER) / Math.PI);
}

/** The position of the peer in `slot` (its client id). The first one sits straight above the tracker. */
export function peerPosition(slot: number): Point {
  const r = slotRadius(slot);
  const a = slot * GOLDEN_ANGLE - Math.PI / 2;
  return { x: r * Math.cos(a), y: r * Math.sin(a) };
}

/**
 * Positions for client ids 0 … count-1 as parallel arrays (the hot paths index them by id).
 * Growing a layout keeps the existing entries: `grow(layout, n)` only computes the new slots.
 */
export interface Layout {
  count: number;
  xs: Float64Array;
  ys: Float64Array;
}

export function layoutFor(count: number, previous?: Layout): Layout {
  if (previous && previous.count >= count) return previous;
  let capacity = previous ? previous.xs.length : 0;
  if (capacity < count) capacity = Math.max(count, capacity * 2, 64);
  const xs = new Float64Array(capacity);
  const ys = new Float64Array(capacity);
  const from = previous ? previous.count : 0;
  if (previous) {
    xs.set(previous.xs.subarray(0, from));
    ys.set(previous.ys.subarray(0, from));
  }
  for (let id = from; id < count; id++) {
    const p = peerPosition(id);
    xs[id] = p.x;
    ys[id] = p.y;
  }
  return { count, xs, ys };
}

/** Radius (layout units) of the disc that holds `peers` peers, nodes included. */
export function layoutRadius(peers: number): number {
  return (peers > 0 ? slotRadius(peers - 1) : INNER_RADIUS) + NODE_RADIUS;
}

/** How many peers the scenario will bring (groups' counts), so the view can reserve their space. */
export function plannedPeers(scenario: Pick<ScenarioInput, 'groups'> | null | undefined): number {
  let n = 0;
  for (const g of scenario?.groups ?? []) n += g.count ?? 1;
  return n;
}

/** The largest zoom an automatic fit uses (a 3-peer swarm should not fill the screen). */
export const MAX_FIT_ZOOM = 1.4;

/** The transform that shows a disc of `radius` layout units centred in a width × height view. */
export function fitTransform(radius: number, width: number, height: number, margin = 28): ViewTransform {
  const side = Math.max(1, Math.min(width, height) - 2 * margin);
  const k = Math.min(MAX_FIT_ZOOM, side / (2 * Math.max(radius, 1)));
  return { k, x: width / 2, y: height / 2 };
}

/** Node radius on screen: the node scales with the zoom, but never below a dot one can still see. */
export function nodeRadiusPx(k: number): number {
  return Math.max(NODE_RADIUS * k, 2);
}
