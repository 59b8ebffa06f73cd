// The charts' data, cut down to what a screen can show: a 100,000-point series becomes at most
// `maxPoints` points that keep the first, the last and every local extreme (each bucket's minimum
// and maximum of every line), so spikes and the gap between credited and true never disappear.
import type { CountsPoint, TotalsPoint } from './types';

/**
 * Indices to keep of `n` points: the first, the last, and per bucket the index of the minimum and
 * the maximum of each accessor, in order, never more than `maxPoints` (at least 2 + 2 per accessor).
 */
export function downsampleIndices(
  n: number,
  accessors: readonly ((i: number) => number)[],
  maxPoints: number,
): number[] {
  if (n <= Math.max(maxPoints, 2)) return Array.from({ length: n }, (_, i) => i);
  const perBucket = 2 * Math.max(1, accessors.length);
  const buckets = Math.max(1, Math.floor((maxPoints - 2) / perBucket));
  const inner = n - 2; // indices 1 … n-2 are bucketed; 0 and n-1 are always kept
  const keep: number[] = [0];
  for (let b = 0; b < buckets; b++) {
    const start = 1 + Math.floor((b * inner) / buckets);
    const end = 1 + Math.floor(((b + 1) * inner) / buckets);
    if (start >= end) continue;
    const picked: number[] = [];
    for (const value of accessors) {
      let lo = start;
      let hi = start;
      let min = value(start);
      let max = min;
      for (let i = start + 1; i < end; i++) {
        const v = value(i);
        if (v < min) [min, lo] = [v, i];
        if (v > max) [max, hi] = [v, i];
      }
      picked.push(lo, hi);
    }
    picked.sort((a, b2) => a - b2);
    for (let i = 0; i < picked.length; i++) if (i === 0 || picked[i] !== picked[i - 1]) keep.push(picked[i]!);
  }
  keep.push(n - 1);
  return keep;
}

/** The points of `points` at the kept indices. */
export function downsample<T>(
  points: readonly T[],
  accessors: readonly ((p: T) => number)[],
  maxPoints: number,
): T[] {
  const idx = downsampleIndices(
    points.length,
    accessors.map((f) => (i: number) => f(points[i]!)),
    maxPoints,
  );
  return idx.length === points.length ? [...points] : idx.map((i) => points[i]!);
}

export function countsSeries(counts: readonly CountsPoint[], maxPoints: number): CountsPoint[] {
  return downsample(counts, [(p) => p.complete, (p) => p.incomplete], maxPoints);
}

export function totalsSeries(totals: readonly TotalsPoint[], maxPoints: number): TotalsPoint[] {
  return downsample(
    totals,
    [(p) => p.trueUploaded, (p) => p.creditedUploaded, (p) => p.trueDownloaded, (p) => p.creditedDownloaded],
    maxPoints,
  );
}

export interface RateBar {
  /** Virtual time span of the bar (ms). */
  start: number;
  end: number;
  /** Requests in the busiest minute of the span (the count itself when a bar is one minute). */
  value: number;
  /** All requests in the span. */
  total: number;
}

export interface RateBars {
  bars: RateBar[];
  minutesPerBar: number;
}

/**
 * Requests per minute as bars from minute 0 to the later of the last busy minute and `untilMs`;
 * when there are more minutes than `maxBars`, each bar spans several and shows the busiest one
 * (an announce storm stays visible instead of being averaged away).
 */
export function requestRateBars(
  perMinute: ReadonlyMap<number, number>,
  untilMs: number,
  maxBars: number,
): RateBars {
  let last = Math.floor(Math.max(0, untilMs - 1) / 60_000);
  for (const m of perMinute.keys()) if (m > last) last = m;
  const minutes = last + 1;
  const minutesPerBar = Math.max(1, Math.ceil(minutes / Math.max(1, maxBars)));
  const bars: RateBar[] = [];
  for (let m0 = 0; m0 < minutes; m0 += minutesPerBar) {
    let value = 0;
    let total = 0;
    for (let m = m0; m < Math.min(minutes, m0 + minutesPerBar); m++) {
      const n = perMinute.get(m) ?? 0;
      total += n;
      if (n > value) value = n;
    }
    bars.push({ start: m0 * 60_000, end: Math.min(minutes, m0 + minutesPerBar) * 60_000, value, total });
  }
  return { bars, minutesPerBar };
}

/** The last value holds until `now` (counts and credit only change at events): one more point there. */
export function holdUntil<T extends { t: number }>(points: readonly T[], now: number): T[] {
  const last = points[points.length - 1];
  return last !== undefined && now > last.t ? [...points, { ...last, t: now }] : [...points];
}
