// What a sweep produces, as one JSON document that can be saved and loaded again: the experiment
// (with its base scenario, so it is self-contained), every finished run's metrics, and the
// per-point summaries (recomputed from the runs on load, so the two cannot disagree).
import { z } from 'zod';
import { jsonPath } from '../sim/scenario';
import type { Experiment } from './schema';
import { sortRuns, summarize, type PointSummary, type RunRecord } from './summary';

export const RESULT_FORMAT = 'tracker-lab/experiment-result';
export const RESULT_VERSION = 1;

export interface ExperimentResult {
  format: typeof RESULT_FORMAT;
  version: typeof RESULT_VERSION;
  experiment: Experiment;
  /** Every run finished. */
  complete: boolean;
  /** The sweep was cancelled: `runs` holds what finished before. */
  cancelled: boolean;
  runs: RunRecord[];
  summaries: PointSummary[];
  timing: { startedAt: string; wallMs: number; jobs: number };
}

export function buildResult(
  experiment: Experiment,
  runs: readonly RunRecord[],
  status: { cancelled: boolean; timing: ExperimentResult['timing'] },
): ExperimentResult {
  const sorted = sortRuns(runs, experiment.seeds);
  return {
    format: RESULT_FORMAT,
    version: RESULT_VERSION,
    experiment,
    complete: sorted.length === experiment.points.length * experiment.seeds.length,
    cancelled: status.cancelled,
    runs: sorted,
    summaries: summarize(experiment.points, experiment.seeds, sorted),
    timing: status.timing,
  };
}

const nullableNumber = z.number().nullable();

const runSchema = z.object({
  point: z.number().int().min(0),
  seed: z.number().int(),
  wallMs: z.number(),
  metrics: z.record(z.string(), z.union([nullableNumber, z.array(z.number())])),
});

const resultSchema = z.object({
  format: z.literal(RESULT_FORMAT),
  version: z.literal(RESULT_VERSION),
  experiment: z.object({
    name: z.string(),
    description: z.string(),
    base: z.record(z.string(), z.unknown()),
    basePreset: z.string().nullable(),
    durationMs: z.number(),
    sampleEveryMs: z.number(),
    seeds: z.array(z.number().int()),
    varied: z.array(z.string()),
    points: z.array(
      z.object({ index: z.number().int(), label: z.string(), params: z.record(z.string(), z.unknown()) }),
    ),
  }),
  cancelled: z.boolean(),
  runs: z.array(runSchema),
  timing: z.object({ startedAt: z.string(), wallMs: z.number(), jobs: z.number() }),
});

/** A result read back from its JSON (summaries recomputed from the runs). */
export function parseExperimentResult(
  input: unknown,
): { ok: true; result: ExperimentResult } | { ok: false; errors: string[] } {
  const parsed = resultSchema.safeParse(input);
  if (!parsed.success)
    return {
      ok: false,
      errors: parsed.error.issues.map((i) => `${jsonPath(i.path)}: ${i.message}`),
    };
  const data = parsed.data;
  const experiment = data.experiment as unknown as Experiment;
  const runs = data.runs as unknown as RunRecord[];
  return {
    ok: true,
    result: buildResult(experiment, runs, { cancelled: data.cancelled, timing: data.timing }),
  };
}
