// Messages between the sweep runner and its worker threads.
import type { RunRecord } from '../../shared/experiments/summary';
import type { RunTask } from './tasks';

export type ToWorker = { type: 'run'; task: RunTask };

export type FromWorker =
  | { type: 'ready' }
  | { type: 'done'; task: number; record: RunRecord }
  | { type: 'failed'; task: number; error: string };
