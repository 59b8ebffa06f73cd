// Private-tracker accounting: credit is the difference between successive announces of one peer,
// baselined at `started` (PRODUCT.md), with the counter-reset and first-announce rules from settings.
import { describe, expect, it } from 'vitest';
import type { TrackerSettings } from '../../shared/tracker/settings';
import { decodeDict, testTracker, text, type AnnounceParams, type TestTracker } from './helpers';

// The seed's Transmission 1.32 session (seeds/002).
const PASSKEY = '3bfa64edd509add1c7516d7a62700366';
const TR = '-TR1320-ph6nbw6phum2';
const SIZE = 76781572;
const MINUTE = 60_000;

function privateTracker(settings: Partial<TrackerSettings> = {}): TestTracker {
  return testTracker({ private: true, ...settings }, [
    { passkey: PASSKEY, name: 'alice' },
    { passkey: 'bobkey', name: 'bob' },
  ]);
}

const tr = (p: AnnounceParams): AnnounceParams => ({
  peerId: TR,
  port: 51413,
  key: '36vk3vk5rt',
  passkey: PASSKEY,
  ...p,
});

/** The creditApplied events reduced to what the rules decide. */
function credits(t: TestTracker) {
  return t.eventsOf('creditApplied').map((e) => ({
    rule: e.rule,
    uploaded: e.uploaded,
    downloaded: e.downloaded,
    totalUploaded: e.totalUploaded,
    totalDownloaded: e.totalDownloaded,
  }));
}

function alice(t: TestTracker) {
  return t.tracker.stats().users.find((u) => u.name === 'alice');
}

describe('crediting a session', () => {
  it('credits the seed session: started → periodic → completed → stopped', () => {
    const t = privateTracker();
    t.announce(tr({ event: 'started', left: SIZE }), { now: 0 });
    expect(alice(t)).toEqual({
      name: 'alice',
      uploaded: 0,
      downloaded: 0,
      snatches: 0,
      seeding: 0,
      leeching: 1,
    });
    t.announce(tr({ downloaded: 13852248, left: 62930944 }), { now: 30 * MINUTE });
    expect(alice(t)).toMatchObject({ uploaded: 0, downloaded: 13852248, leeching: 1 });
    t.announce(tr({ event: 'completed', downloaded: SIZE, left: 0 }), { now: 60 * MINUTE });
    expect(alice(t)).toEqual({
      name: 'alice',
      uploaded: 0,
      downloaded: SIZE,
      snatches: 1,
      seeding: 1,
      leeching: 0,
    });
    t.announce(tr({ event: 'stopped', uploaded: 1048576, downloaded: SIZE, left: 0 }), { now: 90 * MINUTE });

    expect(credits(t)).toEqual([
      { rule: 'baseline', uploaded: 0, downloaded: 0, totalUploaded: 0, totalDownloaded: 0 },
      { rule: 'delta', uploaded: 0, downloaded: 13852248, totalUploaded: 0, totalDownloaded: 13852248 },
      // 76781572 − 13852248 = 62929324
      { rule: 'delta', uploaded: 0, downloaded: 62929324, totalUploaded: 0, totalDownloaded: SIZE },
      { rule: 'delta', uploaded: 1048576, downloaded: 0, totalUploaded: 1048576, totalDownloaded: SIZE },
    ]);
    const first = t.eventsOf('creditApplied')[0]!;
    expect(first).toMatchObject({ user: 'alice', reportedUploaded: 0, reportedDownloaded: 0, t: 0 });
    expect(alice(t)).toEqual({
      name: 'alice',
      uploaded: 1048576,
      downloaded: SIZE,
      snatches: 1,
      seeding: 0,
      leeching: 0,
    });
    expect(t.tracker.stats().totals).toEqual({ torrents: 1, peers: 0, seeders: 0, leechers: 0 });
  });

  it('never credits bytes moved after the last announce when stopped is lost (crash)', () => {
    const t = privateTracker();
    t.announce(tr({ event: 'started', left: SIZE }), { now: 0 });
    t.announce(tr({ downloaded: 13852248, left: 62930944 }), { now: 30 * MINUTE });
    // The client goes on to download 40,000,000 more bytes, then crashes without a word.
    const timeout = t.tracker.settings.peerTimeout * 1000; // 2700 s by default
    expect(t.tracker.sweep(30 * MINUTE + timeout - 1)).toBe(0);
    expect(t.tracker.stats().torrents[0]).toMatchObject({ complete: 0, incomplete: 1 });
    expect(alice(t)).toMatchObject({ downloaded: 13852248, leeching: 1 });

    expect(t.tracker.sweep(30 * MINUTE + timeout)).toBe(1);
    expect(t.eventsOf('peerRemoved')).toMatchObject([{ reason: 'expired', lastSeen: 30 * MINUTE }]);
    expect(credits(t)).toHaveLength(2);
    expect(alice(t)).toEqual({
      name: 'alice',
      uploaded: 0,
      downloaded: 13852248,
      snatches: 0,
      seeding: 0,
      leeching: 0,
    });
  });

  it('re-baselines at started: a proper client restart credits nothing and loses nothing counted', () => {
    const t = privateTracker();
    t.announce(tr({ event: 'started' }), { now: 0 });
    t.announce(tr({ uploaded: 1000, downloaded: 100 }), { now: 30 * MINUTE });
    t.announce(tr({ event: 'started', uploaded: 0, downloaded: 0 }), { now: 40 * MINUTE });
    t.announce(tr({ uploaded: 50, downloaded: 70 }), { now: 70 * MINUTE });
    expect(credits(t).map((c) => [c.rule, c.uploaded, c.downloaded])).toEqual([
      ['baseline', 0, 0],
      ['delta', 1000, 100],
      ['baseline', 0, 0],
      ['delta', 50, 70],
    ]);
    expect(alice(t)).toMatchObject({ uploaded: 1050, downloaded: 170 });
  });
});

