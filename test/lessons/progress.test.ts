import { describe, expect, it } from 'vitest';
import type { LoggedEvent, SimEvent } from '../../shared/events';
import { lessonProgress, lessonStepTimes } from '../../shared/lessons/progress';
import { LESSON_FORMAT, lessonSchema, type Lesson } from '../../shared/lessons/schema';

function lesson(steps: { id: string; trigger: unknown }[]): Lesson {
  return lessonSchema.parse({
    format: LESSON_FORMAT,
    version: 1,
    name: 'test',
    title: 'Test',
    summary: 'Test.',
    preset: 'anatomy-of-a-session',
    steps: steps.map((s) => ({ title: `Step ${s.id}`, text: '…', ...s })),
  });
}

/** Numbers the events in order, as the log does. */
function log(...events: SimEvent[]): LoggedEvent[] {
  return events.map((e, seq) => ({ ...e, seq }));
}

function created(t: number, clientId: number, name: string): SimEvent {
  return {
    type: 'clientCreated',
    t,
    clientId,
    name,
    group: name,
    profile: 'transmission-1.32',
    infoHash: 'aa'.repeat(20),
    ip: `127.11.0.${clientId}`,
    port: 51413,
    peerId: `peer-${name}`,
    key: null,
    user: null,
    uploadCapacity: 1,
    downloadCapacity: 1,
    maxConnections: 1,
    size: 100,
    left: 100,
  };
}

function state(t: number, clientId: number, to: 'paused' | 'leeching' | 'crashed'): SimEvent {
  return { type: 'clientStateChanged', t, clientId, state: to, previous: 'idle', cause: to };
}

function delivered(t: number, clientId: number, requestId: number): SimEvent {
  return { type: 'announceDelivered', t, clientId, announceId: requestId, requestId };
}

function removed(t: number, requestId: number | null, peerId: string): SimEvent {
  return {
    type: 'peerRemoved',
    t,
    requestId,
    entry: 1,
    infoHash: 'aa'.repeat(20),
    peerId,
    ip: '127.11.0.1',
    port: 51413,
    seeder: false,
    reason: requestId === null ? 'expired' : 'stopped',
    lastSeen: 0,
  };
}

const paused = { on: 'event', type: 'clientStateChanged', match: { state: 'paused' } };

describe('lessonProgress', () => {
  it('a start step triggers at once, before any event', () => {
    expect(lessonProgress(lesson([{ id: 'a', trigger: { on: 'start' } }]), [])).toEqual([
      { index: 0, id: 'a', t: 0, seq: null, cursor: 0 },
    ]);
  });

  it('an event step triggers at the first matching event, with its seq and time', () => {
    const events = log(created(0, 1, 'x'), state(10, 1, 'leeching'), state(20, 1, 'paused'));
    expect(lessonProgress(lesson([{ id: 'p', trigger: paused }]), events)).toEqual([
      { index: 0, id: 'p', t: 20, seq: 2, cursor: 3 },
    ]);
  });

  it('steps trigger in order: a later step looks only after the one before it triggered', () => {
    const events = log(
      created(0, 1, 'x'),
      state(10, 1, 'paused'),
      state(20, 1, 'leeching'),
      state(30, 1, 'paused'),
    );
    const l = lesson([
      { id: 'resumed', trigger: { on: 'event', type: 'clientStateChanged', match: { state: 'leeching' } } },
      { id: 'paused-again', trigger: paused },
    ]);
    expect(lessonProgress(l, events).map((s) => [s.id, s.seq])).toEqual([
      ['resumed', 2],
      ['paused-again', 3],
    ]);
  });

  it('stops at the first step that has not triggered yet, even if a later one would match', () => {
    const events = log(created(0, 1, 'x'), state(10, 1, 'paused'));
    const l = lesson([
      { id: 'crash', trigger: { on: 'event', type: 'clientStateChanged', match: { state: 'crashed' } } },
      { id: 'p', trigger: paused },
    ]);
    expect(lessonProgress(l, events)).toEqual([]);
  });

  it('nth counts matches after the previous step', () => {
    const events = log(
      state(1, 1, 'paused'),
      state(2, 1, 'paused'),
      state(3, 1, 'paused'),
      state(4, 1, 'paused'),
    );
    const l = lesson([
      { id: 'first', trigger: paused },
      { id: 'third-after', trigger: { ...paused, nth: 2 } },
    ]);
    expect(lessonProgress(l, events).map((s) => s.seq)).toEqual([0, 2]);
    expect(lessonProgress(lesson([{ id: 'x', trigger: { ...paused, nth: 5 } }]), events)).toEqual([]);
  });

  it('client matches by name: events with a clientId, and tracker events through the announce’s request or the peer_id', () => {
    const events = log(
      created(0, 1, 'alice'),
      created(0, 2, 'bob'),
      state(5, 2, 'paused'),
      state(6, 1, 'paused'),
      delivered(7, 2, 40),
      delivered(7, 1, 41),
      removed(8, 40, 'peer-bob'),
      removed(9, 41, 'peer-alice'),
      removed(10, null, 'peer-bob'),
      removed(11, null, 'peer-alice'),
    );
    const l = lesson([
      { id: 'alice-paused', trigger: { ...paused, client: 'alice' } },
      { id: 'alice-stopped', trigger: { on: 'event', type: 'peerRemoved', client: 'alice' } },
      { id: 'alice-expired', trigger: { on: 'event', type: 'peerRemoved', client: 'alice' } },
    ]);
    expect(lessonProgress(l, events).map((s) => s.seq)).toEqual([3, 7, 9]);
    expect(lessonProgress(lesson([{ id: 'n', trigger: { ...paused, client: 'carol' } }]), events)).toEqual(
      [],
    );
  });

  it('a time step triggers once the engine’s time reaches it, after the events up to that time', () => {
    const events = log(state(100, 1, 'paused'), state(200, 1, 'paused'), state(300, 1, 'paused'));
    const l = lesson([
      { id: 'at-200', trigger: { on: 'time', at: 200 } },
      { id: 'next', trigger: paused },
    ]);
    expect(lessonProgress(l, events, 150)).toEqual([]);
    expect(lessonProgress(l, events, 250)).toEqual([
      { index: 0, id: 'at-200', t: 200, seq: null, cursor: 2 },
      { index: 1, id: 'next', t: 300, seq: 2, cursor: 3 },
    ]);
    // Without `now`, the log's last event is the time.
    expect(lessonProgress(l, events.slice(0, 1))).toEqual([]);
  });

  it('a time step already passed when the step before triggers, triggers with it', () => {
    const events = log(state(500, 1, 'paused'), state(600, 1, 'paused'));
    const l = lesson([
      { id: 'p', trigger: paused },
      { id: 'early', trigger: { on: 'time', at: 100 } },
    ]);
    expect(lessonProgress(l, events)).toEqual([
      { index: 0, id: 'p', t: 500, seq: 0, cursor: 1 },
      { index: 1, id: 'early', t: 500, seq: null, cursor: 1 },
    ]);
  });
});

describe('lessonStepTimes', () => {
  it('gives a numbered marker per triggered step, at its time', () => {
    const events = log(state(100, 1, 'paused'));
    const l = lesson([
      { id: 'a', trigger: { on: 'start' } },
      { id: 'b', trigger: paused },
      { id: 'c', trigger: paused },
    ]);
    expect(lessonStepTimes(l, events)).toEqual([
      { at: 0, label: '1. Step a' },
      { at: 100, label: '2. Step b' },
    ]);
  });
});
