// Where the sequence chart puts things: the rows (the tracker's lifeline pinned at the top, one row
// per client below, scrolled), each announce's two arrows, spans and marks, all in pixels from
// the compressed time scale. Pure numbers; the renderer only draws them.
import type { CompressedScale } from './sequenceScale';
import type { ExchangeOutcome, SequenceExchange, SequenceSpan } from './sequenceHistory';

export interface SequenceMetrics {
  /** Height of the time axis band at the top. */
  axisHeight: number;
  /** Height of the tracker's band below the axis (its lifeline runs through the middle). */
  trackerHeight: number;
  rowHeight: number;
  /** Width of the names column on the left. */
  labelWidth: number;
}

export const defaultMetrics: SequenceMetrics = {
  axisHeight: 30,
  trackerHeight: 44,
  rowHeight: 34,
  labelWidth: 120,
};

export const largeTextMetrics: SequenceMetrics = {
  axisHeight: 40,
  trackerHeight: 56,
  rowHeight: 46,
  labelWidth: 160,
};

/** The tracker's lifeline, in viewport coordinates (it does not scroll vertically). */
export function trackerLineY(m: SequenceMetrics): number {
  return m.axisHeight + m.trackerHeight / 2;
}

/** Top of the scrolled rows area, in viewport coordinates. */
export function rowsTop(m: SequenceMetrics): number {
  return m.axisHeight + m.trackerHeight;
}

/** The lifeline of row `index`, in viewport coordinates, when the rows are scrolled by `scrollTop`. */
export function rowLineY(index: number, scrollTop: number, m: SequenceMetrics): number {
  return rowsTop(m) + index * m.rowHeight + m.rowHeight / 2 - scrollTop;
}

/** Chart x → viewport x, when the chart is scrolled by `scrollLeft` (names column on the left). */
export function viewX(x: number, scrollLeft: number, m: SequenceMetrics): number {
  return m.labelWidth + x - scrollLeft;
}

/**
 * One arrow of an exchange in chart x. `request` runs client → tracker, `response` tracker →
 * client. `reaches` is false for a request that never arrived or an answer that never came: it
 * stops halfway, where the chart draws a cross.
 */
export interface Leg {
  leg: 'request' | 'response';
  x1: number;
  x2: number;
  reaches: boolean;
  outcome: ExchangeOutcome;
}

/** The arrows of one announce, as of virtual time `now` (a pending request runs up to `now`). */
export function exchangeLegs(x: SequenceExchange, scale: CompressedScale, now: number): Leg[] {
  const sent = scale.x(x.sentAt);
  if (x.deliveredAt === null) {
    return [{ leg: 'request', x1: sent, x2: scale.x(x.endedAt ?? now), reaches: false, outcome: x.outcome }];
  }
  const delivered = scale.x(x.deliveredAt);
  const legs: Leg[] = [{ leg: 'request', x1: sent, x2: delivered, reaches: true, outcome: x.outcome }];
  if (x.endedAt !== null) {
    const reaches = x.outcome === 'answered' || x.outcome === 'rejected';
    legs.push({ leg: 'response', x1: delivered, x2: scale.x(x.endedAt), reaches, outcome: x.outcome });
  }
  return legs;
}

export interface Segment {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** A leg between a client's lifeline at `clientY` and the tracker's at `trackerY`. */
export function legSegment(leg: Leg, clientY: number, trackerY: number): Segment {
  const [from, to] = leg.leg === 'request' ? [clientY, trackerY] : [trackerY, clientY];
  return { x1: leg.x1, y1: from, x2: leg.x2, y2: leg.reaches ? to : (from + to) / 2 };
}

/**
 * An arrow head at the end of a segment: a triangle with its tip on (x2, y2), `length` long and
 * `halfWidth` wide either side, as SVG polygon points.
 */
export function arrowHead(s: Segment, length: number, halfWidth: number): string {
  const dx = s.x2 - s.x1;
  const dy = s.y2 - s.y1;
  const d = Math.hypot(dx, dy) || 1;
  const ux = dx / d;
  const uy = dy / d;
  const bx = s.x2 - ux * length;
  const by = s.y2 - uy * length;
  const r = (n: number): number => Math.round(n * 100) / 100;
  return [
    [s.x2, s.y2],
    [bx - uy * halfWidth, by + ux * halfWidth],
    [bx + uy * halfWidth, by - ux * halfWidth],
  ]
    .map(([px, py]) => `${r(px!)},${r(py!)}`)
    .join(' ');
}

/** A span in chart x; an open one (still paused…) runs to `now`. */
export function spanExtent(
  span: SequenceSpan,
  scale: CompressedScale,
  now: number,
): { x0: number; x1: number } {
  return { x0: scale.x(span.from), x1: scale.x(span.to ?? now) };
}

/** Whether [a0, a1] (either order) overlaps the visible chart range [left, right]. */
export function overlaps(a0: number, a1: number, left: number, right: number): boolean {
  return Math.max(a0, a1) >= left && Math.min(a0, a1) <= right;
}

/**
 * The chart x range visible in a viewport `width` wide, scrolled by `scrollLeft`, widened by
 * `margin` either side (so a mark or a label straddling the edge is still drawn).
 */
export function visibleXRange(
  scrollLeft: number,
  width: number,
  m: SequenceMetrics,
  margin = 0,
): [number, number] {
  return [scrollLeft - margin, scrollLeft + Math.max(0, width - m.labelWidth) + margin];
}

/** Rows to render for a viewport: those visible plus `overscan` either side. */
export function visibleRowRange(
  scrollTop: number,
  height: number,
  count: number,
  m: SequenceMetrics,
  overscan = 4,
): [number, number] {
  const rowsHeight = Math.max(0, height - rowsTop(m));
  const first = Math.floor(Math.max(0, scrollTop) / m.rowHeight);
  const start = Math.max(0, Math.min(count, first - overscan));
  const end = Math.min(count, first + Math.ceil(rowsHeight / m.rowHeight) + overscan);
  return [start, Math.max(start, end)];
}

/** The scroll position that brings chart x `x` into view (null when it is already in view). */
export function scrollToRevealX(
  x: number,
  scrollLeft: number,
  width: number,
  m: SequenceMetrics,
): number | null {
  const [left, right] = visibleXRange(scrollLeft, width, m);
  const margin = 40;
  if (x >= left + margin && x <= right - margin) return null;
  return Math.max(0, x - (right - left) / 2);
}

/** The scroll position that brings row `index` into view (null when it already is). */
export function scrollToRevealRow(
  index: number,
  scrollTop: number,
  height: number,
  m: SequenceMetrics,
): number | null {
  const rowsHeight = Math.max(m.rowHeight, height - rowsTop(m));
  const top = index * m.rowHeight;
  if (top < scrollTop) return top;
  if (top + m.rowHeight > scrollTop + rowsHeight) return top + m.rowHeight - rowsHeight;
  return null;
}

/**
 * Where to write the labels of ticks at viewport x `xs` (ascending): a label that would run under
 * the names column is pushed right to `minLabelX`, and dropped instead (null) when pushing it
 * would bring it within `labelPx` of the next tick.
 */
export function placeTickLabels(
  xs: readonly number[],
  minLabelX: number,
  labelPx: number,
): (number | null)[] {
  return xs.map((x, i) => {
    if (x >= minLabelX) return x;
    const next = xs[i + 1];
    return next !== undefined && next - minLabelX < labelPx ? null : minLabelX;
  });
}