describe('a client restart that resets its counters without sending started', () => {
  // started (0, 0) → periodic (1000 up, 100 down) → the client restarts and its counters start from 0;
  // its next announce (same peer_id, no event) reports (200, 300) → then (1500, 600).
  const steps: AnnounceParams[] = [
    { event: 'started' },
    { uploaded: 1000, downloaded: 100 },
    { uploaded: 200, downloaded: 300 },
    { uploaded: 1500, downloaded: 600 },
  ];
  const start = [
    { rule: 'baseline', uploaded: 0, downloaded: 0, totalUploaded: 0, totalDownloaded: 0 },
    { rule: 'delta', uploaded: 1000, downloaded: 100, totalUploaded: 1000, totalDownloaded: 100 },
  ];

  it.each([
    [
      'rebaseline',
      // new baseline (200, 300), nothing credited; then 1500 − 200, 600 − 300
      [
        { rule: 'rebaseline', uploaded: 0, downloaded: 0, totalUploaded: 1000, totalDownloaded: 100 },
        { rule: 'delta', uploaded: 1300, downloaded: 300, totalUploaded: 2300, totalDownloaded: 400 },
      ],
    ],
    [
      'clamp',
      // upload 200 − 1000 < 0 → 0; download 300 − 100 = 200; stores (200, 300)
      [
        { rule: 'clamped', uploaded: 0, downloaded: 200, totalUploaded: 1000, totalDownloaded: 300 },
        { rule: 'delta', uploaded: 1300, downloaded: 300, totalUploaded: 2300, totalDownloaded: 600 },
      ],
    ],
    [
      'keep-max',
      // stores the high-water marks (1000, 300): upload credits only past 1000
      [
        { rule: 'held', uploaded: 0, downloaded: 200, totalUploaded: 1000, totalDownloaded: 300 },
        { rule: 'delta', uploaded: 500, downloaded: 300, totalUploaded: 1500, totalDownloaded: 600 },
      ],
    ],
    [
      'signed-delta',
      // 200 − 1000 = −800 is credited as is: the total goes down
      [
        { rule: 'signed', uploaded: -800, downloaded: 200, totalUploaded: 200, totalDownloaded: 300 },
        { rule: 'delta', uploaded: 1300, downloaded: 300, totalUploaded: 1500, totalDownloaded: 600 },
      ],
    ],
  ] as const)('counterReset %s', (counterReset, after) => {
    const t = privateTracker({ counterReset });
    steps.forEach((p, i) => t.announce(tr(p), { now: i * 30 * MINUTE }));
    expect(credits(t)).toEqual([...start, ...after]);
    const last = after[1];
    expect(alice(t)).toMatchObject({ uploaded: last.totalUploaded, downloaded: last.totalDownloaded });
  });
});

describe("counterReset 'clamp' per counter", () => {
  it('credits a counter that went up even when the other went down', () => {
    const t = privateTracker({ counterReset: 'clamp' });
    t.announce(tr({ event: 'started' }), { now: 0 });
    t.announce(tr({ uploaded: 1000, downloaded: 5000 }), { now: 30 * MINUTE });
    // download counter reset to 10, upload counter went on from 1000 to 1200
    t.announce(tr({ uploaded: 1200, downloaded: 10 }), { now: 60 * MINUTE });
    t.announce(tr({ uploaded: 1500, downloaded: 60 }), { now: 90 * MINUTE });
    expect(credits(t).slice(2)).toEqual([
      { rule: 'clamped', uploaded: 200, downloaded: 0, totalUploaded: 1200, totalDownloaded: 5000 },
      { rule: 'delta', uploaded: 300, downloaded: 50, totalUploaded: 1500, totalDownloaded: 5050 },
    ]);
  });
});

