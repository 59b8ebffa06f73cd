// The layout: peers around the tracker, a pure function of the client id.
import { expect, test } from 'vitest';
import {
  fitTransform,
  INNER_RADIUS,
  layoutFor,
  layoutRadius,
  MAX_FIT_ZOOM,
  NODE_RADIUS,
  NODE_SPACING,
  nodeRadiusPx,
  peerPosition,
  plannedPeers,
  slotRadius,
} from '../../../renderer/src/views/graph/layout';

test('a peer’s position depends only on its client id: the same every time', () => {
  expect(peerPosition(7)).toEqual(peerPosition(7));
  expect(layoutFor(50).xs).toEqual(layoutFor(50).xs);
  expect(layoutFor(50).ys).toEqual(layoutFor(50).ys);
  // The first peer sits straight above the tracker.
  const first = peerPosition(0);
  expect(first.x).toBeCloseTo(0, 9);
  expect(first.y).toBeCloseTo(-slotRadius(0), 9);
});

test('peers that arrive or leave move nobody else', () => {
  const ten = layoutFor(10);
  const grown = layoutFor(11, ten);
  const big = layoutFor(1_000);
  for (let id = 0; id < 10; id++) {
    expect(grown.xs[id]).toBe(ten.xs[id]);
    expect(grown.ys[id]).toBe(ten.ys[id]);
    expect(big.xs[id]).toBe(ten.xs[id]);
    expect(big.ys[id]).toBe(ten.ys[id]);
  }
  // Growing keeps the computed entries and only adds the new slots.
  expect(grown.count).toBe(11);
  expect(layoutFor(5, grown)).toBe(grown);
});

test('no two peers overlap, and all keep clear of the tracker', () => {
  const n = 600;
  const { xs, ys } = layoutFor(n);
  let nearest = Infinity;
  for (let a = 0; a < n; a++) {
    expect(Math.hypot(xs[a]!, ys[a]!)).toBeGreaterThanOrEqual(INNER_RADIUS);
    for (let b = a + 1; b < n; b++) nearest = Math.min(nearest, Math.hypot(xs[a]! - xs[b]!, ys[a]! - ys[b]!));
  }
  expect(nearest).toBeGreaterThan(2 * NODE_RADIUS);
  expect(nearest).toBeGreaterThan(0.6 * NODE_SPACING);
});

test('the disc grows with the square root of the swarm (even density)', () => {
  expect(layoutRadius(0)).toBe(INNER_RADIUS + NODE_RADIUS);
  const r1000 = layoutRadius(1_000) - NODE_RADIUS;
  const r4000 = layoutRadius(4_000) - NODE_RADIUS;
  // Area beyond the inner disc is proportional to the number of peers.
  expect((r4000 ** 2 - INNER_RADIUS ** 2) / (r1000 ** 2 - INNER_RADIUS ** 2)).toBeCloseTo(4, 2);
});

test('a fit centres the tracker and shows the whole disc, without blowing up a tiny swarm', () => {
  const t = fitTransform(500, 800, 600, 20);
  expect(t).toEqual({ k: (600 - 40) / 1000, x: 400, y: 300 });
  expect(fitTransform(10, 800, 600).k).toBe(MAX_FIT_ZOOM);
});

test('nodes scale with the zoom but stay visible when zoomed far out', () => {
  expect(nodeRadiusPx(1)).toBe(NODE_RADIUS);
  expect(nodeRadiusPx(0.01)).toBe(2);
});

test('the planned swarm is the sum of the scenario’s groups (a group counts 1 by default)', () => {
  expect(plannedPeers({ groups: [{ name: 'seed' }, { name: 'peer', count: 40 }] })).toBe(41);
  expect(plannedPeers(null)).toBe(0);
});
