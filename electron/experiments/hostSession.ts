// Experiments inside the app: the engine host hands `runExperiment` / `cancelExperiment` here. One
// sweep at a time runs on worker threads (the live engine keeps the main thread), and every view
// is told its progress, with the runs finished since the last report, so tables and charts fill in.
import { availableParallelism } from 'node:os';
import type { EngineMessage, EngineReply } from '../../shared/bridge';
import type { ExperimentProgress, ExperimentState } from '../../shared/experiments/progress';
import type { Experiment } from '../../shared/experiments/schema';
import type { RunRecord } from '../../shared/experiments/summary';
import { ExperimentError, loadExperiment } from './load';
import { runExperiment, type SweepProgress } from './runner';

export interface ExperimentSessionOptions {
  /** Worker threads when a request names none (default: every core but one, for the live engine). */
  jobs?: number;
  /** The sweep runner (tests replace it to see a failure through). */
  run?: typeof runExperiment;
}

interface Running {
  controller: AbortController;
  finished: Promise<void>;
}

export class ExperimentSession {
  private running: Running | null = null;
  private counter = 0;
  /** The last report, and every run of that sweep: what a view connecting later is sent. */
  private last: ExperimentProgress | null = null;
  private runs: RunRecord[] = [];
  private readonly threads = new Set<number>();

  constructor(
    private readonly broadcast: (message: EngineMessage) => void,
    private readonly options: ExperimentSessionOptions = {},
  ) {}

  get busy(): boolean {
    return this.running !== null;
  }

  /** Worker threads alive right now. */
  get workers(): number {
    return this.threads.size;
  }

  /** Validates and starts a sweep; answers at once (progress follows as messages). */
  start(input: unknown, jobs?: number): EngineReply {
    if (this.running) return { ok: false, error: 'an experiment is already running: cancel it first' };
    let experiment: Experiment;
    try {
      experiment = loadExperiment(input);
    } catch (err) {
      if (err instanceof ExperimentError) return { ok: false, error: err.message };
      throw err;
    }
    const id = ++this.counter;
    const total = experiment.points.length * experiment.seeds.length;
    const threads = Math.max(1, Math.min(jobs ?? this.options.jobs ?? availableParallelism() - 1, total));
    const base = {
      id,
      experiment,
      total,
      pointsTotal: experiment.points.length,
      startedAt: new Date().toISOString(),
      jobs: threads,
    };
    const controller = new AbortController();
    this.runs = [];
    this.last = null;
    const report = (state: ExperimentState, p: SweepProgress | null, extra: Partial<ExperimentProgress>) =>
      this.report({
        ...base,
        state,
        done: p?.runsDone ?? this.runs.length,
        pointsDone: p?.pointsDone ?? this.last?.pointsDone ?? 0,
        elapsedMs: p?.elapsedMs ?? 0,
        etaMs: p ? p.remainingMs : 0,
        runs: p?.last ? [p.last] : [],
        ...extra,
      });
    const run = this.options.run ?? runExperiment;
    const finished = run(experiment, {
      jobs: threads,
      signal: controller.signal,
      onWorker: (w) =>
        w.state === 'online' ? this.threads.add(w.threadId) : this.threads.delete(w.threadId),
      onProgress: (p) => report('running', p, {}),
    }).then(
      (result) => report(result.cancelled ? 'cancelled' : 'done', null, { elapsedMs: result.timing.wallMs }),
      (err: unknown) =>
        report('failed', null, {
          elapsedMs: this.last?.elapsedMs ?? 0,
          error: err instanceof Error ? err.message : String(err),
        }),
    );
    this.running = { controller, finished: finished.finally(() => (this.running = null)) };
    return { ok: true, value: { id, runs: total, points: experiment.points.length, jobs: threads } };
  }

  /** Stops every worker; answers once they have exited (the `cancelled` report is sent first). */
  async cancel(): Promise<EngineReply> {
    const running = this.running;
    if (!running) return { ok: false, error: 'no experiment is running' };
    running.controller.abort();
    await running.finished;
    return { ok: true, value: null };
  }

  /** A view that just said hello gets the last sweep as it stands, every run so far included. */
  greet(send: (message: EngineMessage) => void): void {
    if (this.last) send({ kind: 'experiment', experiment: { ...this.last, runs: this.runs } });
  }

  async close(): Promise<void> {
    if (this.running) await this.cancel();
  }

  private report(progress: ExperimentProgress): void {
    this.runs.push(...progress.runs);
    this.last = progress;
    this.broadcast({ kind: 'experiment', experiment: progress });
  }
}
