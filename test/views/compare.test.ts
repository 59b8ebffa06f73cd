// A fork beside its original: numbers at the moment both reached, series on one grid.
import { describe, expect, it } from 'vitest';
import type { BranchSeries } from '../../shared/bridge';
import {
  alignSeries,
  commonEnd,
  comparisonRows,
  finishedSeries,
  requestsBefore,
} from '../../shared/views/compare';
import { heldValues, sharedTimes, valueAt } from '../../shared/views/stepSeries';

const totals = (t: number, up: number, credited: number) => ({
  t,
  trueUploaded: up,
  trueDownloaded: up,
  creditedUploaded: credited,
  creditedDownloaded: credited,
});

const original: BranchSeries = {
  endMs: 600_000,
  counts: [
    { t: 0, complete: 1, incomplete: 0 },
    { t: 100_000, complete: 1, incomplete: 3 },
    { t: 400_000, complete: 3, incomplete: 1 },
  ],
  totals: [totals(0, 0, 0), totals(200_000, 1000, 400), totals(500_000, 3000, 3000)],
  completions: [350_000, 390_000, 550_000],
  requestsPerMinute: [
    [0, 4],
    [3, 2],
    [6, 1],
  ],
};

const fork: BranchSeries = {
  endMs: 450_000,
  counts: [
    { t: 0, complete: 1, incomplete: 0 },
    { t: 100_000, complete: 1, incomplete: 3 },
    { t: 300_000, complete: 2, incomplete: 2 },
  ],
  totals: [totals(0, 0, 0), totals(200_000, 1000, 400), totals(420_000, 2500, 400)],
  completions: [300_000],
  requestsPerMinute: [
    [0, 4],
    [3, 5],
  ],
};

describe('step series', () => {
  it('valueAt takes the last sample at or before t (the last of equal times)', () => {
    const points = [
      { t: 0, v: 1 },
      { t: 10, v: 2 },
      { t: 10, v: 3 },
      { t: 20, v: 4 },
    ];
    expect(valueAt(points, -1)).toBeUndefined();
    expect(valueAt(points, 0)?.v).toBe(1);
    expect(valueAt(points, 9)?.v).toBe(1);
    expect(valueAt(points, 10)?.v).toBe(3);
    expect(valueAt(points, 99)?.v).toBe(4);
  });

  it('sharedTimes and heldValues put series on one grid', () => {
    const a = [
      { t: 5, v: 1 },
      { t: 15, v: 2 },
    ];
    const b = [
      { t: 10, v: 7 },
      { t: 40, v: 8 },
    ];
    const times = sharedTimes([a, b], 30);
    expect(times).toEqual([0, 5, 10, 15, 30]);
    expect(heldValues(a, times, (p) => p.v)).toEqual([0, 1, 1, 2, 2]);
    expect(heldValues(b, times, (p) => p.v, -1)).toEqual([-1, -1, 7, 7, 7]);
  });
});

describe('comparison', () => {
  it('compares at the moment both runs have reached', () => {
    expect(commonEnd(original, fork)).toBe(450_000);
    expect(requestsBefore(original, 450_000)).toBe(7);
    expect(requestsBefore(fork, 450_000)).toBe(9);
    const rows = comparisonRows(original, fork, 450_000);
    expect(rows.map((r) => [r.key, r.original, r.fork])).toEqual([
      ['seeders', 3, 2],
      ['leechers', 1, 2],
      ['completed', 2, 1],
      ['trueUploaded', 1000, 2500],
      ['creditedUploaded', 400, 400],
      ['uncredited', 600, 2100],
      ['requests', 7, 9],
    ]);
  });

  it('aligns both runs on one time grid up to the common end', () => {
    const leechers = alignSeries(original.counts, fork.counts, (p) => p.incomplete, 450_000);
    expect(leechers).toEqual({
      t: [0, 100_000, 300_000, 400_000, 450_000],
      original: [0, 3, 3, 1, 1],
      fork: [0, 3, 2, 2, 2],
    });
  });

  it('counts finished downloads over time, in order, on the shared grid', () => {
    expect(finishedSeries(original)).toEqual([
      { t: 350_000, finished: 1 },
      { t: 390_000, finished: 2 },
      { t: 550_000, finished: 3 },
    ]);
    expect(alignSeries(finishedSeries(original), finishedSeries(fork), (p) => p.finished, 450_000)).toEqual({
      t: [0, 300_000, 350_000, 390_000, 450_000],
      original: [0, 0, 1, 2, 2],
      fork: [0, 1, 1, 1, 1],
    });
  });
});
