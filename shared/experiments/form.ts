// The app's sweep form as plain data, and the experiment file it stands for: values are typed as
// text (comma-separated per setting), turned into an experiment here, and validated in full by the
// engine (docs/experiments.md). Pure, so the form's behaviour is tested without a DOM.
import type { Arrival } from '../sim/group';
import type { ScenarioInput } from '../sim/scenario';
import { formatDuration } from '../units';

/** The settings the form offers (`settings`, the free-form patch, is left to files). */
export const formParams = [
  'selection',
  'numwant',
  'interval',
  'minInterval',
  'peerTimeout',
  'seedersToSeeders',
  'preset',
  'swarmSize',
  'arrival',
] as const;
export type FormParam = (typeof formParams)[number];

export type FormBase = { preset: string } | { scenario: ScenarioInput };

export interface SweepForm {
  name: string;
  description: string;
  base: FormBase;
  /** Virtual time per run ('' keeps the base scenario's). */
  duration: string;
  /** How many seeds (1 … N). */
  seeds: string;
  sampleEvery: string;
  /** Values per setting as written, comma-separated ('' leaves the setting alone). */
  vary: Record<FormParam, string>;
}

export function emptyForm(preset = 'steady-swarm'): SweepForm {
  return {
    name: 'my-sweep',
    description: '',
    base: { preset },
    duration: '',
    seeds: '3',
    sampleEvery: '1m',
    vary: Object.fromEntries(formParams.map((p) => [p, ''])) as Record<FormParam, string>,
  };
}

export type FormParse = { ok: true; experiment: Record<string, unknown> } | { ok: false; errors: string[] };

const WHOLE = /^\d+$/;

function splitValues(text: string): string[] {
  return text
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v !== '');
}

/** A duration as the file takes it: a bare number of seconds as a number, else the text ("15m"). */
function durationText(text: string): number | string {
  return WHOLE.test(text) ? Number(text) : text;
}

/** `flash-crowd 10m [at 30s]`, `poisson 20s [from 1m]`, `every 10s [from 5s]`, `at 1m`. */
export function parseArrival(text: string): Arrival | null {
  const words = text.trim().split(/\s+/);
  const [kind, first, ...rest] = words;
  const option = (name: string): string | undefined => {
    if (rest.length === 0) return undefined;
    return rest.length === 2 && rest[0] === name ? rest[1] : '!';
  };
  const at = (name: string) => durationText(option(name) ?? '0');
  if (first === undefined) return null;
  let arrival: Record<string, unknown>;
  switch (kind) {
    case 'flash-crowd':
      arrival = { type: 'flash-crowd', at: at('at'), over: durationText(first) };
      break;
    case 'poisson':
      arrival = { type: 'poisson', meanGap: durationText(first), start: at('from') };
      break;
    case 'every':
      arrival = { type: 'fixed', at: at('from'), spacing: durationText(first) };
      break;
    case 'at':
      if (rest.length > 0) return null;
      arrival = { type: 'fixed', at: durationText(first), spacing: 0 };
      break;
    default:
      return null;
  }
  return Object.values(arrival).includes('!') ? null : (arrival as unknown as Arrival);
}

function seconds(v: unknown): string {
  return typeof v === 'number' ? formatDuration(v * 1000) : String(v);
}

/** The text parseArrival reads back (an arrival written in a file: numbers are seconds). */
export function arrivalText(a: Record<string, unknown>): string {
  const from = (word: string, v: unknown) => (v === undefined || v === 0 ? '' : ` ${word} ${seconds(v)}`);
  switch (a.type) {
    case 'flash-crowd':
      return `flash-crowd ${seconds(a.over)}${from('at', a.at)}`;
    case 'poisson':
      return `poisson ${seconds(a.meanGap)}${from('from', a.start)}`;
    default:
      return a.spacing === undefined || a.spacing === 0
        ? `at ${seconds(a.at ?? 0)}`
        : `every ${seconds(a.spacing)}${from('from', a.at)}`;
  }
}

