// The Canvas 2D renderer's drawing of the peers and the tracker (redrawn when a look changes or the
// view moves) and of the moving parts (lit links, dots, X's, halos, selection: every frame). The data
// connections are drawn apart (connectionsLayer.ts). Every batch is one path per colour, so a
// 5,000-peer frame is a handful of fill/stroke calls.
import { palette } from '../../theme';
import type { GraphDriver } from './driver';
import { nodeRadiusPx, TRACKER_RADIUS, type ViewTransform } from './layout';
import { isGone, looks } from './nodes';
import { DOT_ANNOUNCE, DOT_ANSWER, DOT_REFUSAL, type SceneFrame } from './scene';
import {
  accent,
  DOT_PX,
  FAILURE_PX,
  GONE_OPACITY,
  ink,
  litLink,
  lookDashArray,
  lookFill,
  lookStroke,
  SELECTED_RING_PX,
} from './style';

export interface CanvasView {
  width: number;
  height: number;
  transform: ViewTransform;
  /** The UI's base font size (larger in large-text mode). */
  fontPx: number;
}

export interface StaticOptions {
  trackerUp: boolean;
  labels: boolean;
  name(id: number): string;
  /** A real client (live mode): drawn with an outer ring, as in the SVG graph. */
  real(id: number): boolean;
}

/** Nodes smaller than this are drawn as squares without an outline (arcs cost more, dashes vanish). */
const TINY_PX = 3;

function visible(sx: number, sy: number, r: number, view: CanvasView): boolean {
  return sx >= -r && sy >= -r && sx <= view.width + r && sy <= view.height + r;
}

export function paintTracker(ctx: CanvasRenderingContext2D, view: CanvasView, up: boolean): void {
  const { k, x, y } = view.transform;
  const r = Math.max(TRACKER_RADIUS * k, 8);
  ctx.beginPath();
  ctx.arc(x, y, r, 0, 2 * Math.PI);
  ctx.fillStyle = up ? palette.tracker : '#ffffff';
  ctx.fill();
  ctx.lineWidth = 2;
  ctx.strokeStyle = up ? palette.tracker : palette.failure;
  ctx.setLineDash(up ? [] : [5, 3]);
  ctx.stroke();
  ctx.setLineDash([]);
  ctx.font = `600 ${Math.round(view.fontPx * 0.85)}px system-ui, sans-serif`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  ctx.fillStyle = up ? ink : palette.failure;
  ctx.fillText(up ? 'tracker' : 'tracker (down)', x, y + r + 3);
}

/** The peers in their looks (one path per look), their names, and the tracker. */
export function paintNodes(
  ctx: CanvasRenderingContext2D,
  driver: GraphDriver,
  view: CanvasView,
  options: StaticOptions,
): void {
  const { k, x: tx, y: ty } = view.transform;
  const { xs, ys } = driver.layout;
  ctx.clearRect(0, 0, view.width, view.height);
  const r = nodeRadiusPx(k);
  const tiny = r < TINY_PX;
  const { byLook } = driver.nodes;
  for (let li = 0; li < looks.length; li++) {
    const ids = byLook[li]!;
    if (ids.length === 0) continue;
    const look = looks[li]!;
    ctx.globalAlpha = isGone(look) ? GONE_OPACITY : 1;
    ctx.fillStyle = lookFill[look];
    ctx.beginPath();
    for (const id of ids) {
      const sx = xs[id]! * k + tx;
      const sy = ys[id]! * k + ty;
      if (!visible(sx, sy, r, view)) continue;
      if (tiny) ctx.rect(sx - r, sy - r, 2 * r, 2 * r);
      else {
        ctx.moveTo(sx + r, sy);
        ctx.arc(sx, sy, r, 0, 2 * Math.PI);
      }
    }
    ctx.fill();
    if (!tiny) {
      ctx.lineWidth = look === 'ghost' ? 2 : 1.25;
      ctx.strokeStyle = lookStroke[look];
      ctx.setLineDash(lookDashArray[look]);
      ctx.stroke();
      ctx.setLineDash([]);
    }
  }
  ctx.globalAlpha = 1;

  if (!tiny) {
    ctx.lineWidth = 1.5;
    ctx.strokeStyle = ink;
    ctx.beginPath();
    for (const ids of byLook) {
      for (const id of ids) {
        if (!options.real(id)) continue;
        const sx = xs[id]! * k + tx;
        const sy = ys[id]! * k + ty;
        if (!visible(sx, sy, r + 3, view)) continue;
        ctx.moveTo(sx + r + 3, sy);
        ctx.arc(sx, sy, r + 3, 0, 2 * Math.PI);
      }
    }
    ctx.stroke();
  }

  if (options.labels) {
    ctx.font = `${Math.round(view.fontPx * 0.8)}px system-ui, sans-serif`;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'top';
    ctx.lineWidth = 3;
    ctx.strokeStyle = '#ffffff';
    ctx.fillStyle = ink;
    for (const ids of byLook) {
      for (const id of ids) {
        const sx = xs[id]! * k + tx;
        const sy = ys[id]! * k + ty;
        if (!visible(sx, sy, 60, view)) continue;
        const name = options.name(id);
        ctx.strokeText(name, sx, sy + r + 2);
        ctx.fillText(name, sx, sy + r + 2);
      }
    }
  }
  paintTracker(ctx, view, options.trackerUp);
}

