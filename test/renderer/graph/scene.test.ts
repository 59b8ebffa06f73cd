// One frame's moving parts, built from the model's announces and the virtual time.
import { expect, test } from 'vitest';
import { ExpiryLog } from '../../../renderer/src/views/graph/expiries';
import { layoutFor } from '../../../renderer/src/views/graph/layout';
import {
  buildScene,
  DOT_ANNOUNCE,
  DOT_ANSWER,
  firstSentAfter,
  SceneFrame,
  type SceneInput,
} from '../../../renderer/src/views/graph/scene';
import { LEG_REAL_MS, PENDING_REACH, spansFor } from '../../../renderer/src/views/graph/timing';
import { GraphLog } from './graphLog';

const layout = layoutFor(10);
const spans = spansFor(1)!;

function scene(log: GraphLog, now: number, extra: Partial<SceneInput> = {}): SceneFrame {
  const model = log.model();
  return buildScene(
    { flights: model.flightOrder, now, spans, layout, maxLitAnswers: 12, selected: null, ...extra },
    new SceneFrame(),
  );
}

function swarm(): GraphLog {
  const log = new GraphLog();
  for (let id = 0; id < 5; id++) log.client(id);
  return log;
}

test('an announce dot moves on the straight line from its peer to the tracker', () => {
  const log = swarm().announce(2, 1_000, { returns: [{ id: 0, reason: 'random' }] });
  const half = scene(log, 1_000 + LEG_REAL_MS / 2);
  expect(half.dots.count).toBe(1);
  expect(half.dots.col.kind[0]).toBe(DOT_ANNOUNCE);
  expect(half.dots.col.x[0]).toBeCloseTo(layout.xs[2]! / 2, 3);
  expect(half.dots.col.y[0]).toBeCloseTo(layout.ys[2]! / 2, 3);
  const back = scene(log, 1_000 + LEG_REAL_MS * 1.25);
  expect(back.dots.col.kind[0]).toBe(DOT_ANSWER);
  expect(back.dots.col.x[0]).toBeCloseTo(layout.xs[2]! / 4, 3);
});

test('the answer’s chosen peers light up with a link to the requester', () => {
  const log = swarm().announce(2, 1_000, {
    returns: [
      { id: 0, reason: 'random' },
      { id: 4, reason: 'random' },
    ],
  });
  const lit = scene(log, 1_000 + 2 * LEG_REAL_MS);
  expect(lit.dots.count).toBe(0);
  expect(lit.litAnswers.map((a) => [a.flight.clientId, a.alpha, a.start, a.end])).toEqual([[2, 1, 0, 2]]);
  expect([...lit.lit.col.id.subarray(0, lit.lit.count)]).toEqual([0, 4]);
  expect(lit.links.col.x1[1]).toBeCloseTo(layout.xs[4]!, 3);
  expect(lit.links.col.x2[1]).toBeCloseTo(layout.xs[2]!, 3);
});

test('only the newest answers light their peers, but the selected peer’s always does', () => {
  const log = swarm();
  for (let id = 0; id < 5; id++)
    log.announce(id, 1_000 + id * 10, { returns: [{ id: (id + 1) % 5, reason: 'random' }] });
  const now = 1_040 + 2 * LEG_REAL_MS;
  const two = scene(log, now, { maxLitAnswers: 2 });
  expect(two.litAnswers.map((a) => a.flight.clientId)).toEqual([4, 3]);
  const mine = scene(log, now, { maxLitAnswers: 2, selected: 0 });
  expect(mine.litAnswers.map((a) => a.flight.clientId)).toEqual([4, 3, 0]);
});

test('a lost announce leaves an X short of the tracker', () => {
  const log = swarm().lost(1, 0, 30_000);
  const frame = scene(log, 30_000);
  expect(frame.dots.count).toBe(0);
  expect(frame.failures.count).toBe(1);
  expect(frame.failures.col.alpha[0]).toBe(1);
  expect(frame.failures.col.x[0]).toBeCloseTo(layout.xs[1]! * (1 - PENDING_REACH), 2);
});

test('announces long finished are not even looked at (the scan starts a window back)', () => {
  const log = swarm();
  for (let i = 0; i < 2_000; i++) log.announce(i % 5, i * 10_000);
  const frame = scene(log, 20_000_000);
  expect(frame.dots.count + frame.litAnswers.length).toBeLessThanOrEqual(1);
  expect(frame.scanned).toBeLessThan(100);
  expect(firstSentAfter(log.model().flightOrder, 20_000)).toBe(3);
});

test('a ghost reaped by the tracker gets a fading halo from the moment it expired', () => {
  const log = swarm().state(3, 'crashed', 5_000).removed(3, 60_000, 'expired');
  const model = log.model();
  const expiries = new ExpiryLog().sync(model);
  const frame = buildScene(
    { flights: model.flightOrder, now: 60_400, spans, layout, maxLitAnswers: 1, selected: null, expiries },
    new SceneFrame(),
  );
  expect(frame.expiries.count).toBe(1);
  expect(frame.expiries.col.id[0]).toBe(3);
  expect(frame.expiries.col.progress[0]).toBeCloseTo(0.25, 5);
});

test('the frame buffers are reused and grow as needed', () => {
  const log = swarm();
  for (let i = 0; i < 300; i++) log.announce(i % 5, 1_000 + i);
  const out = new SceneFrame();
  const model = log.model();
  const input = { flights: model.flightOrder, now: 1_300, spans, layout, maxLitAnswers: 1, selected: null };
  buildScene(input, out);
  expect(out.dots.count).toBe(300);
  buildScene({ ...input, now: 0 }, out);
  expect(out.dots.count).toBe(0);
});
