// From an experiment's settings to its points, and from a point to the scenario it runs: the base
// scenario with the point's settings applied. Pure, so the app can preview points before a run.
import type { ClientGroupInput } from '../sim/group';
import { parseScenario, type ScenarioInput } from '../sim/scenario';
import { presetSettings } from '../tracker/presets';
import { mergeTrackerSettings } from '../tracker/settings';
import { parameterNames, pointLabel, type ParameterName, type PointParams } from './params';

export interface ExperimentPoint {
  index: number;
  label: string;
  params: PointParams;
}

/**
 * The points: the explicit list as given, or every combination of the varied values (the first
 * parameter in canonical order changes slowest). Also the parameters that vary, in canonical order.
 */
export function expandPoints(
  vary: { [K in ParameterName]?: PointParams[K][] },
  explicit?: PointParams[],
): { points: ExperimentPoint[]; varied: ParameterName[] } {
  if (explicit) {
    const varied = parameterNames.filter((n) => explicit.some((p) => p[n] !== undefined));
    return {
      points: explicit.map((params, index) => ({ index, label: pointLabel(params), params })),
      varied,
    };
  }
  const varied = parameterNames.filter((n) => vary[n] !== undefined);
  let combos: PointParams[] = [{}];
  for (const name of varied) {
    const values = vary[name] as unknown[];
    combos = combos.flatMap((combo) => values.map((v) => ({ ...combo, [name]: v })));
  }
  return { points: combos.map((params, index) => ({ index, label: pointLabel(params), params })), varied };
}

/**
 * Scales counts to a total, in proportion, at least one each: floors, then the remaining clients by
 * largest remainder (ties to the earlier group), or, when the minimum of one overshoots, taken back
 * from the largest groups. Returns null when the total is below one per group.
 */
export function scaleCounts(counts: readonly number[], total: number): number[] | null {
  if (counts.length === 0) return total === 0 ? [] : null;
  if (total < counts.length) return null;
  const sum = counts.reduce((s, c) => s + c, 0);
  const quotas = counts.map((c) => (c * total) / sum);
  const out = quotas.map((q) => Math.max(1, Math.floor(q)));
  let diff = total - out.reduce((s, c) => s + c, 0);
  const byRemainder = counts
    .map((_, i) => i)
    .sort((a, b) => quotas[b]! - Math.floor(quotas[b]!) - (quotas[a]! - Math.floor(quotas[a]!)) || a - b);
  for (let k = 0; diff > 0; k++, diff--) out[byRemainder[k % byRemainder.length]!]!++;
  while (diff < 0) {
    let largest = 0;
    for (let i = 1; i < out.length; i++) if (out[i]! > out[largest]!) largest = i;
    out[largest]!--;
    diff++;
  }
  return out;
}

export class PointScenarioError extends Error {}

/** A group with a fixed peer_id or key is one particular client: scaling leaves it alone. */
function isFixedClient(g: ClientGroupInput): boolean {
  return g.peerId !== undefined || g.key !== undefined;
}

function scaleGroups(groups: ClientGroupInput[], swarmSize: number): ClientGroupInput[] {
  const fixed = groups.filter(isFixedClient).length;
  const scalable = groups.filter((g) => !isFixedClient(g));
  const counts = scaleCounts(
    scalable.map((g) => g.count ?? 1),
    swarmSize - fixed,
  );
  if (counts === null)
    throw new PointScenarioError(
      `swarmSize ${swarmSize} is less than one client per group (${groups.length})`,
    );
  let k = 0;
  return groups.map((g) => (isFixedClient(g) ? g : { ...g, count: counts[k++]! }));
}

/**
 * The scenario a point runs: the base with the point's settings applied. Tracker settings stack as
 * preset → the base scenario's settings → `settings` → the named parameters; `numwant` sets both
 * numwantDefault and numwantMax. Throws PointScenarioError when a setting cannot apply.
 */
export function pointScenario(base: ScenarioInput, params: PointParams, durationMs: number): ScenarioInput {
  const scenario = structuredClone(base);
  scenario.duration = durationMs / 1000;
  const settings: Record<string, unknown> = { ...(base.tracker?.settings ?? {}), ...(params.settings ?? {}) };
  if (params.selection !== undefined) settings.selection = params.selection;
  if (params.numwant !== undefined) {
    settings.numwantDefault = params.numwant;
    settings.numwantMax = params.numwant;
  }
  if (params.interval !== undefined) settings.interval = params.interval;
  if (params.minInterval !== undefined) settings.minInterval = params.minInterval;
  if (params.peerTimeout !== undefined) settings.peerTimeout = params.peerTimeout;
  if (params.seedersToSeeders !== undefined) settings.seedersToSeeders = params.seedersToSeeders;
  scenario.tracker = {
    ...(scenario.tracker ?? {}),
    preset: params.preset ?? base.tracker?.preset ?? 'tracker-lab',
    settings,
  };
  let groups = scenario.groups ?? [];
  if (params.swarmSize !== undefined) groups = scaleGroups(groups, params.swarmSize);
  if (params.arrival !== undefined) {
    const arrival = params.arrival;
    groups = groups.map((g) => ((g.have ?? 'none') === 'all' ? g : { ...g, arrival }));
  }
  scenario.groups = groups;
  return scenario;
}

/** What is wrong with a point's scenario (empty when it is valid), as `path: problem` lines. */
export function pointScenarioProblems(
  base: ScenarioInput,
  params: PointParams,
  durationMs: number,
): string[] {
  let scenario: ScenarioInput;
  try {
    scenario = pointScenario(base, params, durationMs);
  } catch (err) {
    if (err instanceof PointScenarioError) return [err.message];
    throw err;
  }
  const parsed = parseScenario(scenario);
  if (!parsed.ok) return parsed.errors;
  const merged = mergeTrackerSettings(
    presetSettings(parsed.scenario.tracker.preset),
    parsed.scenario.tracker.settings,
  );
  return merged.ok ? [] : [merged.error.replace(/^settings/, 'tracker.settings')];
}

/** Clients in a point's scenario (for cost estimates and tables). */
export function scenarioClients(scenario: ScenarioInput): number {
  return (scenario.groups ?? []).reduce((s, g) => s + (g.count ?? 1), 0);
}
