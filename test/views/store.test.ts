// The store's message handling and its running clock.
import { describe, expect, it } from 'vitest';
import type { EngineBridge, EngineMessage, SessionInfo } from '../../shared/bridge';
import { defaultTrackerSettings } from '../../shared/tracker/settings';
import { attach, createAppStore, receive, virtualNow } from '../../renderer/src/store/store';
import { run } from '../engine/helpers';

const session: SessionInfo = {
  id: 1,
  scenario: { name: 'test', torrents: [{ id: 't', size: 1 }] },
  seed: 1,
  endMs: 3_600_000,
  transport: 'inproc',
  trackerSettings: defaultTrackerSettings,
  presets: [],
};

describe('the renderer store', () => {
  it('a session resets the model; events apply; truncated rebuilds; status is stamped with the wall time', async () => {
    const r = await run('crash-ghost', { until: 5 * 60_000 });
    const store = createAppStore();
    receive(store, { kind: 'session', session }, 0);
    receive(store, { kind: 'events', events: r.events }, 0);
    expect(store.getState().model.events.length).toBe(r.events.length);
    const v = store.getState().version;
    receive(store, { kind: 'truncated', length: 10 }, 0);
    expect(store.getState().model.events.length).toBe(10);
    expect(store.getState().version).toBeGreaterThan(v);
    receive(
      store,
      { kind: 'status', status: { now: 5000, endMs: 9000, playing: true, speed: 60, events: 10 } },
      1234,
    );
    expect(store.getState().statusAt).toBe(1234);
    receive(store, { kind: 'session', session: { ...session, id: 2 } }, 0);
    expect(store.getState().model.events.length).toBe(0);
    expect(store.getState().session?.id).toBe(2);
  });

  it('runs the clock between status updates while playing, at most one frame ahead, and stops when paused', () => {
    const status = { now: 10_000, endMs: 3_600_000, playing: true, speed: 60 as const, events: 0 };
    expect(virtualNow({ status, statusAt: 1000 }, 1050)).toBe(13_000);
    expect(virtualNow({ status, statusAt: 1000 }, 5000)).toBe(16_000); // capped at 100 ms of wall time
    expect(virtualNow({ status: { ...status, playing: false }, statusAt: 1000 }, 5000)).toBe(10_000);
    expect(virtualNow({ status: { ...status, speed: 'max' as const }, statusAt: 1000 }, 5000)).toBe(10_000);
  });

  it('attach says hello and applies whatever the bridge sends', () => {
    const sent: unknown[] = [];
    let listener: ((m: EngineMessage) => void) | undefined;
    const bridge: EngineBridge = {
      request: async (req) => {
        sent.push(req);
        return { ok: true, value: null };
      },
      subscribe: (l) => {
        listener = l;
        return () => (listener = undefined);
      },
    };
    const store = createAppStore();
    const off = attach(store, bridge, () => 42);
    expect(sent).toEqual([{ kind: 'hello' }]);
    listener!({ kind: 'session', session });
    expect(store.getState().session).toEqual(session);
    off();
    expect(listener).toBeUndefined();
  });
});
