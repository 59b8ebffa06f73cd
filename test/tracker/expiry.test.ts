// Peer expiry and tracker restarts on an injected clock: a peer not heard from within peerTimeout is
// removed by the sweep; a restart loses the in-memory peers unless keepStateOnRestart.
import { describe, expect, it } from 'vitest';
import { hexOf, id20, INFO_HASH, scrapeCounts, testTracker } from './helpers';

const SECOND = 1000;
const [A, B, C, D] = ['A', 'B', 'C', 'D'].map(id20) as [Uint8Array, Uint8Array, Uint8Array, Uint8Array];

describe('expiry sweep', () => {
  // peerTimeout 100 s. A (leecher) last seen at 0 s, B (seeder) at 10 s, C (leecher) joined at 0 s and
  // re-announced at 50 s, D (seeder) at 10.001 s.
  function swarm() {
    const t = testTracker({ peerTimeout: 100 });
    t.announce({ peerId: A, event: 'started' }, { ip: '10.0.0.1', now: 0 });
    t.announce({ peerId: B, event: 'started', left: 0 }, { ip: '10.0.0.2', now: 10 * SECOND });
    t.announce({ peerId: C, event: 'started' }, { ip: '10.0.0.3', now: 0 });
    t.announce({ peerId: D, event: 'started', left: 0 }, { ip: '10.0.0.4', now: 10 * SECOND + 1 });
    t.announce({ peerId: C }, { ip: '10.0.0.3', now: 50 * SECOND });
    return t;
  }

  it('removes exactly the peers whose lastSeen <= now − peerTimeout', () => {
    const t = swarm();
    const before = t.events.length;
    // cutoff = 110 s − 100 s = 10 s: A (0 s) and B (10 s, on the boundary) go, C (50 s) and D (10.001 s) stay.
    expect(t.tracker.sweep(110 * SECOND)).toBe(2);
    const infoHash = hexOf(INFO_HASH);
    expect(t.events.slice(before)).toEqual([
      {
        type: 'peerRemoved',
        t: 110 * SECOND,
        requestId: null,
        entry: 1, // A was the first peer added
        infoHash,
        peerId: hexOf(A),
        ip: '10.0.0.1',
        port: 51413,
        seeder: false,
        reason: 'expired',
        lastSeen: 0,
      },
      {
        type: 'peerRemoved',
        t: 110 * SECOND,
        requestId: null,
        entry: 2,
        infoHash,
        peerId: hexOf(B),
        ip: '10.0.0.2',
        port: 51413,
        seeder: true,
        reason: 'expired',
        lastSeen: 10 * SECOND,
      },
      {
        type: 'countsChanged',
        t: 110 * SECOND,
        infoHash,
        complete: 1,
        incomplete: 1,
        downloaded: 0,
        downloaders: 1,
      },
    ]);
    expect(t.tracker.stats().torrents[0]!.peers!.map((p) => p.peerId)).toEqual([hexOf(C), hexOf(D)]);
    expect(scrapeCounts(t)).toEqual({ complete: 1, incomplete: 1, downloaded: 0, downloaders: 1 });
  });

  it('removes nothing and reports nothing one millisecond before the first timeout', () => {
    const t = swarm();
    const before = t.events.length;
    expect(t.tracker.sweep(100 * SECOND - 1)).toBe(0);
    expect(t.events.length).toBe(before);
    expect(t.tracker.peerCount).toBe(4);
  });

  it('keeps a peer that re-announced and removes it one timeout after its last announce', () => {
    const t = swarm();
    expect(t.tracker.sweep(149 * SECOND)).toBe(3); // A, B, D
    expect(t.tracker.stats().totals).toEqual({ torrents: 1, peers: 1, seeders: 0, leechers: 1 });
    expect(t.tracker.sweep(150 * SECOND)).toBe(1);
    expect(t.eventsOf('peerRemoved').map((e) => [e.peerId, e.lastSeen])).toEqual([
      [hexOf(A), 0],
      [hexOf(B), 10 * SECOND],
      [hexOf(D), 10 * SECOND + 1],
      [hexOf(C), 50 * SECOND],
    ]);
    expect(t.tracker.stats().totals).toEqual({ torrents: 0, peers: 0, seeders: 0, leechers: 0 });
  });

  it('keeps a torrent with snatches after its last peer expires, with its downloaded count', () => {
    const t = testTracker({ peerTimeout: 100 });
    t.announce({ peerId: A, event: 'completed', left: 0 }, { now: 0 });
    expect(t.tracker.sweep(100 * SECOND)).toBe(1);
    expect(t.tracker.stats().torrents).toEqual([
      { infoHash: hexOf(INFO_HASH), complete: 0, incomplete: 0, downloaded: 1, downloaders: 0, peers: [] },
    ]);
  });
});

