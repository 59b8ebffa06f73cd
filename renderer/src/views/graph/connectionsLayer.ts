// The Canvas renderer's connections layer. Drawn by a worker on an OffscreenCanvas when the browser
// can (Chromium, Electron), else on the main thread. Either way the picture is placed with a CSS
// transform from the view it was drawn for to the current one, so a zoom or pan moves it at once
// and it is redrawn only when the view has settled.
import { paintConnections, type ConnectionsPicture } from './connectionsPaint';
import type { FromConnectionsWorker, ToConnectionsWorker } from './connectionsWorker';
import type { ViewTransform } from './layout';

/** The CSS transform that maps a picture drawn for `drawn` onto the view `now`. */
export function placement(drawn: ViewTransform, now: ViewTransform): string {
  const scale = now.k / drawn.k;
  const dx = now.x - drawn.x * scale;
  const dy = now.y - drawn.y * scale;
  if (scale === 1 && dx === 0 && dy === 0) return '';
  return `translate(${dx}px, ${dy}px) scale(${scale})`;
}

export class ConnectionsLayer {
  /** A drawing is under way (in the worker); new requests wait for it. */
  busy = false;
  private worker: Worker | null = null;
  private ctx: CanvasRenderingContext2D | null = null;
  private nextId = 1;
  /** The view of the picture on screen, and of the one being drawn. */
  private shown: ViewTransform | null = null;
  private drawing: ViewTransform | null = null;
  private placed = '';

  constructor(private readonly canvas: HTMLCanvasElement) {
    canvas.style.transformOrigin = '0 0';
    if (typeof Worker !== 'undefined' && 'transferControlToOffscreen' in canvas) {
      try {
        const worker = new Worker(new URL('./connectionsWorker.ts', import.meta.url), { type: 'module' });
        const offscreen = canvas.transferControlToOffscreen();
        worker.postMessage({ kind: 'init', canvas: offscreen } satisfies ToConnectionsWorker, [offscreen]);
        worker.onmessage = (event: MessageEvent<FromConnectionsWorker>) => {
          if (event.data.id !== this.nextId - 1) return;
          this.shown = this.drawing;
          this.busy = false;
        };
        this.worker = worker;
        return;
      } catch {
        this.worker = null;
      }
    }
    this.ctx = canvas.getContext('2d');
  }

  /** Whether it draws off the main thread. */
  get offMainThread(): boolean {
    return this.worker !== null;
  }

  draw(picture: ConnectionsPicture): void {
    if (this.worker) {
      this.busy = true;
      this.drawing = { ...picture.transform };
      // The pairs are copied and handed over; the positions are copied by postMessage.
      const pairs = picture.pairs.slice();
      const message: ToConnectionsWorker = { kind: 'draw', id: this.nextId++, ...picture, pairs };
      this.worker.postMessage(message, [pairs.buffer]);
      return;
    }
    if (!this.ctx) return;
    const w = Math.max(1, Math.round(picture.width * picture.dpr));
    const h = Math.max(1, Math.round(picture.height * picture.dpr));
    if (this.canvas.width !== w) this.canvas.width = w;
    if (this.canvas.height !== h) this.canvas.height = h;
    paintConnections(this.ctx, picture);
    this.shown = { ...picture.transform };
  }

  /** Moves the picture on screen to the current view (a CSS transform; no redraw). */
  place(now: ViewTransform): void {
    const css = this.shown ? placement(this.shown, now) : '';
    if (css !== this.placed) {
      this.canvas.style.transform = css;
      this.placed = css;
    }
  }

  dispose(): void {
    this.worker?.terminate();
    this.worker = null;
  }
}
