// A fork beside the run it left: the key numbers of both at one moment, and their series on one
// time grid so one chart can draw both. Pure; the Compare view only draws what this returns.
import type { BranchSeries } from '../bridge';
import { heldValues, sharedTimes, valueAt } from './stepSeries';

type CountsPoint = BranchSeries['counts'][number];
type TotalsPoint = BranchSeries['totals'][number];

export type FigureUnit = 'count' | 'bytes';

export interface ComparisonRow {
  key: string;
  label: string;
  /** What the number is, for its tooltip. */
  explain: string;
  unit: FigureUnit;
  original: number;
  fork: number;
}

/** Tracker requests in the minutes that started before `t`. */
export function requestsBefore(series: BranchSeries, t: number): number {
  let sum = 0;
  for (const [minute, n] of series.requestsPerMinute) if (minute * 60_000 < t) sum += n;
  return sum;
}

/** The moment both runs have reached: where their numbers can be compared fairly. */
export function commonEnd(original: BranchSeries, fork: BranchSeries): number {
  return Math.min(original.endMs, fork.endMs);
}

function figures(series: BranchSeries, t: number) {
  const counts: Partial<CountsPoint> = valueAt(series.counts, t) ?? {};
  const totals: Partial<TotalsPoint> = valueAt(series.totals, t) ?? {};
  const trueUploaded = totals.trueUploaded ?? 0;
  const creditedUploaded = totals.creditedUploaded ?? 0;
  return {
    seeders: counts.complete ?? 0,
    leechers: counts.incomplete ?? 0,
    completed: series.completions.filter((c) => c <= t).length,
    trueUploaded,
    creditedUploaded,
    uncredited: Math.max(0, trueUploaded - creditedUploaded),
    requests: requestsBefore(series, t),
  };
}

const rowInfo: { key: keyof ReturnType<typeof figures>; label: string; explain: string; unit: FigureUnit }[] =
  [
    {
      key: 'seeders',
      label: 'Seeders listed',
      explain: 'Peers the tracker counts as complete.',
      unit: 'count',
    },
    {
      key: 'leechers',
      label: 'Leechers listed',
      explain: 'Peers the tracker counts as incomplete.',
      unit: 'count',
    },
    {
      key: 'completed',
      label: 'Downloads finished',
      explain: 'Clients whose download really completed by this time (ground truth).',
      unit: 'count',
    },
    {
      key: 'trueUploaded',
      label: 'Really uploaded',
      explain: 'Bytes all clients really sent (ground truth).',
      unit: 'bytes',
    },
    {
      key: 'creditedUploaded',
      label: 'Credited upload',
      explain: 'Upload the tracker has credited to users: it only moves when an announce arrives.',
      unit: 'bytes',
    },
    {
      key: 'uncredited',
      label: 'Not credited',
      explain: 'Really uploaded minus credited: what the tracker has not (or never will have) counted.',
      unit: 'bytes',
    },
    {
      key: 'requests',
      label: 'Tracker requests',
      explain: 'Announces and scrapes the tracker received, in the minutes before this time.',
      unit: 'count',
    },
  ];

/** The key numbers of both runs at time `t`. */
export function comparisonRows(original: BranchSeries, fork: BranchSeries, t: number): ComparisonRow[] {
  const a = figures(original, t);
  const b = figures(fork, t);
  return rowInfo.map((r) => ({ ...r, original: a[r.key], fork: b[r.key] }));
}

export interface AlignedSeries {
  t: number[];
  original: number[];
  fork: number[];
}

/**
 * Two step series on one time grid (the union of their sample times up to `until`), each value
 * held from its last sample: what a chart with one `t` array for every line needs.
 */
export function alignSeries<T extends { t: number }>(
  original: readonly T[],
  fork: readonly T[],
  pick: (point: T) => number,
  until: number,
): AlignedSeries {
  const times = sharedTimes([original, fork], until);
  return {
    t: times,
    original: heldValues(original, times, pick),
    fork: heldValues(fork, times, pick),
  };
}

/** Downloads finished by each moment, as a step series (one point per completion). */
export function finishedSeries(series: BranchSeries): { t: number; finished: number }[] {
  return [...series.completions].sort((a, b) => a - b).map((t, i) => ({ t, finished: i + 1 }));
}
