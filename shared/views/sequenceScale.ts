// The sequence chart's time axis: event-compressed, not linear. Announces come in bursts of a few
// milliseconds separated by idle stretches of 15–30 minutes; a linear axis would show one dot per
// burst. Here every moment something happens is a stop on the axis; between two neighbouring stops
// time runs linearly, except that a gap longer than `breakAfterMs` is squeezed to a fixed
// `breakPx` and marked as a break. The mapping stays monotonic, so it has an exact inverse.

export interface ScaleOptions {
  /** Pixels per millisecond inside a burst (where time runs linearly). */
  pxPerMs: number;
  /** Gaps longer than this are squeezed to `breakPx` and marked as a break. */
  breakAfterMs: number;
  breakPx: number;
  /** The narrowest gap between two distinct stops, so events 1 ms apart stay apart. */
  minGapPx: number;
  /** Room before the first stop and after the last (arrow heads, labels). */
  padPx: number;
}

export const defaultScaleOptions: ScaleOptions = {
  pxPerMs: 0.5,
  breakAfterMs: 120,
  breakPx: 36,
  minGapPx: 8,
  padPx: 24,
};

/** A squeezed gap: it starts at `x0` (time `from`) and ends at `x1` (time `to`). */
export interface AxisBreak {
  x0: number;
  x1: number;
  from: number;
  to: number;
}

export interface CompressedScale {
  /** The distinct stops, ascending, and where each is drawn. */
  readonly times: readonly number[];
  readonly xs: readonly number[];
  readonly breaks: readonly AxisBreak[];
  /** Total width: the last stop's x plus the padding. */
  readonly width: number;
  /** Virtual time → x; times outside the stops are clamped to the first or last. */
  x(t: number): number;
  /** x → virtual time (the inverse of `x` between the first and the last stop). */
  t(x: number): number;
}

/** Index of the last element of `sorted` that is ≤ value (-1 when none is). */
function lastAtOrBelow(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! <= value) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** The width a gap of `ms` takes on the axis, and whether it is a break. */
export function gapWidth(ms: number, o: ScaleOptions): { px: number; squeezed: boolean } {
  if (ms > o.breakAfterMs) return { px: o.breakPx, squeezed: true };
  return { px: Math.max(o.minGapPx, ms * o.pxPerMs), squeezed: false };
}

/** Builds the axis from the moments events happen (any order, duplicates allowed). */
export function compressedScale(
  moments: Iterable<number>,
  options: Partial<ScaleOptions> = {},
): CompressedScale {
  const o = { ...defaultScaleOptions, ...options };
  const times = [...new Set(moments)].sort((a, b) => a - b);
  const xs: number[] = [];
  const breaks: AxisBreak[] = [];
  let x = o.padPx;
  for (let i = 0; i < times.length; i++) {
    if (i > 0) {
      const gap = gapWidth(times[i]! - times[i - 1]!, o);
      if (gap.squeezed) breaks.push({ x0: x, x1: x + gap.px, from: times[i - 1]!, to: times[i]! });
      x += gap.px;
    }
    xs.push(x);
  }
  const width = x + o.padPx;

  return {
    times,
    xs,
    breaks,
    width,
    x(t: number): number {
      if (times.length === 0) return o.padPx;
      const i = lastAtOrBelow(times, t);
      if (i < 0) return xs[0]!;
      if (i === times.length - 1) return xs[i]!;
      const t0 = times[i]!;
      const t1 = times[i + 1]!;
      return xs[i]! + ((t - t0) / (t1 - t0)) * (xs[i + 1]! - xs[i]!);
    },
    t(px: number): number {
      if (times.length === 0) return 0;
      const i = lastAtOrBelow(xs, px);
      if (i < 0) return times[0]!;
      if (i === xs.length - 1) return times[i]!;
      const x0 = xs[i]!;
      const x1 = xs[i + 1]!;
      return times[i]! + ((px - x0) / (x1 - x0)) * (times[i + 1]! - times[i]!);
    },
  };
}

/** A labelled tick: the real time at the start of each burst (after each break). */
export interface AxisTick {
  x: number;
  t: number;
  label: string;
}

/**
 * Ticks at the first stop and at the stop after every break, left to right, skipping any that
 * would sit closer than `minSpacingPx` to the previous label (so labels never overlap) or repeat it.
 */
export function axisTicks(scale: CompressedScale, minSpacingPx: number): AxisTick[] {
  if (scale.times.length === 0) return [];
  const candidates = [scale.times[0]!, ...scale.breaks.map((b) => b.to)];
  const ticks: AxisTick[] = [];
  for (const t of candidates) {
    const x = scale.x(t);
    const label = formatClock(t);
    const last = ticks[ticks.length - 1];
    // A sub-second break would repeat the same HH:MM:SS: one label is enough.
    if (last && (x - last.x < minSpacingPx || label === last.label)) continue;
    ticks.push({ x, t, label });
  }
  return ticks;
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** Virtual time as HH:MM:SS (with .mmm when asked): the sequence chart's labels and tooltips. */
export function formatClock(ms: number, withMillis = false): string {
  const whole = Math.max(0, Math.floor(ms));
  const seconds = Math.floor(whole / 1000);
  const clock = `${pad2(Math.floor(seconds / 3600))}:${pad2(Math.floor(seconds / 60) % 60)}:${pad2(seconds % 60)}`;
  return withMillis ? `${clock}.${String(whole % 1000).padStart(3, '0')}` : clock;
}
