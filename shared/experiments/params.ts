// The settings an experiment can vary, each with its schema (the value as written in the file, and
// the form it takes once parsed) and a short label for tables, file names and chart legends.
import { z } from 'zod';
import { arrivalSchema, type Arrival } from '../sim/group';
import { durationValue } from '../sim/distributions';
import { trackerPresetNames, type TrackerPresetName } from '../tracker/presets';
import { selectionStrategyNames, type SelectionStrategyName } from '../tracker/settings';
import { formatDuration } from '../units';

/** A duration given in whole seconds (tracker settings are seconds), written as 900 or "15m". */
const wholeSeconds = (min: number) =>
  durationValue.transform((ms, ctx) => {
    if (ms % 1000 !== 0 || ms / 1000 < min) {
      ctx.addIssue({ code: 'custom', message: `must be a whole number of seconds, at least ${min}` });
      return z.NEVER;
    }
    return ms / 1000;
  });

export const parameterSchemas = {
  /** The tracker's peer-selection strategy (speed-normal/high/low are the seed's normal/high/low). */
  selection: z.enum(selectionStrategyNames),
  /** Peers per answer: sets the tracker's numwantDefault and numwantMax both to this value. */
  numwant: z.number().int().min(0).max(10_000),
  /** The tracker's `interval`, in seconds (or a duration string). */
  interval: wholeSeconds(1),
  /** The tracker's `min interval`, in seconds (or a duration string). */
  minInterval: wholeSeconds(0),
  /** The tracker's peer timeout, in seconds (or a duration string). */
  peerTimeout: wholeSeconds(1),
  seedersToSeeders: z.boolean(),
  /** The tracker behaviour preset the scenario starts from. */
  preset: z.enum(trackerPresetNames),
  /** Total clients: every group's count scaled in proportion (at least one per group). */
  swarmSize: z.number().int().min(1).max(100_000),
  /** Replaces the arrival of every group that does not start with the whole torrent. */
  arrival: arrivalSchema,
  /** Any other tracker settings, as a patch (validated when the point's scenario is built). */
  settings: z.record(z.string(), z.unknown()),
} as const;

export type ParameterName = keyof typeof parameterSchemas;
export const parameterNames = Object.keys(parameterSchemas) as ParameterName[];

export interface ParameterValues {
  selection: SelectionStrategyName;
  numwant: number;
  interval: number;
  minInterval: number;
  peerTimeout: number;
  seedersToSeeders: boolean;
  preset: TrackerPresetName;
  swarmSize: number;
  arrival: Arrival;
  settings: Record<string, unknown>;
}

/** One point's settings: a value for some of the parameters. */
export type PointParams = Partial<ParameterValues>;

/** The parameters a point sets, in the canonical order (the order of `parameterNames`). */
export function paramsInOrder(params: PointParams): [ParameterName, unknown][] {
  return parameterNames.filter((n) => params[n] !== undefined).map((n) => [n, params[n]]);
}

function formatArrival(a: Arrival): string {
  switch (a.type) {
    case 'fixed':
      return a.spacing === 0 ? `fixed at ${formatDuration(a.at)}` : `every ${formatDuration(a.spacing)}`;
    case 'poisson':
      return `poisson ${formatDuration(a.meanGap)}`;
    case 'flash-crowd':
      return `flash-crowd ${formatDuration(a.over)}`;
  }
}

/** A parameter value as people read it: `newest`, `50`, `15m00s`, `poisson 1m00s`. */
export function formatParamValue(name: ParameterName, value: unknown): string {
  switch (name) {
    case 'interval':
    case 'minInterval':
    case 'peerTimeout':
      return formatDuration((value as number) * 1000);
    case 'arrival':
      return formatArrival(value as Arrival);
    case 'settings':
      return JSON.stringify(value);
    default:
      return String(value);
  }
}

/** `selection=newest swarmSize=30`, or `base` for a point that changes nothing. */
export function pointLabel(params: PointParams): string {
  const parts = paramsInOrder(params).map(([n, v]) => `${n}=${formatParamValue(n, v)}`);
  return parts.length === 0 ? 'base' : parts.join(' ');
}

/** Whether every value of the parameter is a number (plotted on a linear axis rather than by category). */
export function isNumericParam(name: ParameterName): boolean {
  return ['numwant', 'interval', 'minInterval', 'peerTimeout', 'swarmSize'].includes(name);
}
