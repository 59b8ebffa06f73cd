// Runs an experiment's runs on worker threads, biggest first, and gathers their metrics. Made to be
// called from a CLI or from the desktop app's main process alike: progress comes through a
// callback, cancelling through an AbortSignal; a cancelled sweep resolves with the runs that
// finished (`cancelled: true`) once every worker thread has exited.
import { availableParallelism } from 'node:os';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { buildResult, type ExperimentResult } from '../../shared/experiments/result';
import type { Experiment } from '../../shared/experiments/schema';
import type { RunRecord } from '../../shared/experiments/summary';
import type { FromWorker, ToWorker } from './protocol';
import { experimentTasks, type RunTask } from './tasks';
import { workerUrl } from './workerEntry';

export interface SweepProgress {
  runsDone: number;
  runsTotal: number;
  /** Points whose every seed has finished. */
  pointsDone: number;
  pointsTotal: number;
  elapsedMs: number;
  /** Wall time left, estimated from the work done so far (null before the first run finishes). */
  remainingMs: number | null;
  /** The run that just finished (null for the first report). */
  last: RunRecord | null;
}

export interface RunExperimentOptions {
  /** Worker threads (default: every core, os.availableParallelism()). */
  jobs?: number;
  onProgress?: (progress: SweepProgress) => void;
  signal?: AbortSignal;
  /** Told when a worker thread comes online and when it has exited. */
  onWorker?: (event: { threadId: number; state: 'online' | 'exit' }) => void;
}

export async function runExperiment(
  experiment: Experiment,
  options: RunExperimentOptions = {},
): Promise<ExperimentResult> {
  const startedAt = new Date().toISOString();
  const t0 = performance.now();
  // Biggest runs first, so the last ones to finish are short and the workers end together.
  const tasks = experimentTasks(experiment).sort((a, b) => b.cost - a.cost || a.id - b.id);
  const jobs = Math.max(1, Math.min(Math.floor(options.jobs ?? availableParallelism()), tasks.length));
  const records: RunRecord[] = [];
  let cancelled = options.signal?.aborted ?? false;

  if (!cancelled && tasks.length > 0) {
    const tally = new Tally(experiment, tasks, t0, options.onProgress);
    tally.report(null);
    cancelled = await runOnWorkers(tasks, jobs, options, (record, task) => {
      records.push(record);
      tally.finished(task, record);
    });
  }
  return buildResult(experiment, records, {
    cancelled,
    timing: { startedAt, wallMs: performance.now() - t0, jobs },
  });
}

/** Counts finished runs and points, and estimates the time left by cost. */
class Tally {
  private readonly perPoint = new Map<number, number>();
  private readonly totalCost: number;
  private doneCost = 0;
  private runs = 0;
  private points = 0;

  constructor(
    private readonly experiment: Experiment,
    private readonly tasks: readonly RunTask[],
    private readonly t0: number,
    private readonly onProgress?: (progress: SweepProgress) => void,
  ) {
    this.totalCost = tasks.reduce((s, t) => s + t.cost, 0);
  }

  finished(task: RunTask, record: RunRecord): void {
    this.runs++;
    this.doneCost += task.cost;
    const n = (this.perPoint.get(task.point) ?? 0) + 1;
    this.perPoint.set(task.point, n);
    if (n === this.experiment.seeds.length) this.points++;
    this.report(record);
  }

  report(last: RunRecord | null): void {
    if (!this.onProgress) return;
    const elapsedMs = performance.now() - this.t0;
    this.onProgress({
      runsDone: this.runs,
      runsTotal: this.tasks.length,
      pointsDone: this.points,
      pointsTotal: this.experiment.points.length,
      elapsedMs,
      remainingMs:
        this.doneCost === 0 ? null : (elapsedMs * (this.totalCost - this.doneCost)) / this.doneCost,
      last,
    });
  }
}

/** Feeds the tasks to `jobs` workers; resolves true when cancelled, once every worker has exited. */
function runOnWorkers(
  tasks: readonly RunTask[],
  jobs: number,
  options: RunExperimentOptions,
  onRecord: (record: RunRecord, task: RunTask) => void,
): Promise<boolean> {
  return new Promise<boolean>((resolve, reject) => {
    const byId = new Map(tasks.map((t) => [t.id, t]));
    const workers = new Set<Worker>();
    let next = 0;
    let done = 0;
    let stopping = false;
    let cancelled = false;
    let failure: Error | null = null;

    const stop = (err: Error | null) => {
      if (stopping) return;
      stopping = true;
      failure = err;
      options.signal?.removeEventListener('abort', onAbort);
      for (const w of workers) void w.terminate();
    };
    const onAbort = () => {
      cancelled = true;
      stop(null);
    };
    options.signal?.addEventListener('abort', onAbort, { once: true });

    const feed = (w: Worker) => {
      const task = stopping ? undefined : tasks[next++];
      if (task === undefined) {
        void w.terminate(); // nothing left for it: let it go
        return;
      }
      w.postMessage({ type: 'run', task } satisfies ToWorker);
    };

    for (let i = 0; i < jobs; i++) {
      const w = new Worker(workerUrl());
      const threadId = w.threadId;
      workers.add(w);
      w.on('online', () => options.onWorker?.({ threadId, state: 'online' }));
      w.on('message', (m: FromWorker) => {
        if (stopping) return;
        if (m.type === 'failed') {
          const t = byId.get(m.task)!;
          stop(new Error(`point ${t.point}, seed ${t.seed}: ${m.error}`));
          return;
        }
        if (m.type === 'done') {
          done++;
          onRecord(m.record, byId.get(m.task)!);
        }
        feed(w);
      });
      w.on('error', (err) => stop(err));
      w.on('exit', () => {
        workers.delete(w);
        options.onWorker?.({ threadId, state: 'exit' });
        if (workers.size > 0) return;
        options.signal?.removeEventListener('abort', onAbort);
        if (failure) reject(failure);
        else if (!cancelled && done < tasks.length)
          reject(new Error(`the workers exited with ${tasks.length - done} runs unfinished`));
        else resolve(cancelled);
      });
    }
  });
}
