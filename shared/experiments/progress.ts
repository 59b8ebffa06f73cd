// A sweep running in the app, as the engine host reports it to the views: where it stands, and the
// runs finished since the previous report. A view gathers the runs (keyed by point and seed, so a
// run sent twice counts once) and builds the table and charts from what it has so far.
import { buildResult, type ExperimentResult } from './result';
import type { Experiment } from './schema';
import type { RunRecord } from './summary';

export type ExperimentState = 'running' | 'done' | 'cancelled' | 'failed';

export interface ExperimentProgress {
  /** Numbers the sweeps the host has run: a view drops what it gathered when it changes. */
  id: number;
  state: ExperimentState;
  experiment: Experiment;
  /** Runs (point × seed) finished, and in all. */
  done: number;
  total: number;
  /** Points whose every seed finished. */
  pointsDone: number;
  pointsTotal: number;
  startedAt: string;
  jobs: number;
  elapsedMs: number;
  /** Wall time left (null until the first run finishes; 0 once the sweep is over). */
  etaMs: number | null;
  /** Runs finished since the previous report (every run so far in the first report a view gets). */
  runs: RunRecord[];
  /** Why a `failed` sweep stopped. */
  error?: string;
}

/** What a view holds of a sweep: the last report, and every run gathered so far. */
export interface ExperimentView {
  progress: ExperimentProgress;
  runs: RunRecord[];
}

/** Adds a report to what a view holds (a new sweep id starts over). */
export function gatherProgress(view: ExperimentView | null, progress: ExperimentProgress): ExperimentView {
  const previous = view !== null && view.progress.id === progress.id ? view.runs : [];
  const seen = new Set(previous.map(runKey));
  const fresh = progress.runs.filter((r) => !seen.has(runKey(r)));
  return { progress, runs: fresh.length === 0 ? previous : [...previous, ...fresh] };
}

function runKey(r: RunRecord): string {
  return `${r.point}:${r.seed}`;
}

/** The result so far: the same document a finished sweep saves, built from the runs gathered. */
export function viewResult(view: ExperimentView): ExperimentResult {
  const { progress } = view;
  return buildResult(progress.experiment, view.runs, {
    cancelled: progress.state === 'cancelled',
    timing: { startedAt: progress.startedAt, wallMs: progress.elapsedMs, jobs: progress.jobs },
  });
}

/** `42%` of the runs. */
export function percentDone(done: number, total: number): number {
  return total === 0 ? 100 : Math.floor((done / total) * 100);
}
