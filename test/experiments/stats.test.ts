import { describe, expect, it } from 'vitest';
import {
  confidenceInterval,
  fiveNumbers,
  mean,
  sampleStdDev,
  studentTCdf,
  studentTQuantile,
} from '../../shared/experiments/stats';

describe('statistics across seeds', () => {
  it('the two-sided 95% t quantiles match the tables to 9 digits', () => {
    // Published values of t(0.975, df).
    const table: [number, number][] = [
      [1, 12.706204736],
      [2, 4.30265273],
      [4, 2.776445105],
      [9, 2.262157163],
      [29, 2.045229642],
      [120, 1.979930405],
    ];
    for (const [df, t] of table) expect(studentTQuantile(0.975, df)).toBeCloseTo(t, 8);
  });

  it('df = 1 and df = 2 agree with their closed forms', () => {
    // Cauchy: tan(π(p − ½)); df 2: (2p − 1) / √(2p(1 − p)).
    for (const p of [0.6, 0.9, 0.975, 0.995]) {
      expect(studentTQuantile(p, 1)).toBeCloseTo(Math.tan(Math.PI * (p - 0.5)), 9);
      expect(studentTQuantile(p, 2)).toBeCloseTo((2 * p - 1) / Math.sqrt(2 * p * (1 - p)), 9);
    }
    expect(studentTCdf(1, 1)).toBeCloseTo(0.75, 12);
    expect(studentTQuantile(0.025, 4)).toBeCloseTo(-2.776445105, 8);
  });

  it('the CI of 1, 2, 3, 4, 5 is 3 ± 2.776445 · √2.5 / √5', () => {
    const ci = confidenceInterval([1, 2, 3, 4, 5]);
    expect(ci.n).toBe(5);
    expect(ci.mean).toBe(3);
    // s² = (4 + 1 + 0 + 1 + 4) / 4 = 2.5
    const half = (2.776445105197793 * Math.sqrt(2.5)) / Math.sqrt(5);
    expect(ci.halfWidth).toBeCloseTo(half, 12);
    expect(ci.low).toBeCloseTo(3 - half, 12);
    expect(ci.high).toBeCloseTo(3 + half, 12);
  });

  it('two seeds use t(0.975, 1): 10 and 20 give 15 ± 12.7062 · 7.0711 / √2 = 15 ± 63.531', () => {
    const ci = confidenceInterval([10, 20]);
    expect(ci.mean).toBe(15);
    expect(ci.halfWidth).toBeCloseTo(12.706204736174707 * 5, 9);
  });

  it('identical values have a zero-width interval; one value has none', () => {
    expect(confidenceInterval([7, 7, 7])).toMatchObject({ mean: 7, halfWidth: 0, low: 7, high: 7 });
    expect(confidenceInterval([7])).toEqual({ n: 1, mean: 7, halfWidth: null, low: null, high: null });
    expect(confidenceInterval([])).toEqual({ n: 0, mean: null, halfWidth: null, low: null, high: null });
  });

  it('mean, standard deviation and the five numbers of a box', () => {
    expect(mean([2, 4, 9])).toBe(5);
    expect(sampleStdDev([2, 4, 4, 4, 5, 5, 7, 9])).toBeCloseTo(Math.sqrt(32 / 7), 12);
    expect(fiveNumbers([5, 1, 4, 2, 3])).toEqual({ min: 1, q1: 2, median: 3, q3: 4, max: 5 });
    expect(fiveNumbers([1, 2])).toEqual({ min: 1, q1: 1.25, median: 1.5, q3: 1.75, max: 2 });
    expect(fiveNumbers([])).toBeNull();
  });
});
