// Per point, each metric across the seeds that finished: mean, 95% Student-t interval, the five
// numbers of a box plot. Seeds where a metric is null (censored, or not applicable) are left out
// of that metric and `n` says how many remain.
import { metricKeys, type MetricKey } from './metricDefs';
import type { RunMetrics } from './metrics/collector';
import type { ExperimentPoint } from './points';
import { confidenceInterval, fiveNumbers, type FiveNumbers, type Interval } from './stats';

export interface RunRecord {
  point: number;
  seed: number;
  metrics: RunMetrics;
  /** Wall-clock milliseconds the run took (not part of the CSV: it differs from run to run). */
  wallMs: number;
}

export interface MetricSummary extends Interval {
  /** Per seed, in the experiment's seed order (null: not finished or not applicable). */
  values: (number | null)[];
  box: FiveNumbers | null;
}

export interface PointSummary {
  point: number;
  label: string;
  /** Seeds whose run finished. */
  runs: number;
  metrics: Record<MetricKey, MetricSummary>;
}

export function summarizePoint(
  point: ExperimentPoint,
  seeds: readonly number[],
  runs: readonly RunRecord[],
): PointSummary {
  const bySeed = new Map(runs.filter((r) => r.point === point.index).map((r) => [r.seed, r]));
  const metrics = {} as Record<MetricKey, MetricSummary>;
  for (const key of metricKeys) {
    const values = seeds.map((s) => bySeed.get(s)?.metrics[key] ?? null);
    const present = values.filter((v): v is number => v !== null);
    metrics[key] = { ...confidenceInterval(present), values, box: fiveNumbers(present) };
  }
  return { point: point.index, label: point.label, runs: bySeed.size, metrics };
}

export function summarize(
  points: readonly ExperimentPoint[],
  seeds: readonly number[],
  runs: readonly RunRecord[],
): PointSummary[] {
  return points.map((p) => summarizePoint(p, seeds, runs));
}

/** Runs in the canonical order: by point, then by the seed's position in the experiment. */
export function sortRuns(runs: readonly RunRecord[], seeds: readonly number[]): RunRecord[] {
  const order = new Map(seeds.map((s, i) => [s, i]));
  return [...runs].sort((a, b) => a.point - b.point || order.get(a.seed)! - order.get(b.seed)!);
}
