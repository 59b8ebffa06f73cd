// The charts' data cut to what a screen can show, keeping the first, the last and the extremes.
import { describe, expect, test } from 'vitest';
import {
  countsSeries,
  downsampleIndices,
  holdUntil,
  requestRateBars,
  totalsSeries,
} from '../../../shared/views/chartSeries';
import type { TotalsPoint } from '../../../shared/views/types';

describe('downsampling', () => {
  test('100,000 points become at most N, keeping the first, the last and the extremes', () => {
    const n = 100_000;
    // A slow wave with one spike up and one spike down.
    const v = (i: number) => (i === 31_337 ? 1e6 : i === 77_001 ? -1e6 : Math.sin(i / 5000) * 100);
    const kept = downsampleIndices(n, [v], 500);
    expect(kept.length).toBeLessThanOrEqual(500);
    expect(kept.length).toBeGreaterThan(400);
    expect(kept[0]).toBe(0);
    expect(kept.at(-1)).toBe(n - 1);
    expect(kept).toContain(31_337);
    expect(kept).toContain(77_001);
    expect([...kept].sort((a, b) => a - b)).toEqual(kept); // in order, no duplicates
    expect(new Set(kept).size).toBe(kept.length);
  });

  test('short series are kept whole', () => {
    expect(downsampleIndices(5, [() => 1], 10)).toEqual([0, 1, 2, 3, 4]);
  });

  test('with several lines every line keeps its extremes, at aligned points', () => {
    const totals: TotalsPoint[] = Array.from({ length: 100_000 }, (_, i) => ({
      t: i * 1000,
      trueUploaded: i,
      creditedUploaded: i === 50_000 ? 0 : Math.floor(i / 900) * 900,
      trueDownloaded: i === 99_998 ? 1e9 : i,
      creditedDownloaded: 0,
    }));
    const s = totalsSeries(totals, 1000);
    expect(s.length).toBeLessThanOrEqual(1000);
    expect(s[0]!.t).toBe(0);
    expect(s.at(-1)!.t).toBe(99_999_000);
    expect(s.some((p) => p.t === 50_000_000 && p.creditedUploaded === 0)).toBe(true);
    expect(Math.max(...s.map((p) => p.trueDownloaded))).toBe(1e9);
  });

  test('counts keep the peak number of leechers', () => {
    const counts = Array.from({ length: 20_000 }, (_, i) => ({
      t: i,
      complete: 1,
      incomplete: i === 12_345 ? 99 : i % 7,
    }));
    const s = countsSeries(counts, 100);
    expect(s.length).toBeLessThanOrEqual(100);
    expect(Math.max(...s.map((p) => p.incomplete))).toBe(99);
  });
});

describe('requests per minute', () => {
  test('one bar per minute from minute 0, empty minutes at zero', () => {
    const perMinute = new Map([
      [0, 3],
      [2, 5],
    ]);
    expect(requestRateBars(perMinute, 4 * 60_000, 100)).toEqual({
      minutesPerBar: 1,
      bars: [
        { start: 0, end: 60_000, value: 3, total: 3 },
        { start: 60_000, end: 120_000, value: 0, total: 0 },
        { start: 120_000, end: 180_000, value: 5, total: 5 },
        { start: 180_000, end: 240_000, value: 0, total: 0 },
      ],
    });
  });

  test('more minutes than bars: each bar spans several and shows the busiest minute', () => {
    const perMinute = new Map<number, number>();
    for (let m = 0; m < 1000; m++) perMinute.set(m, m === 555 ? 400 : 10);
    const { bars, minutesPerBar } = requestRateBars(perMinute, 0, 100);
    expect(minutesPerBar).toBe(10);
    expect(bars).toHaveLength(100);
    expect(bars[55]).toEqual({ start: 550 * 60_000, end: 560 * 60_000, value: 400, total: 490 });
    expect(bars[0]!.value).toBe(10);
  });
});

test('the last value holds until now', () => {
  expect(holdUntil([{ t: 0, v: 1 }], 500)).toEqual([
    { t: 0, v: 1 },
    { t: 500, v: 1 },
  ]);
  expect(holdUntil([{ t: 900, v: 1 }], 500)).toEqual([{ t: 900, v: 1 }]);
  expect(holdUntil([], 500)).toEqual([]);
});
