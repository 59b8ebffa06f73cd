// An experiment as a list of runs: every point with every seed. Each task carries the scenario it
// runs (the base with the point's settings) so a worker needs nothing else.
import type { ScenarioInput } from '../../shared/sim/scenario';
import { pointScenario, scenarioClients } from '../../shared/experiments/points';
import type { Experiment } from '../../shared/experiments/schema';

export interface RunTask {
  id: number;
  point: number;
  seed: number;
  scenario: ScenarioInput;
  durationMs: number;
  sampleEveryMs: number;
  /** A rough cost (clients × virtual time) for scheduling the big runs first and for the ETA. */
  cost: number;
}

export function experimentTasks(experiment: Experiment): RunTask[] {
  const tasks: RunTask[] = [];
  for (const point of experiment.points) {
    const scenario = pointScenario(experiment.base, point.params, experiment.durationMs);
    const cost = Math.max(1, scenarioClients(scenario)) * experiment.durationMs;
    for (const seed of experiment.seeds) {
      tasks.push({
        id: tasks.length,
        point: point.index,
        seed,
        scenario,
        durationMs: experiment.durationMs,
        sampleEveryMs: experiment.sampleEveryMs,
        cost,
      });
    }
  }
  return tasks;
}
