// Which renderer draws the swarm. Animated SVG stays smooth up to a few hundred peers (beyond, setting
// thousands of attributes per frame and the DOM itself cost too much: see
// ../shared/research/simulators.md §3); past that, one Canvas 2D pass per frame.

/** The most peers drawn with SVG; above this the Canvas renderer takes over. */
export const SVG_MAX_PEERS = 300;
/** Names are written beside the peers up to this many (or when zoomed in far enough). */
export const LABEL_MAX_PEERS = 60;
/** Zoomed in so that neighbours are this many pixels apart, labels fit whatever the swarm's size. */
export const LABEL_MIN_SPACING_PX = 80;

export type GraphRenderer = 'svg' | 'canvas';

/** `peers` is the swarm's size as planned (the scenario's groups) or seen, whichever is larger. */
export function rendererFor(peers: number): GraphRenderer {
  return peers > SVG_MAX_PEERS ? 'canvas' : 'svg';
}

/** Whether names are drawn, given the swarm's size and the spacing of neighbours on screen. */
export function showLabels(peers: number, spacingPx: number): boolean {
  return peers <= LABEL_MAX_PEERS || spacingPx >= LABEL_MIN_SPACING_PX;
}

/**
 * How many answers light their peers at once (the newest ones; the selected peer's always): enough to
 * follow every answer in a classroom swarm; in a big one a single answer may already name 200 peers.
 */
export function maxLitAnswers(peers: number): number {
  return peers <= 30 ? 12 : 1;
}

/** Data connections fade as they multiply, so thousands of them read as a haze, not a black disc. */
export function connectionOpacity(edges: number): number {
  if (edges <= 500) return 0.6;
  return Math.max(0.04, 0.6 * Math.sqrt(500 / edges));
}

/**
 * How often the data-connection layer follows the model (ms). Thousands of edges cost a lot to
 * rasterise and change constantly; redrawing them a few times a second shows the same picture.
 */
export function connectionRefreshMs(edges: number): number {
  return Math.min(2_000, Math.max(150, edges / 20));
}
