// The same client behind a new address (PRODUCT.md pitfall 8): recognised by peer_id or by `key`,
// or listed twice until the old entry times out.
import { describe, expect, it } from 'vitest';
import type { TrackerSettings } from '../../shared/tracker/settings';
import { hexOf, id20, testTracker, text } from './helpers';

const P = id20('-TR1320-movingpeer01');
const Q = id20('-TR1320-otherpeer001');
const MINUTE = 60_000;

function tracker(settings: Partial<TrackerSettings>) {
  return testTracker(settings);
}

describe("peerIdentity 'ip:port'", () => {
  it('lists the same peer_id from a new address twice, without key, until the old entry expires', () => {
    const t = tracker({ peerIdentity: 'ip:port' });
    t.announce({ peerId: P, port: 6881, left: 0, event: 'started' }, { ip: '10.0.0.1', now: 0 });
    const second = t.announce({ peerId: P, port: 6881, left: 0 }, { ip: '10.0.0.2', now: 10 * MINUTE });
    expect([second.complete, second.incomplete]).toEqual([2, 0]);
    expect(t.eventsOf('peerAdded').map((e) => [e.ip, e.peerId])).toEqual([
      ['10.0.0.1', hexOf(P)],
      ['10.0.0.2', hexOf(P)],
    ]);
    expect(t.eventsOf('peerChanged')).toEqual([]);
    expect(t.tracker.stats().torrents[0]).toMatchObject({ complete: 2, incomplete: 0 });

    // The ghost at 10.0.0.1 goes when its timeout runs out (45 min after its last announce).
    expect(t.tracker.sweep(45 * MINUTE)).toBe(1);
    expect(t.eventsOf('peerRemoved')).toMatchObject([{ ip: '10.0.0.1', reason: 'expired', lastSeen: 0 }]);
    expect(t.tracker.stats().torrents[0]!.peers!.map((p) => p.ip)).toEqual(['10.0.0.2']);
    expect(t.tracker.stats().torrents[0]).toMatchObject({ complete: 1, incomplete: 0 });
  });

  it('counts a leecher listed twice in incomplete twice', () => {
    const t = tracker({ peerIdentity: 'ip:port' });
    t.announce({ peerId: P, port: 6881 }, { ip: '10.0.0.1' });
    const second = t.announce({ peerId: P, port: 6881 }, { ip: '10.0.0.2' });
    expect([second.complete, second.incomplete]).toEqual([0, 2]);
  });

  it('recognises the moved peer by key (recognizeByKey): one entry, counts unchanged', () => {
    const t = tracker({ peerIdentity: 'ip:port', recognizeByKey: true });
    const first = t.announce({ peerId: P, port: 6881, key: 'k3y', event: 'started' }, { ip: '10.0.0.1' });
    const second = t.announce({ peerId: P, port: 6881, key: 'k3y' }, { ip: '10.0.0.2', now: MINUTE });
    expect([first.complete, first.incomplete]).toEqual([0, 1]);
    expect([second.complete, second.incomplete]).toEqual([0, 1]);
    expect(t.eventsOf('peerAdded')).toHaveLength(1);
    expect(t.eventsOf('peerChanged')).toMatchObject([
      { change: 'moved', ip: '10.0.0.2', port: 6881, peerId: hexOf(P), seeder: false, paused: false },
    ]);
    expect(t.eventsOf('countsChanged')).toHaveLength(1); // only the first announce changed counts
    expect(t.tracker.stats().torrents[0]!.peers!.map((p) => `${p.ip}:${p.port}`)).toEqual(['10.0.0.2:6881']);
    // The old address is free: a different peer there is a new peer, not a replacement.
    t.announce({ peerId: Q, port: 6881 }, { ip: '10.0.0.1', now: 2 * MINUTE });
    expect(t.eventsOf('peerRemoved')).toEqual([]);
    expect(t.tracker.peerCount).toBe(2);
  });

  it('does not recognise the peer by a different key, nor by key when recognizeByKey is off', () => {
    const other = tracker({ peerIdentity: 'ip:port', recognizeByKey: true });
    other.announce({ peerId: P, key: 'k3y' }, { ip: '10.0.0.1' });
    other.announce({ peerId: P, key: 'n0pe' }, { ip: '10.0.0.2' });
    expect(other.tracker.peerCount).toBe(2);

    const off = tracker({ peerIdentity: 'ip:port', recognizeByKey: false });
    off.announce({ peerId: P, key: 'k3y' }, { ip: '10.0.0.1' });
    off.announce({ peerId: P, key: 'k3y' }, { ip: '10.0.0.2' });
    expect(off.tracker.peerCount).toBe(2);
    expect(off.eventsOf('peerChanged')).toEqual([]);
  });

  it('replaces the entry when a different peer_id announces from the same address', () => {
    const t = tracker({ peerIdentity: 'ip:port' });
    t.announce({ peerId: P, port: 6881, event: 'started' }, { ip: '10.0.0.1', now: 0 });
    const second = t.announce({ peerId: Q, port: 6881, event: 'started' }, { ip: '10.0.0.1', now: MINUTE });
    expect([second.complete, second.incomplete]).toEqual([0, 1]);
    const requestId = t.eventsOf('announceReceived')[1]!.requestId;
    expect(t.eventsOf('peerRemoved')).toEqual([
      {
        type: 'peerRemoved',
        t: MINUTE,
        requestId,
        entry: t.eventsOf('peerAdded')[0]!.entry,
        infoHash: t.eventsOf('peerAdded')[0]!.infoHash,
        peerId: hexOf(P),
        ip: '10.0.0.1',
        port: 6881,
        seeder: false,
        reason: 'replaced',
        lastSeen: 0,
      },
    ]);
    expect(t.tracker.stats().torrents[0]!.peers!.map((p) => p.peerId)).toEqual([hexOf(Q)]);
  });

  it('keeps two peer_ids on the same ip with different ports apart', () => {
    const t = tracker({ peerIdentity: 'ip:port' });
    t.announce({ peerId: P, port: 6881 }, { ip: '10.0.0.1' });
    t.announce({ peerId: Q, port: 6882 }, { ip: '10.0.0.1' });
    expect(t.tracker.peerCount).toBe(2);
    expect(t.eventsOf('peerRemoved')).toEqual([]);
  });
});