describe('the first announce', () => {
  it('is only a baseline by default', () => {
    const t = privateTracker();
    t.announce(tr({ uploaded: 500, downloaded: 1000 }));
    expect(credits(t)).toEqual([
      { rule: 'baseline', uploaded: 0, downloaded: 0, totalUploaded: 0, totalDownloaded: 0 },
    ]);
  });

  it("is credited in full from zero with firstAnnounce 'credit-all'", () => {
    const t = privateTracker({ firstAnnounce: 'credit-all' });
    t.announce(tr({ uploaded: 500, downloaded: 1000 }), { now: 0 });
    t.announce(tr({ uploaded: 800, downloaded: 1000 }), { now: 30 * MINUTE });
    expect(credits(t)).toEqual([
      { rule: 'from-zero', uploaded: 500, downloaded: 1000, totalUploaded: 500, totalDownloaded: 1000 },
      { rule: 'delta', uploaded: 300, downloaded: 0, totalUploaded: 800, totalDownloaded: 1000 },
    ]);
  });
});

describe('counting completed as a snatch', () => {
  // peer 1 completes; peer 1 re-sends completed; the same user restarts with a new peer_id and
  // re-sends completed (a real client bug).
  it.each([
    ['once-per-user', ['counted', 'already-counted-for-user', 'already-counted-for-user'], 1],
    ['once-per-peer', ['counted', 'already-counted-for-peer', 'counted'], 2],
    ['every-completed', ['counted', 'counted', 'counted'], 3],
  ] as const)('snatchCounting %s', (snatchCounting, outcomes, total) => {
    const t = privateTracker({ snatchCounting });
    t.announce(tr({ event: 'started' }), { now: 0 });
    const done = { event: 'completed', left: 0 };
    t.announce(tr({ ...done }), { now: MINUTE });
    t.announce(tr({ ...done }), { now: 2 * MINUTE });
    const last = t.announce(tr({ ...done, peerId: '-TR1320-newsession01' }), { now: 3 * MINUTE });

    const seen = t.events
      .filter((e) => e.type === 'snatchCounted' || e.type === 'snatchRefused')
      .map((e) => (e.type === 'snatchCounted' ? 'counted' : e.reason));
    expect(seen).toEqual(outcomes);
    expect(t.eventsOf('snatchCounted').map((e) => e.downloaded)).toEqual(
      Array.from({ length: total }, (_, i) => i + 1),
    );
    expect(last.downloaded).toBe(total);
    expect(alice(t)).toMatchObject({ snatches: total, seeding: 2 });
  });

  it('does not count completed while left is not 0', () => {
    const t = privateTracker();
    t.announce(tr({ event: 'completed', left: 5 }));
    expect(t.eventsOf('snatchRefused')).toMatchObject([{ reason: 'left-not-zero', user: 'alice' }]);
    expect(t.tracker.stats().torrents[0]!.downloaded).toBe(0);
  });
});

describe('passkeys', () => {
  const query = (extra = '') =>
    `info_hash=%D9%A5%7B%B4%0E%1EZ%F9qS%0D8%B0%BF%26%9Ft%0F%92%F3&peer_id=${TR}` +
    `&port=51413&uploaded=0&downloaded=0&left=${SIZE}&event=started${extra}`;

  it('refuses an unknown passkey and changes nothing', () => {
    const t = privateTracker();
    t.announce(tr({ event: 'started' }));
    const before = t.tracker.stats();
    const count = t.events.length;
    const reply = decodeDict(t.get(`/nosuchkey/announce?${query()}`, { ip: '10.0.0.9' }).body);
    expect(text(reply['failure reason'])).toBe('unknown passkey');
    expect(t.tracker.stats()).toEqual(before);
    expect(t.events.slice(count).map((e) => e.type)).toEqual([
      'requestReceived',
      'requestFailed',
      'responseSent',
    ]);
    expect(t.eventsOf('requestFailed')).toMatchObject([{ status: 200, field: 'passkey' }]);
  });

  it('accepts the passkey in the path and as ?passkey=', () => {
    const t = privateTracker();
    t.get(`/${PASSKEY}/announce?${query()}`);
    t.get(`/announce?${query()}&passkey=bobkey`.replace(TR, '-TR1320-bobbobbobbob'), { ip: '10.0.0.2' });
    expect(t.eventsOf('announceReceived').map((e) => [e.passkey, e.user])).toEqual([
      [PASSKEY, 'alice'],
      ['bobkey', 'bob'],
    ]);
    expect(t.tracker.stats().users.map((u) => [u.name, u.leeching])).toEqual([
      ['alice', 1],
      ['bob', 1],
    ]);
  });

  it('refuses a request whose path and parameter passkeys differ', () => {
    const t = privateTracker();
    const reply = decodeDict(t.get(`/${PASSKEY}/announce?${query('&passkey=bobkey')}`).body);
    expect(text(reply['failure reason'])).toBe('the passkey in the path and the passkey parameter differ');
    expect(t.tracker.peerCount).toBe(0);
  });
});
