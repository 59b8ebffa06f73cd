// The Canvas 2D renderer for big swarms: three stacked canvases, each redrawn only when what it shows
// changed — connections (throttled, and off the main thread: tens of thousands of lines), peers (a
// look changed or the view moved), the moving parts (every frame). React renders only the elements;
// nothing re-renders with the model.
import { useEffect, useRef } from 'react';
import { paintMoving, paintNodes, type CanvasView } from './canvasPaint';
import { ConnectionsLayer } from './connectionsLayer';
import { connectionRefreshMs } from './mode';
import type { Painter, PaintInput } from './painter';

/** Peers follow look changes at most this often (ms) while the view itself is still. */
const NODES_REFRESH_MS = 100;
/** Above this many edges, a zoom or pan moves the drawn connections as a picture until it settles. */
const EDGES_MOVED_AS_PICTURE = 5_000;
/** How long the view must stay still before the connections are redrawn after a zoom or pan (ms). */
const SETTLE_MS = 150;

function sizeCanvas(canvas: HTMLCanvasElement, width: number, height: number, dpr: number): boolean {
  const w = Math.max(1, Math.round(width * dpr));
  const h = Math.max(1, Math.round(height * dpr));
  if (canvas.width === w && canvas.height === h) return false;
  canvas.width = w;
  canvas.height = h;
  return true;
}

interface Layer {
  canvas: HTMLCanvasElement;
  ctx: CanvasRenderingContext2D;
  /** What it was drawn for (view), and from which data. */
  viewKey: string;
  dataKey: string;
  drawnAt: number;
}

function layer(canvas: HTMLCanvasElement): Layer | null {
  const ctx = canvas.getContext('2d');
  return ctx ? { canvas, ctx, viewKey: '', dataKey: '', drawnAt: -Infinity } : null;
}

/** Whether a layer needs redrawing: at once when the view changed, at most every `refreshMs` for data. */
function stale(l: Layer, viewKey: string, dataKey: string, now: number, refreshMs: number): boolean {
  return l.viewKey !== viewKey || (l.dataKey !== dataKey && now - l.drawnAt >= refreshMs);
}

function begin(l: Layer, input: PaintInput, dpr: number, viewKey: string, dataKey: string): void {
  sizeCanvas(l.canvas, input.width, input.height, dpr);
  l.ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  l.viewKey = viewKey;
  l.dataKey = dataKey;
  l.drawnAt = input.wallNow;
}

export function canvasPainter(canvases: {
  connections: HTMLCanvasElement;
  nodes: HTMLCanvasElement;
  moving: HTMLCanvasElement;
}): Painter | null {
  const nodes = layer(canvases.nodes);
  const moving = layer(canvases.moving);
  if (!nodes || !moving) return null;
  const connections = new ConnectionsLayer(canvases.connections);
  let edges = 0;
  /** What the connections were last drawn for (view and data), and when. */
  let drawnView = '';
  let drawnData = '';
  let drawnAt = -Infinity;
  let viewSince = 0;
  let lastViewKey = '';

  return {
    dispose(): void {
      connections.dispose();
    },
    paint(input: PaintInput): void {
      const dpr = window.devicePixelRatio || 1;
      const t = input.transform;
      const view: CanvasView = {
        width: input.width,
        height: input.height,
        transform: t,
        fontPx: input.fontPx,
      };
      const viewKey = `${input.width}x${input.height}@${dpr}|${t.k},${t.x},${t.y}`;
      const driver = input.driver;
      if (viewKey !== lastViewKey) {
        lastViewKey = viewKey;
        viewSince = input.wallNow;
      }

      // Connections: redrawn when the data changed (at most every connectionRefreshMs) or the view
      // moved (once it settles, for many edges); in between the picture follows the view by CSS.
      const data = input.showConnections ? String(driver.modelVersion) : 'off';
      const sizeKey = `${input.width}x${input.height}@${dpr}`;
      const viewMoved = drawnView !== viewKey;
      const settled = edges <= EDGES_MOVED_AS_PICTURE || input.wallNow - viewSince >= SETTLE_MS;
      const resized = !drawnView.startsWith(`${sizeKey}|`);
      const dataDue =
        drawnData !== data &&
        (data === 'off' || drawnData === 'off' || input.wallNow - drawnAt >= connectionRefreshMs(edges));
      if (!connections.busy && (resized || (viewMoved && settled) || dataDue)) {
        const pairs = input.showConnections ? driver.connections() : new Int32Array(0);
        edges = pairs.length / 2;
        connections.draw({
          width: input.width,
          height: input.height,
          dpr,
          transform: { ...t },
          xs: driver.layout.xs.subarray(0, driver.layout.count),
          ys: driver.layout.ys.subarray(0, driver.layout.count),
          pairs,
        });
        drawnView = viewKey;
        drawnData = data;
        drawnAt = input.wallNow;
      }
      connections.place(t);

      const nodesView = `${viewKey}|${input.fontPx}|${input.labels}|${input.trackerUp}`;
      const nodesData = String(driver.looksVersion);
      if (stale(nodes, nodesView, nodesData, input.wallNow, NODES_REFRESH_MS)) {
        begin(nodes, input, dpr, nodesView, nodesData);
        paintNodes(nodes.ctx, driver, view, {
          trackerUp: input.trackerUp,
          labels: input.labels,
          name: input.name,
          real: input.real,
        });
      }

      begin(moving, input, dpr, viewKey, '');
      paintMoving(moving.ctx, driver, input.scene, view, {
        selected: input.selected,
        hovered: input.hovered,
      });
    },
  };
}

export function CanvasSwarm({ register }: { register(painter: Painter | null): void }) {
  const connectionsRef = useRef<HTMLCanvasElement>(null);
  const nodesRef = useRef<HTMLCanvasElement>(null);
  const movingRef = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const [connections, nodes, moving] = [connectionsRef.current, nodesRef.current, movingRef.current];
    if (!connections || !nodes || !moving) return;
    const painter = canvasPainter({ connections, nodes, moving });
    register(painter);
    return () => {
      painter?.dispose();
      register(null);
    };
  }, [register]);
  return (
    <div className="swarm-layers" data-testid="swarm-canvas">
      <canvas ref={connectionsRef} className="swarm-layer" />
      <canvas ref={nodesRef} className="swarm-layer" />
      <canvas ref={movingRef} className="swarm-layer" />
    </div>
  );
}