describe('tracker restart', () => {
  const users = [{ passkey: 'alicekey', name: 'alice' }];
  const MINUTE = 60 * SECOND;

  function session(keepStateOnRestart: boolean) {
    const t = testTracker({ private: true, keepStateOnRestart }, users);
    t.announce({ peerId: A, passkey: 'alicekey', event: 'started' }, { ip: '10.0.0.1', now: 0 });
    t.announce(
      { peerId: A, passkey: 'alicekey', uploaded: 100, downloaded: 2000 },
      { ip: '10.0.0.1', now: 30 * MINUTE },
    );
    t.announce(
      { peerId: B, passkey: 'alicekey', event: 'completed', left: 0 },
      { ip: '10.0.0.2', now: 30 * MINUTE },
    );
    return t;
  }

  it('drops every peer with reason restart, but keeps snatch counts and user totals', () => {
    const t = session(false);
    const before = t.events.length;
    t.tracker.restart(40 * MINUTE);
    expect(t.events.slice(before).map((e) => e.type)).toEqual([
      'peerRemoved',
      'peerRemoved',
      'countsChanged',
      'trackerRestarted',
    ]);
    expect(t.eventsOf('peerRemoved').map((e) => [e.peerId, e.reason, e.requestId, e.lastSeen])).toEqual([
      [hexOf(A), 'restart', null, 30 * MINUTE],
      [hexOf(B), 'restart', null, 30 * MINUTE],
    ]);
    expect(t.eventsOf('trackerRestarted')).toEqual([
      { type: 'trackerRestarted', t: 40 * MINUTE, keptState: false, peersDropped: 2 },
    ]);
    expect(scrapeCounts(t, INFO_HASH, '/alicekey/scrape')).toEqual({
      complete: 0,
      incomplete: 0,
      downloaded: 1,
      downloaders: 0,
    });
    expect(t.tracker.stats().users).toEqual([
      { name: 'alice', uploaded: 100, downloaded: 2000, snatches: 1, seeding: 0, leeching: 0 },
    ]);
  });

  it('re-baselines each peer at its next announce after a restart, losing the bytes in between', () => {
    const t = session(false);
    t.tracker.restart(40 * MINUTE);
    t.announce(
      { peerId: A, passkey: 'alicekey', uploaded: 150, downloaded: 5000 },
      { ip: '10.0.0.1', now: 60 * MINUTE },
    );
    expect(t.eventsOf('peerAdded').map((e) => e.t)).toEqual([0, 30 * MINUTE, 60 * MINUTE]);
    expect(t.eventsOf('creditApplied').at(-1)).toMatchObject({
      rule: 'baseline',
      uploaded: 0,
      downloaded: 0,
      totalUploaded: 100,
      totalDownloaded: 2000,
    });
  });

  it('drops nothing with keepStateOnRestart, and the next announce credits its delta', () => {
    const t = session(true);
    const before = t.events.length;
    t.tracker.restart(40 * MINUTE);
    expect(t.events.slice(before)).toEqual([
      { type: 'trackerRestarted', t: 40 * MINUTE, keptState: true, peersDropped: 0 },
    ]);
    expect(t.tracker.peerCount).toBe(2);
    t.announce(
      { peerId: A, passkey: 'alicekey', uploaded: 150, downloaded: 5000 },
      { ip: '10.0.0.1', now: 60 * MINUTE },
    );
    expect(t.eventsOf('creditApplied').at(-1)).toMatchObject({
      rule: 'delta',
      uploaded: 50,
      downloaded: 3000,
      totalUploaded: 150,
      totalDownloaded: 5000,
    });
  });
});
