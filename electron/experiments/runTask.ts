// One run: the point's scenario with one seed, in process, its metrics collected from the event
// stream as it goes (the engine keeps no log and takes no snapshots).
import { performance } from 'node:perf_hooks';
import { RunMetricsCollector } from '../../shared/experiments/metrics/collector';
import type { RunRecord } from '../../shared/experiments/summary';
import { Engine } from '../engine/engine';
import type { RunTask } from './tasks';

export async function runTask(task: RunTask): Promise<RunRecord> {
  const started = performance.now();
  const collector = new RunMetricsCollector({ sampleEveryMs: task.sampleEveryMs });
  const engine = await Engine.create({
    scenario: task.scenario,
    seed: task.seed,
    transport: 'inproc',
    retainEvents: false,
    snapshotEveryMs: Infinity,
    listeners: [collector.observe],
  });
  await engine.advanceTo(task.durationMs);
  await engine.close();
  return {
    point: task.point,
    seed: task.seed,
    metrics: collector.finish(task.durationMs),
    wallMs: performance.now() - started,
  };
}