/** One setting's values, or the problem with them. */
function parseValues(param: FormParam, text: string): { values: unknown[] } | { error: string } {
  const values: unknown[] = [];
  for (const v of splitValues(text)) {
    switch (param) {
      case 'numwant':
      case 'swarmSize':
        if (!WHOLE.test(v)) return { error: `vary.${param}: "${v}" is not a whole number` };
        values.push(Number(v));
        break;
      case 'interval':
      case 'minInterval':
      case 'peerTimeout':
        values.push(durationText(v));
        break;
      case 'seedersToSeeders':
        if (v !== 'true' && v !== 'false') return { error: `vary.${param}: "${v}" is not true or false` };
        values.push(v === 'true');
        break;
      case 'arrival': {
        const arrival = parseArrival(v);
        if (!arrival)
          return {
            error: `vary.arrival: "${v}" is not an arrival (flash-crowd 10m, poisson 20s, every 10s, at 1m)`,
          };
        values.push(arrival);
        break;
      }
      default:
        values.push(v);
    }
  }
  return { values };
}

/** The experiment the form describes, or the problems that keep it from being one. */
export function formToExperiment(form: SweepForm): FormParse {
  const errors: string[] = [];
  const vary: Record<string, unknown[]> = {};
  for (const param of formParams) {
    const parsed = parseValues(param, form.vary[param]);
    if ('error' in parsed) errors.push(parsed.error);
    else if (parsed.values.length > 0) vary[param] = parsed.values;
  }
  const seeds = form.seeds.trim();
  if (!/^[1-9]\d*$/.test(seeds)) errors.push(`seeds: "${seeds}" is not a whole number ≥ 1`);
  if (errors.length > 0) return { ok: false, errors };
  const experiment: Record<string, unknown> = {
    name: form.name.trim(),
    ...(form.description.trim() ? { description: form.description.trim() } : {}),
    base: 'preset' in form.base ? form.base.preset : form.base.scenario,
    ...(form.duration.trim() ? { duration: durationText(form.duration.trim()) } : {}),
    seeds: Number(seeds),
    sampleEvery: durationText(form.sampleEvery.trim() || '1m'),
    ...(Object.keys(vary).length > 0 ? { vary } : {}),
  };
  return { ok: true, experiment };
}

/** How big the sweep is: every combination of the values is a point, each run with every seed. */
export function sweepSize(form: SweepForm): { points: number; seeds: number; runs: number } {
  const points = formParams.reduce((n, p) => n * Math.max(1, splitValues(form.vary[p]).length), 1);
  const seeds = /^[1-9]\d*$/.test(form.seeds.trim()) ? Number(form.seeds.trim()) : 0;
  return { points, seeds, runs: points * seeds };
}

function valueText(param: FormParam, v: unknown): string {
  if (param === 'arrival' && typeof v === 'object' && v !== null)
    return arrivalText(v as Record<string, unknown>);
  return String(v);
}

/**
 * The form for an experiment file's contents (the shipped example): its `vary` as text. Explicit
 * `points` and the `settings` patch have no place in the form and are left out.
 */
export function experimentToForm(file: Record<string, unknown>): SweepForm {
  const form = emptyForm();
  const vary = (file.vary ?? {}) as Record<string, unknown[]>;
  return {
    ...form,
    name: typeof file.name === 'string' ? file.name : form.name,
    description: typeof file.description === 'string' ? file.description : '',
    base: typeof file.base === 'string' ? { preset: file.base } : { scenario: file.base as ScenarioInput },
    duration: file.duration === undefined ? '' : String(file.duration),
    seeds: Array.isArray(file.seeds) ? String(file.seeds.length) : String(file.seeds ?? form.seeds),
    sampleEvery: file.sampleEvery === undefined ? form.sampleEvery : String(file.sampleEvery),
    vary: Object.fromEntries(
      formParams.map((p) => [p, (vary[p] ?? []).map((v) => valueText(p, v)).join(', ')]),
    ) as Record<FormParam, string>,
  };
}

/**
 * The example made small enough to run in the app in seconds rather than hours: fewer seeds, a
 * shorter run, and the swarm sizes cut down (the comparison stays: a small swarm against a larger one).
 */
export function smallerExample(form: SweepForm): SweepForm {
  return {
    ...form,
    name: `${form.name}-small`,
    duration: '20m',
    seeds: '3',
    vary: { ...form.vary, ...(form.vary.swarmSize ? { swarmSize: '10, 60' } : {}) },
  };
}