export interface MovingOptions {
  selected: number | null;
  hovered: number | null;
}

function ring(ctx: CanvasRenderingContext2D, x: number, y: number, r: number): void {
  ctx.moveTo(x + r, y);
  ctx.arc(x, y, r, 0, 2 * Math.PI);
}

export function paintMoving(
  ctx: CanvasRenderingContext2D,
  driver: GraphDriver,
  scene: SceneFrame,
  view: CanvasView,
  options: MovingOptions,
): void {
  const { k, x: tx, y: ty } = view.transform;
  const { xs, ys } = driver.layout;
  const r = nodeRadiusPx(k);
  ctx.clearRect(0, 0, view.width, view.height);

  // Links from the chosen peers to the requester, and a ring on each chosen peer.
  const links = scene.links;
  if (links.count > 0) {
    const { x1, y1, x2, y2, alpha } = links.col;
    ctx.lineWidth = 1.5;
    ctx.strokeStyle = litLink;
    // One stroke per answer (its links share one alpha).
    let i = 0;
    while (i < links.count) {
      const a = alpha[i]!;
      ctx.globalAlpha = 0.8 * a;
      ctx.beginPath();
      for (; i < links.count && alpha[i] === a; i++) {
        ctx.moveTo(x1[i]! * k + tx, y1[i]! * k + ty);
        ctx.lineTo(x2[i]! * k + tx, y2[i]! * k + ty);
      }
      ctx.stroke();
    }
    const lit = scene.lit;
    ctx.lineWidth = 2.5;
    ctx.strokeStyle = palette.answer;
    for (let i = 0; i < lit.count; i++) {
      const id = lit.col.id[i]!;
      ctx.globalAlpha = lit.col.alpha[i]!;
      ctx.beginPath();
      ring(ctx, xs[id]! * k + tx, ys[id]! * k + ty, r + 2.5);
      ctx.stroke();
    }
    ctx.globalAlpha = 1;
  }

  // Ghosts the tracker just reaped: a dashed halo that widens and fades.
  const ex = scene.expiries;
  if (ex.count > 0) {
    ctx.strokeStyle = palette.ghost;
    ctx.lineWidth = 2;
    ctx.setLineDash([3, 3]);
    for (let i = 0; i < ex.count; i++) {
      const p = ex.col.progress[i]!;
      ctx.globalAlpha = 1 - p;
      ctx.beginPath();
      ring(ctx, ex.col.x[i]! * k + tx, ex.col.y[i]! * k + ty, r * (1 + 1.5 * p) + 2);
      ctx.stroke();
    }
    ctx.setLineDash([]);
    ctx.globalAlpha = 1;
  }

  // Announces out, answers back: one path per kind.
  const dots = scene.dots;
  if (dots.count > 0) {
    const { x, y, kind } = dots.col;
    const kinds = [
      [DOT_ANNOUNCE, palette.announce],
      [DOT_ANSWER, palette.answer],
      [DOT_REFUSAL, palette.failure],
    ] as const;
    ctx.lineWidth = 1;
    ctx.strokeStyle = ink;
    for (const [which, colour] of kinds) {
      ctx.beginPath();
      let any = false;
      for (let i = 0; i < dots.count; i++) {
        if (kind[i] !== which) continue;
        ring(ctx, x[i]! * k + tx, y[i]! * k + ty, DOT_PX);
        any = true;
      }
      if (!any) continue;
      ctx.fillStyle = colour;
      ctx.fill();
      ctx.stroke();
    }
  }

  // Failures: a red X where the announce gave up.
  const fails = scene.failures;
  if (fails.count > 0) {
    ctx.strokeStyle = palette.failure;
    ctx.lineWidth = 3;
    for (let i = 0; i < fails.count; i++) {
      const sx = fails.col.x[i]! * k + tx;
      const sy = fails.col.y[i]! * k + ty;
      ctx.globalAlpha = fails.col.alpha[i]!;
      ctx.beginPath();
      ctx.moveTo(sx - FAILURE_PX, sy - FAILURE_PX);
      ctx.lineTo(sx + FAILURE_PX, sy + FAILURE_PX);
      ctx.moveTo(sx + FAILURE_PX, sy - FAILURE_PX);
      ctx.lineTo(sx - FAILURE_PX, sy + FAILURE_PX);
      ctx.stroke();
    }
    ctx.globalAlpha = 1;
  }

  for (const [id, colour, width] of [
    [options.hovered, ink, 1.5],
    [options.selected, accent, 3],
  ] as const) {
    if (id === null || !driver.has(id)) continue;
    ctx.beginPath();
    ring(ctx, xs[id]! * k + tx, ys[id]! * k + ty, r + SELECTED_RING_PX);
    ctx.lineWidth = width;
    ctx.strokeStyle = colour;
    ctx.stroke();
  }
}
