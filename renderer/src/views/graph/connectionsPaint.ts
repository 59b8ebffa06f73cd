// Drawing the data connections: one path, one stroke, fainter as the edges multiply. Used on the main
// thread and in the connections worker alike (no DOM beyond the 2D context).
import { palette } from '../../theme';
import type { ViewTransform } from './layout';
import { connectionOpacity } from './mode';

export interface ConnectionsPicture {
  width: number;
  height: number;
  dpr: number;
  transform: ViewTransform;
  xs: ArrayLike<number>;
  ys: ArrayLike<number>;
  /** Edges as id pairs (a, b), flattened. */
  pairs: Int32Array;
}

export function paintConnections(
  ctx: CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D,
  picture: ConnectionsPicture,
): void {
  const { width, height, dpr, xs, ys, pairs } = picture;
  const { k, x: tx, y: ty } = picture.transform;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, width, height);
  if (pairs.length === 0) return;
  ctx.beginPath();
  for (let i = 0; i < pairs.length; i += 2) {
    const a = pairs[i]!;
    const b = pairs[i + 1]!;
    ctx.moveTo(xs[a]! * k + tx, ys[a]! * k + ty);
    ctx.lineTo(xs[b]! * k + tx, ys[b]! * k + ty);
  }
  ctx.lineWidth = 1;
  ctx.strokeStyle = palette.connection;
  ctx.globalAlpha = connectionOpacity(pairs.length / 2);
  ctx.stroke();
  ctx.globalAlpha = 1;
}
