// The worker thread's entry: runs the tasks it is sent, one at a time, and posts each run's record.
import { parentPort } from 'node:worker_threads';
import type { FromWorker, ToWorker } from './protocol';
import { runTask } from './runTask';

const port = parentPort;
if (!port) throw new Error('worker.ts runs in a worker thread');

const post = (message: FromWorker) => port.postMessage(message);

port.on('message', (message: ToWorker) => {
  runTask(message.task).then(
    (record) => post({ type: 'done', task: message.task.id, record }),
    (err: unknown) =>
      post({
        type: 'failed',
        task: message.task.id,
        error: err instanceof Error ? (err.stack ?? err.message) : String(err),
      }),
  );
});
post({ type: 'ready' });
