// Announces sent before `min interval` has passed (PRODUCT.md pitfall 7): accepted, answered without
// touching the stats, or refused — but started, completed and stopped are never blocked.
import { describe, expect, it } from 'vitest';
import type { TrackerSettings } from '../../shared/tracker/settings';
import { text, testTracker, type AnnounceParams, type TestTracker } from './helpers';

const SECOND = 1000;
const users = [{ passkey: 'alicekey', name: 'alice' }];

/** A private tracker (min interval 900 s by default) and a leecher that started at 0 s. */
function started(settings: Partial<TrackerSettings>): TestTracker {
  const t = testTracker({ private: true, ...settings }, users);
  t.announce(mine({ event: 'started' }), { now: 0 });
  return t;
}

const mine = (p: AnnounceParams): AnnounceParams => ({
  peerId: 'manual-announcer-001',
  passkey: 'alicekey',
  ...p,
});

const peerOf = (t: TestTracker) => t.tracker.stats().torrents[0]!.peers![0]!;

describe("minIntervalEnforcement 'off' (default)", () => {
  it('accepts an early announce and updates the stats', () => {
    const t = started({});
    const response = t.announce(mine({ uploaded: 500, downloaded: 700, left: 300 }), { now: 10 * SECOND });
    expect(response['warning message']).toBeUndefined();
    expect(response['min interval']).toBe(900);
    expect(t.eventsOf('announceAnswered').at(-1)).toMatchObject({ statsUpdated: true, warning: null });
    expect(t.eventsOf('creditApplied').at(-1)).toMatchObject({
      rule: 'delta',
      uploaded: 500,
      downloaded: 700,
    });
    expect(peerOf(t)).toMatchObject({ lastSeen: 10 * SECOND, left: 300, announces: 2 });
  });
});

describe("minIntervalEnforcement 'skip-update'", () => {
  it('answers an early announce with a warning and changes nothing', () => {
    const t = started({ minIntervalEnforcement: 'skip-update' });
    const before = t.tracker.stats();
    const count = t.events.length;
    const response = t.announce(mine({ uploaded: 500, downloaded: 700, left: 0 }), { now: 10 * SECOND });
    expect(text(response['warning message'])).toBe(
      'announce ignored: 10 s since the last one, min interval is 900 s',
    );
    expect(response).toMatchObject({ complete: 0, incomplete: 1, interval: 1800, 'min interval': 900 });
    expect(t.events.slice(count).map((e) => e.type)).toEqual([
      'requestReceived',
      'announceReceived',
      'announceAnswered',
      'responseSent',
    ]);
    expect(t.eventsOf('announceAnswered').at(-1)).toMatchObject({
      statsUpdated: false,
      warning: 'announce ignored: 10 s since the last one, min interval is 900 s',
    });
    expect(t.tracker.stats()).toEqual(before);
    expect(peerOf(t)).toMatchObject({ lastSeen: 0, left: 1000, announces: 1 });
  });

  it('takes the announce once min interval has passed, counting from the last accepted one', () => {
    const t = started({ minIntervalEnforcement: 'skip-update' });
    t.announce(mine({ uploaded: 100 }), { now: 899 * SECOND + 999 });
    expect(t.eventsOf('announceAnswered').at(-1)!.statsUpdated).toBe(false);
    t.announce(mine({ uploaded: 200 }), { now: 900 * SECOND });
    expect(t.eventsOf('announceAnswered').at(-1)!.statsUpdated).toBe(true);
    expect(t.eventsOf('creditApplied').at(-1)).toMatchObject({ rule: 'delta', uploaded: 200 });
    t.announce(mine({ uploaded: 300 }), { now: 1000 * SECOND }); // 100 s after the accepted one
    expect(t.eventsOf('announceAnswered').at(-1)).toMatchObject({
      statsUpdated: false,
      warning: 'announce ignored: 100 s since the last one, min interval is 900 s',
    });
    expect(t.tracker.stats().users[0]!.uploaded).toBe(200);
  });

  it('adds the settings warning message only when the announce is taken', () => {
    const t = started({ minIntervalEnforcement: 'skip-update', warningMessage: 'be nice' });
    expect(text(t.announce(mine({}), { now: SECOND })['warning message'])).toBe(
      'announce ignored: 1 s since the last one, min interval is 900 s',
    );
    expect(text(t.announce(mine({}), { now: 900 * SECOND })['warning message'])).toBe('be nice');
  });
});

describe("minIntervalEnforcement 'reject'", () => {
  it('refuses an early announce with a failure reason and changes nothing', () => {
    const t = started({ minIntervalEnforcement: 'reject' });
    const before = t.tracker.stats();
    const response = t.announce(mine({ uploaded: 500 }), { now: 61 * SECOND + 500 });
    expect(Object.keys(response)).toEqual(['failure reason']);
    expect(text(response['failure reason'])).toBe(
      'announce too soon: 61 s since the last one, min interval is 900 s',
    );
    expect(t.eventsOf('requestFailed')).toMatchObject([{ status: 200, field: null }]);
    expect(t.eventsOf('creditApplied')).toHaveLength(1); // the started baseline
    expect(t.tracker.stats()).toEqual(before);
  });
});

describe.each(['skip-update', 'reject'] as const)(
  "minIntervalEnforcement '%s' never blocks an event",
  (mode) => {
    it('takes completed, stopped and a new started at once', () => {
      const t = started({ minIntervalEnforcement: mode });
      const completed = t.announce(mine({ event: 'completed', downloaded: 1000, left: 0 }), { now: SECOND });
      expect(completed).toMatchObject({ complete: 1, incomplete: 0, downloaded: 1 });
      expect(t.eventsOf('snatchCounted')).toHaveLength(1);

      const stopped = t.announce(mine({ event: 'stopped', uploaded: 40, downloaded: 1000, left: 0 }), {
        now: 2 * SECOND,
      });
      expect(stopped).toMatchObject({ complete: 0, incomplete: 0, downloaded: 1 });
      expect(t.eventsOf('peerRemoved')).toMatchObject([{ reason: 'stopped' }]);

      t.announce(mine({ event: 'started', left: 0 }), { now: 3 * SECOND });
      t.announce(mine({ event: 'started', left: 0 }), { now: 4 * SECOND }); // a started re-sent at once
      expect(t.eventsOf('requestFailed')).toEqual([]);
      expect(t.eventsOf('announceAnswered').every((e) => e.statsUpdated)).toBe(true);
      expect(t.eventsOf('creditApplied').map((e) => [e.rule, e.uploaded, e.downloaded])).toEqual([
        ['baseline', 0, 0],
        ['delta', 0, 1000],
        ['delta', 40, 0],
        ['baseline', 0, 0],
        ['baseline', 0, 0],
      ]);
      expect(t.tracker.stats().users[0]).toMatchObject({ uploaded: 40, downloaded: 1000, seeding: 1 });
    });
  },
);
