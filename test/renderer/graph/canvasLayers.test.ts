// The Canvas renderer: every look, every kind of dot is one batch (one path, one fill), and the
// connections picture follows zoom and pan by a CSS transform until it is redrawn.
import { expect, test } from 'vitest';
import { paintMoving, paintNodes } from '../../../renderer/src/views/graph/canvasPaint';
import { placement } from '../../../renderer/src/views/graph/connectionsLayer';
import { GraphDriver } from '../../../renderer/src/views/graph/driver';
import { LEG_REAL_MS } from '../../../renderer/src/views/graph/timing';
import { GraphLog } from './graphLog';

/** A 2D context that counts the calls made to it (and ignores them). */
function countingContext() {
  const calls = new Map<string, number>();
  const ctx = new Proxy(
    {},
    {
      get:
        (_target, name: string) =>
        (...args: unknown[]) => {
          void args;
          calls.set(name, (calls.get(name) ?? 0) + 1);
        },
      set: () => true,
    },
  ) as unknown as CanvasRenderingContext2D;
  return { ctx, count: (name: string) => calls.get(name) ?? 0 };
}

const view = { width: 800, height: 600, transform: { k: 0.2, x: 400, y: 300 }, fontPx: 14 };

test('5,000 peers in two looks are drawn with one fill per look (plus the tracker)', () => {
  const log = new GraphLog();
  for (let id = 0; id < 5_000; id++) log.client(id, `peer-${id}`, { state: id % 2 ? 'seeding' : 'leeching' });
  const driver = new GraphDriver();
  const model = log.model();
  driver.sync(model, model.version);
  const { ctx, count } = countingContext();
  paintNodes(ctx, driver, view, { trackerUp: true, labels: false, name: () => '', real: () => false });
  expect(count('fill')).toBe(2 + 1);
  expect(count('rect')).toBeGreaterThan(1_000);
});

test('the moving parts: one fill per kind of dot, however many announces are in flight', () => {
  const log = new GraphLog();
  for (let id = 0; id < 50; id++) log.client(id);
  for (let id = 0; id < 50; id++) log.announce(id, 1_000 + id);
  const driver = new GraphDriver();
  const model = log.model();
  driver.sync(model, model.version);
  const scene = driver.frame(1_000 + LEG_REAL_MS / 2, 1, 1, null);
  expect(scene.dots.count).toBe(50);
  const { ctx, count } = countingContext();
  paintMoving(ctx, driver, scene, view, { selected: null, hovered: null });
  expect(count('fill')).toBe(1);
  expect(count('arc')).toBe(50);
});

test('a picture drawn for one view is placed onto another by a CSS transform (zoom and pan)', () => {
  expect(placement({ k: 1, x: 100, y: 50 }, { k: 1, x: 100, y: 50 })).toBe('');
  expect(placement({ k: 1, x: 100, y: 50 }, { k: 2, x: 100, y: 50 })).toBe(
    'translate(-100px, -50px) scale(2)',
  );
  // A layout point lands where the new view puts it.
  const drawn = { k: 0.5, x: 300, y: 200 };
  const now = { k: 1.5, x: 250, y: 260 };
  const [, dx, dy, s] = /translate\((.+)px, (.+)px\) scale\((.+)\)/.exec(placement(drawn, now))!.map(Number);
  const p = { x: 40, y: -70 };
  expect((p.x * drawn.k + drawn.x) * s! + dx!).toBeCloseTo(p.x * now.k + now.x, 9);
  expect((p.y * drawn.k + drawn.y) * s! + dy!).toBeCloseTo(p.y * now.k + now.y, 9);
});
