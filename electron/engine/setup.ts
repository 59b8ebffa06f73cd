// From a scenario file's contents to the pieces an engine is made of: validated scenario, tracker
// settings (preset + overrides), and the timeline in its input form.
import { parseScenario, type Scenario } from '../../shared/sim/scenario';
import type { ActionCommandInput } from '../../shared/commands';
import { presetSettings } from '../../shared/tracker/presets';
import { mergeTrackerSettings, type TrackerSettings } from '../../shared/tracker/settings';
import { parseDuration } from '../../shared/units';

export class ScenarioError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid scenario:\n  ${problems.join('\n  ')}`);
  }
}

export interface PreparedScenario {
  scenario: Scenario;
  trackerSettings: TrackerSettings;
  timeline: { at: number; command: ActionCommandInput }[];
}

export function prepareScenario(input: unknown): PreparedScenario {
  const parsed = parseScenario(input);
  if (!parsed.ok) throw new ScenarioError(parsed.errors);
  const scenario = parsed.scenario;
  const merged = mergeTrackerSettings(presetSettings(scenario.tracker.preset), scenario.tracker.settings);
  if (!merged.ok) throw new ScenarioError([merged.error.replace(/^settings/, 'tracker.settings')]);
  const rawTimeline = (input as { timeline?: unknown[] }).timeline ?? [];
  const timeline = rawTimeline.map((raw) => {
    const { at, ...command } = raw as { at: number | string } & Record<string, unknown>;
    return { at: parseDuration(at)!, command: command as ActionCommandInput };
  });
  return { scenario, trackerSettings: merged.settings, timeline };
}