describe("peerIdentity 'peer_id'", () => {
  it('recognises the peer from a new address with or without key', () => {
    for (const key of [undefined, 'k3y']) {
      const t = tracker({ peerIdentity: 'peer_id' });
      t.announce({ peerId: P, port: 6881, key }, { ip: '10.0.0.1' });
      const moved = t.announce({ peerId: P, port: 7000 }, { ip: '2001:db8::5', now: MINUTE });
      expect([moved.complete, moved.incomplete]).toEqual([0, 1]);
      expect(t.eventsOf('peerChanged')).toMatchObject([{ change: 'moved', ip: '2001:db8::5', port: 7000 }]);
      expect(t.tracker.stats().torrents[0]!.peers!).toMatchObject([
        { ip: '2001:db8::5', port: 7000, announces: 2, firstSeen: 0, lastSeen: MINUTE },
      ]);
    }
  });

  it('lets two peer_ids share one address', () => {
    const t = tracker({ peerIdentity: 'peer_id' });
    t.announce({ peerId: P, port: 6881 }, { ip: '10.0.0.1' });
    t.announce({ peerId: Q, port: 6881 }, { ip: '10.0.0.1' });
    expect(t.tracker.peerCount).toBe(2);
  });
});

describe("peerIdentity 'user+peer_id'", () => {
  it('keeps the same peer_id of two users apart', () => {
    const t = testTracker({ private: true, peerIdentity: 'user+peer_id' }, [
      { passkey: 'alicekey', name: 'alice' },
      { passkey: 'bobkey', name: 'bob' },
    ]);
    t.announce({ peerId: P, passkey: 'alicekey' }, { ip: '10.0.0.1' });
    t.announce({ peerId: P, passkey: 'bobkey' }, { ip: '10.0.0.2' });
    t.announce({ peerId: P, passkey: 'alicekey' }, { ip: '10.0.0.3' });
    expect(t.tracker.stats().torrents[0]!.peers!.map((p) => [p.user, p.ip])).toEqual([
      ['alice', '10.0.0.3'],
      ['bob', '10.0.0.2'],
    ]);
  });
});

describe('the ip parameter', () => {
  it('is ignored by default: the peer is listed at its socket address', () => {
    const t = tracker({});
    t.announce({ peerId: P, port: 6881, extra: '&ip=10.1.2.3' }, { ip: '10.0.0.1' });
    expect(t.eventsOf('peerAdded')).toMatchObject([{ ip: '10.0.0.1', port: 6881 }]);
  });

  it('is used with trustIpParam, and refused when it is not an address', () => {
    const t = tracker({ trustIpParam: true });
    t.announce({ peerId: P, port: 6881, extra: '&ip=10.1.2.3' }, { ip: '10.0.0.1' });
    expect(t.eventsOf('peerAdded')).toMatchObject([{ ip: '10.1.2.3', port: 6881 }]);
    expect(t.eventsOf('announceReceived')).toMatchObject([{ ip: '10.1.2.3' }]);
    const before = t.tracker.stats();
    const refused = t.announce({ peerId: Q, extra: '&ip=example.org' }, { ip: '10.0.0.2' });
    expect(text(refused['failure reason'])).toBe('ip is not an IP address: "example.org"');
    expect(t.eventsOf('requestFailed')).toMatchObject([{ field: 'ip' }]);
    expect(t.tracker.stats()).toEqual(before);
  });
});
