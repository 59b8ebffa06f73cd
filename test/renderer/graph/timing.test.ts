// The animation rule: positions are pure functions of (virtual time, speed), and every phase lasts
// at least a minimum real time, expressed in virtual time as minimum × speed.
import { expect, test } from 'vitest';
import {
  expiryAt,
  FAILURE_REAL_MS,
  flightAt,
  LEG_REAL_MS,
  legProgress,
  LIT_REAL_MS,
  PENDING_REACH,
  spansFor,
  STALE_FLIGHT_MS,
  shownTime,
  visibleSpan,
} from '../../../renderer/src/views/graph/timing';
import { flight } from './graphLog';

const at1x = spansFor(1)!;

test('the minimum spans scale with the speed; nothing is animated at max speed', () => {
  expect(spansFor(1)).toEqual({ leg: LEG_REAL_MS, lit: LIT_REAL_MS, failure: FAILURE_REAL_MS, expiry: 1600 });
  expect(spansFor(60)!.leg).toBe(60 * LEG_REAL_MS);
  expect(spansFor(3600)!.lit).toBe(3600 * LIT_REAL_MS);
  expect(spansFor('max')).toBeNull();
  expect(spansFor(null)).toBeNull();
  expect(visibleSpan(50, 600)).toBe(600);
  expect(visibleSpan(5_000, 600)).toBe(5_000);
});

// An announce sent at 10 s, at the tracker 50 ms later, answered after 100 ms, with one peer.
const answered = flight({
  sentAt: 10_000,
  deliveredAt: 10_050,
  answeredAt: 10_100,
  requestId: 1,
  returned: [3],
});

test('a fast announce is shown for the minimum span: out to the tracker, then back', () => {
  expect(flightAt(answered, 9_999, at1x)).toBeNull();
  expect(flightAt(answered, 10_000, at1x)).toEqual({ phase: 'out', p: 0 });
  expect(flightAt(answered, 10_300, at1x)).toEqual({ phase: 'out', p: 0.5 });
  // The out leg ends at max(delivered, sent + 600 ms); the answer leaves from there.
  expect(flightAt(answered, 10_600, at1x)).toEqual({ phase: 'back', p: 0, refused: false });
  expect(flightAt(answered, 10_900, at1x)).toEqual({ phase: 'back', p: 0.5, refused: false });
  // Then its peers are lit, fading over the lit span.
  expect(flightAt(answered, 11_200, at1x)).toEqual({ phase: 'lit', alpha: 1 });
  expect(flightAt(answered, 11_200 + LIT_REAL_MS / 2, at1x)).toEqual({ phase: 'lit', alpha: 0.5 });
  expect(flightAt(answered, 11_200 + LIT_REAL_MS, at1x)).toBeNull();
});

test('at 3600× the same announce still takes 0.6 s of real time per leg', () => {
  const spans = spansFor(3600)!;
  const leg = 3600 * LEG_REAL_MS;
  expect(flightAt(answered, 10_000 + leg / 4, spans)).toEqual({ phase: 'out', p: 0.25 });
  expect(flightAt(answered, 10_000 + leg + leg / 4, spans)).toEqual({
    phase: 'back',
    p: 0.25,
    refused: false,
  });
});

test('the picture is a pure function of the virtual time: pausing (same time) freezes it exactly', () => {
  const a = flightAt(answered, 10_437, spansFor(60)!);
  const b = flightAt(answered, 10_437, spansFor(60)!);
  expect(a).toEqual(b);
  expect(a).toEqual({ phase: 'out', p: 437 / (60 * LEG_REAL_MS) });
});

test('a slow leg waits short of its end until it resolves, then the answer arrives', () => {
  const slow = flight({ sentAt: 0, deliveredAt: 4_000, answeredAt: 8_000, returned: [1] });
  expect(flightAt(slow, 5_000, at1x)).toEqual({ phase: 'back', p: PENDING_REACH, refused: false });
  expect(flightAt(slow, 8_000, at1x)).toEqual({ phase: 'lit', alpha: 1 });
  // Once resolved, a leg longer than the minimum runs at its real pace.
  expect(legProgress(0, 4_000, 1_000, 600)).toBe(0.25);
});

