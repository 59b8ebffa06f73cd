// Distributions for per-client values (capacities, seeding times), as written in scenario files.
// A plain value is a constant; sampling uses the injected PRNG, so runs are reproducible.
import { z } from 'zod';
import type { Prng } from '../prng';
import { parseDuration, parseRate } from '../units';

function unitValue(parse: (v: number | string) => number | null, what: string) {
  return z.union([z.number(), z.string()]).transform((value, ctx) => {
    const parsed = parse(value);
    if (parsed === null) {
      ctx.addIssue({ code: 'custom', message: `not a ${what}: ${JSON.stringify(value)}` });
      return z.NEVER;
    }
    return parsed;
  });
}

export const rateValue = unitValue(parseRate, 'rate (e.g. 512, "512KiB/s", "2MB/s")');
export const durationValue = unitValue(parseDuration, 'duration (e.g. 90, "90s", "15m", "1h30m")');

function distribution(value: typeof rateValue) {
  return z.union([
    value.transform((v) => ({ kind: 'constant' as const, value: v })),
    z
      .object({ uniform: z.tuple([value, value]) })
      .strict()
      .refine((d) => d.uniform[0] <= d.uniform[1], { message: 'uniform: the low end exceeds the high end' })
      .transform((d) => ({ kind: 'uniform' as const, min: d.uniform[0], max: d.uniform[1] })),
    z
      .object({ lognormal: z.object({ median: value, sigma: z.number().min(0).max(5) }).strict() })
      .strict()
      .transform((d) => ({
        kind: 'lognormal' as const,
        median: d.lognormal.median,
        sigma: d.lognormal.sigma,
      })),
    z
      .object({ choice: z.array(value).min(1) })
      .strict()
      .transform((d) => ({ kind: 'choice' as const, values: d.choice })),
  ]);
}

export const rateDistribution = distribution(rateValue);
export const durationDistribution = distribution(durationValue);
export type Distribution = z.output<typeof rateDistribution>;

/** Standard normal from two uniforms (Box–Muller). */
function gaussian(rng: Prng): number {
  const u = 1 - rng.float();
  const v = rng.float();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

export function sample(d: Distribution, rng: Prng): number {
  switch (d.kind) {
    case 'constant':
      return d.value;
    case 'uniform':
      return Math.round(d.min + (d.max - d.min) * rng.float());
    case 'lognormal':
      return Math.round(d.median * Math.exp(d.sigma * gaussian(rng)));
    case 'choice':
      return d.values[rng.int(0, d.values.length - 1)]!;
  }
}
