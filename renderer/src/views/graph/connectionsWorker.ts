// The connections worker: rasterising tens of thousands of lines takes a software-rendered canvas a
// quarter of a second at 5,000 peers; here it happens off the main thread, on an OffscreenCanvas the
// page's connections canvas handed over, so the animation never waits for it.
import { paintConnections, type ConnectionsPicture } from './connectionsPaint';

export type ToConnectionsWorker =
  { kind: 'init'; canvas: OffscreenCanvas } | ({ kind: 'draw'; id: number } & ConnectionsPicture);

export type FromConnectionsWorker = { kind: 'drawn'; id: number };

interface WorkerScope {
  onmessage: ((event: MessageEvent<ToConnectionsWorker>) => void) | null;
  postMessage(message: FromConnectionsWorker): void;
}

const scope = self as unknown as WorkerScope;
let canvas: OffscreenCanvas | null = null;
let ctx: OffscreenCanvasRenderingContext2D | null = null;

scope.onmessage = (event) => {
  const message = event.data;
  if (message.kind === 'init') {
    canvas = message.canvas;
    ctx = canvas.getContext('2d');
    return;
  }
  if (canvas && ctx) {
    const w = Math.max(1, Math.round(message.width * message.dpr));
    const h = Math.max(1, Math.round(message.height * message.dpr));
    if (canvas.width !== w) canvas.width = w;
    if (canvas.height !== h) canvas.height = h;
    paintConnections(ctx, message);
  }
  scope.postMessage({ kind: 'drawn', id: message.id });
};