test('an event later than the clock shown has not happened yet', () => {
  // Delivered at 4 s, but the clock says 1 s: the dot is still creeping, waiting short of the tracker.
  const slow = flight({ sentAt: 0, deliveredAt: 4_000, answeredAt: 8_000 });
  expect(flightAt(slow, 300, at1x)).toEqual({ phase: 'out', p: 0.5 });
  expect(flightAt(slow, 1_000, at1x)).toEqual({ phase: 'out', p: PENDING_REACH });
});

test('an announce lost on the way waits short of the tracker, then fizzles there as an X', () => {
  // An offline client: the request times out after 30 s.
  const lost = flight({ sentAt: 0, failedAt: 30_000, failure: 'timeout' });
  expect(flightAt(lost, 20_000, at1x)).toEqual({ phase: 'out', p: PENDING_REACH });
  expect(flightAt(lost, 30_000, at1x)).toEqual({ phase: 'failed', p: PENDING_REACH, alpha: 1 });
  expect(flightAt(lost, 30_000 + FAILURE_REAL_MS / 2, at1x)).toEqual({
    phase: 'failed',
    p: PENDING_REACH,
    alpha: 0.5,
  });
  expect(flightAt(lost, 30_000 + FAILURE_REAL_MS, at1x)).toBeNull();
});

test('a refusal that comes at once is still seen travelling before the X', () => {
  const refused = flight({ sentAt: 0, failedAt: 100, failure: 'refused' });
  const shownAt = PENDING_REACH * LEG_REAL_MS;
  expect(flightAt(refused, 200, at1x)).toEqual({ phase: 'out', p: 200 / LEG_REAL_MS });
  expect(flightAt(refused, shownAt, at1x)).toEqual({ phase: 'failed', p: PENDING_REACH, alpha: 1 });
});

test('a tracker’s failure reason comes back as a refusal dot and ends in an X at the peer', () => {
  const f = flight({ sentAt: 0, deliveredAt: 50, answeredAt: 100, failure: 'unregistered torrent' });
  expect(flightAt(f, 900, at1x)).toEqual({ phase: 'back', p: 0.5, refused: true });
  expect(flightAt(f, 1_200, at1x)).toEqual({ phase: 'failed', p: 0, alpha: 1 });
  expect(flightAt(f, 1_200 + FAILURE_REAL_MS, at1x)).toBeNull();
});

test('an announce aborted at the tracker (a restart mid-request) fizzles on the way back', () => {
  const f = flight({ sentAt: 0, deliveredAt: 50, failedAt: 60, failure: 'aborted' });
  expect(flightAt(f, 600 + PENDING_REACH * LEG_REAL_MS, at1x)).toEqual({
    phase: 'failed',
    p: 1 - PENDING_REACH,
    alpha: 1,
  });
});

test('an announce that never resolves stops being drawn after the stale limit', () => {
  const f = flight({ sentAt: 0 });
  expect(flightAt(f, STALE_FLIGHT_MS, at1x)).toEqual({ phase: 'out', p: PENDING_REACH });
  expect(flightAt(f, STALE_FLIGHT_MS + LEG_REAL_MS + 1, at1x)).toBeNull();
});

test('an expired ghost’s halo runs from 0 to 1 over the expiry span', () => {
  expect(expiryAt(1_000, 999, at1x)).toBeNull();
  expect(expiryAt(1_000, 1_000, at1x)).toEqual({ progress: 0 });
  expect(expiryAt(1_000, 1_800, at1x)).toEqual({ progress: 0.5 });
  expect(expiryAt(1_000, 2_600, at1x)).toBeNull();
  expect(expiryAt(1_000, 1_000 + 30 * 800, spansFor(60)!)).toEqual({ progress: 0.25 });
});

test('while playing, a status a little behind the extrapolated clock does not step the dots back', () => {
  expect(shownTime(10_000, 9_990, true, 60)).toBe(10_000);
  expect(shownTime(10_000, 10_020, true, 60)).toBe(10_020);
  // A seek back is shown at once; paused, the engine's time is shown exactly.
  expect(shownTime(100_000, 10_000, true, 60)).toBe(10_000);
  expect(shownTime(10_000, 9_990, false, 60)).toBe(9_990);
  expect(shownTime(null, 5, true, 60)).toBe(5);
});
