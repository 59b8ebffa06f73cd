// Hover and click find the peer under the pointer through the view transform (d3-quadtree).
import { expect, test } from 'vitest';
import { buildPeerIndex, hitAt, toLayout } from '../../../renderer/src/views/graph/hitTest';
import { layoutFor, nodeRadiusPx, type ViewTransform } from '../../../renderer/src/views/graph/layout';

const layout = layoutFor(5_000);
const index = buildPeerIndex(layout, (id) => id !== 7);
const screen = (t: ViewTransform, id: number) => ({
  x: layout.xs[id]! * t.k + t.x,
  y: layout.ys[id]! * t.k + t.y,
});

test('the peer under the pointer is found at any zoom and pan', () => {
  for (const t of [
    { k: 1, x: 400, y: 300 },
    { k: 0.2, x: 350, y: 320 },
    { k: 6, x: -2_000, y: 900 },
  ]) {
    for (const id of [0, 1, 123, 4_999]) {
      const p = screen(t, id);
      expect(hitAt(index, t, p.x + 1, p.y - 1, nodeRadiusPx(t.k))).toEqual({ kind: 'peer', id });
    }
  }
});

test('tiny nodes stay clickable within a few pixels; empty space hits nothing', () => {
  const t = { k: 0.25, x: 400, y: 300 };
  const p = screen(t, 42);
  expect(nodeRadiusPx(t.k)).toBeLessThan(3);
  expect(hitAt(index, t, p.x + 3, p.y + 3, nodeRadiusPx(t.k))).toEqual({ kind: 'peer', id: 42 });
  const far = { k: 1, x: 0, y: 0 };
  expect(hitAt(index, far, 10_000, 10_000, nodeRadiusPx(1))).toBeNull();
});

test('a peer that is not drawn is not hit; the tracker in the middle is', () => {
  const t = { k: 1, x: 400, y: 300 };
  const p = screen(t, 7);
  expect(hitAt(index, t, p.x, p.y, nodeRadiusPx(1), 0)).toBeNull();
  expect(hitAt(index, t, 405, 298, nodeRadiusPx(1))).toEqual({ kind: 'tracker' });
});

test('screen to layout inverts the view transform', () => {
  expect(toLayout({ k: 2, x: 100, y: 50 }, 300, 250)).toEqual({ x: 100, y: 100 });
});
