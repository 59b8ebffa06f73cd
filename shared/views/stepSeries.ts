// Series that change in steps (counts, totals): the value at any time is the last sample at or
// before it. Helpers to read them at a time and to put several on one time grid.

/** The last point at or before `t` (points sorted by time), or undefined before the first. */
export function valueAt<T extends { t: number }>(points: readonly T[], t: number): T | undefined {
  let lo = 0;
  let hi = points.length - 1;
  let found: T | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (points[mid]!.t <= t) {
      found = points[mid];
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** Every sample time of the series, plus 0 and `until`, from 0 to `until`, sorted and distinct. */
export function sharedTimes(series: readonly (readonly { t: number }[])[], until: number): number[] {
  const times = new Set<number>([0, until]);
  for (const points of series) for (const p of points) if (p.t >= 0 && p.t <= until) times.add(p.t);
  return [...times].sort((a, b) => a - b);
}

/** The series' value at each time, held from its last sample (`fallback` before its first). */
export function heldValues<T extends { t: number }>(
  points: readonly T[],
  times: readonly number[],
  pick: (point: T) => number,
  fallback = 0,
): number[] {
  return times.map((t) => {
    const p = valueAt(points, t);
    return p ? pick(p) : fallback;
  });
}
