// The experiment file format (documented in docs/experiments.md): a base scenario, the settings to
// vary, and the seeds every point runs with. Invalid files get one `path: problem` line per issue.
import { z } from 'zod';
import { durationValue } from '../sim/distributions';
import { jsonPath, scenarioSchema, type ScenarioInput } from '../sim/scenario';
import { parameterNames, parameterSchemas, type ParameterName, type PointParams } from './params';
import { expandPoints, pointScenarioProblems, type ExperimentPoint } from './points';

const MAX_RUNS = 100_000;

const seedValue = z
  .number()
  .int()
  .min(0)
  .max(2 ** 31 - 1);

const varySchema = z
  .object(
    Object.fromEntries(parameterNames.map((n) => [n, z.array(parameterSchemas[n]).min(1).optional()])) as {
      [K in ParameterName]: z.ZodOptional<z.ZodArray<(typeof parameterSchemas)[K]>>;
    },
  )
  .strict();

const pointSchema = z
  .object(
    Object.fromEntries(parameterNames.map((n) => [n, parameterSchemas[n].optional()])) as {
      [K in ParameterName]: z.ZodOptional<(typeof parameterSchemas)[K]>;
    },
  )
  .strict();

export const experimentSchema = z
  .object({
    name: z.string().min(1).max(80),
    description: z.string().max(2000).default(''),
    /** A preset's name, or a scenario (docs/scenarios.md) written inline. */
    base: z.union([z.string().min(1), z.record(z.string(), z.unknown())]),
    /** Overrides the base scenario's duration. */
    duration: durationValue.optional(),
    /** How many seeds (1 … N), or the seeds themselves; every point runs with the same ones. */
    seeds: z.union([z.number().int().min(1).max(1000), z.array(seedValue).min(1).max(1000)]),
    /** How often the overlay's connectivity is sampled (virtual time). */
    sampleEvery: durationValue.prefault(60),
    /** Values per setting: every combination is a point (the cartesian product). */
    vary: varySchema.optional(),
    /** Or the points themselves, one object of settings each. */
    points: z.array(pointSchema).min(1).max(10_000).optional(),
  })
  .strict()
  .superRefine((e, ctx) => {
    if (e.vary !== undefined && e.points !== undefined)
      ctx.addIssue({ code: 'custom', message: 'give either vary or points, not both', path: ['points'] });
    if (e.duration !== undefined && e.duration <= 0)
      ctx.addIssue({ code: 'custom', message: 'must be more than 0', path: ['duration'] });
    if (e.sampleEvery <= 0)
      ctx.addIssue({ code: 'custom', message: 'must be more than 0', path: ['sampleEvery'] });
    if (Array.isArray(e.seeds)) {
      const seen = new Set<number>();
      e.seeds.forEach((s, i) => {
        if (seen.has(s)) ctx.addIssue({ code: 'custom', message: `seed ${s} twice`, path: ['seeds', i] });
        seen.add(s);
      });
    }
  });

export type ExperimentInput = z.input<typeof experimentSchema>;
type ExperimentFile = z.output<typeof experimentSchema>;

/** A validated experiment: its base resolved to a scenario, its points and seeds spelled out. */
export interface Experiment {
  name: string;
  description: string;
  /** The base scenario (input form, as written or as the preset defines it). */
  base: ScenarioInput;
  /** The preset the base came from, or null for an inline scenario. */
  basePreset: string | null;
  /** Virtual milliseconds per run (the override, or the base scenario's duration). */
  durationMs: number;
  sampleEveryMs: number;
  seeds: number[];
  /** The parameters that vary, in canonical order (for tables and chart axes). */
  varied: ParameterName[];
  points: ExperimentPoint[];
}

export type ExperimentParse = { ok: true; experiment: Experiment } | { ok: false; errors: string[] };

export interface ParseOptions {
  /** Looks up a preset scenario by name (the presets live outside shared/). */
  findPreset(name: string): ScenarioInput | undefined;
}

function issues(error: z.ZodError, prefix: readonly PropertyKey[] = []): string[] {
  return error.issues.map((issue) => `${jsonPath([...prefix, ...issue.path])}: ${issue.message}`);
}

export function parseExperiment(input: unknown, options: ParseOptions): ExperimentParse {
  const parsed = experimentSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: issues(parsed.error) };
  const file: ExperimentFile = parsed.data;

  let base: ScenarioInput;
  if (typeof file.base === 'string') {
    const preset = options.findPreset(file.base);
    if (!preset) return { ok: false, errors: [`base: no preset named "${file.base}"`] };
    base = preset;
  } else {
    const scenario = scenarioSchema.safeParse(file.base);
    if (!scenario.success) return { ok: false, errors: issues(scenario.error, ['base']) };
    base = file.base as ScenarioInput;
  }
  const durationMs = file.duration ?? scenarioSchema.parse(base).duration;
  const seeds = Array.isArray(file.seeds) ? file.seeds : Array.from({ length: file.seeds }, (_, i) => i + 1);

  const explicit: PointParams[] | undefined = file.points?.map((p) => stripUndefined(p));
  const vary = stripUndefined(file.vary ?? {}) as { [K in ParameterName]?: PointParams[K][] };
  const { points, varied } = expandPoints(vary, explicit);
  if (points.length * seeds.length > MAX_RUNS)
    return {
      ok: false,
      errors: [`(root): ${points.length} points × ${seeds.length} seeds is more than ${MAX_RUNS} runs`],
    };

  const errors: string[] = [];
  for (const point of points) {
    for (const problem of pointScenarioProblems(base, point.params, durationMs)) {
      const where = explicit ? `points[${point.index}]` : `vary (point ${point.index}: ${point.label})`;
      errors.push(`${where}: ${problem}`);
    }
  }
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    experiment: {
      name: file.name,
      description: file.description,
      base,
      basePreset: typeof file.base === 'string' ? file.base : null,
      durationMs,
      sampleEveryMs: file.sampleEvery,
      seeds,
      varied,
      points,
    },
  };
}

function stripUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
