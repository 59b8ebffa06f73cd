// Peer selection: each strategy's result follows from its definition (shared/tracker/explain.ts),
// the reasons are recorded in announceAnswered, and the requester never gets itself back.
import { describe, expect, it } from 'vitest';
import type { SelectionStrategyName, TrackerSettings } from '../../shared/tracker/settings';
import {
  compactPeers,
  hexOf,
  id20,
  lastEvent,
  returnedPeers,
  testTracker,
  type TestTracker,
} from './helpers';

const SECOND = 1000;
const R = id20('requester');
const peer = (n: number): Uint8Array => id20(`peer${n}`);

function swarmOf(selection: SelectionStrategyName, settings: Partial<TrackerSettings> = {}, seed = 7) {
  return testTracker({ selection, ...settings }, [], seed);
}

/** The requester's next announce; returns what the tracker recorded about its answer. */
function ask(t: TestTracker, numwant: number, options: { ip?: string; now?: number; left?: number } = {}) {
  const response = t.announce(
    { peerId: R, port: 9999, numwant, left: options.left ?? 1000 },
    { ip: options.ip ?? '10.9.9.9', now: options.now ?? 1000 * SECOND },
  );
  const answered = lastEvent(t, 'announceAnswered');
  const returned = returnedPeers(t, answered);
  return {
    response,
    answered,
    returned,
    ids: returned.map((p) => p.peerId),
    reasons: answered.reasons,
  };
}

describe('newest and oldest', () => {
  it('newest returns the numwant most recently first-seen peers, newest first, never the requester', () => {
    const t = swarmOf('newest');
    for (let n = 1; n <= 6; n++)
      t.announce({ peerId: peer(n), port: 6880 + n }, { ip: `10.0.0.${n}`, now: n * SECOND });
    t.announce({ peerId: R, port: 9999, event: 'started' }, { ip: '10.9.9.9', now: 7 * SECOND }); // the newest
    // Re-announces do not change when a peer was first seen.
    t.announce({ peerId: peer(1), port: 6881 }, { ip: '10.0.0.1', now: 8 * SECOND });
    const { ids, reasons, answered, response } = ask(t, 3);
    expect(ids).toEqual([peer(6), peer(5), peer(4)].map(hexOf));
    expect(reasons).toEqual(['newest', 'newest', 'newest']);
    expect([answered.numwant, answered.eligible, answered.strategy]).toEqual([3, 6, 'newest']);
    expect(compactPeers(response.peers)).toEqual(['10.0.0.6:6886', '10.0.0.5:6885', '10.0.0.4:6884']);
  });

  it('oldest returns the earliest first-seen peers, oldest first, never the requester', () => {
    const t = swarmOf('oldest');
    t.announce({ peerId: R, port: 9999, event: 'started' }, { ip: '10.9.9.9', now: 0 }); // the oldest
    for (let n = 1; n <= 6; n++)
      t.announce({ peerId: peer(n), port: 6880 + n }, { ip: `10.0.0.${n}`, now: n * SECOND });
    const { ids, reasons, answered } = ask(t, 3);
    expect(ids).toEqual([peer(1), peer(2), peer(3)].map(hexOf));
    expect(reasons).toEqual(['oldest', 'oldest', 'oldest']);
    expect([answered.numwant, answered.eligible]).toEqual([3, 6]);
  });
});

describe('seeders-first', () => {
  const seeders = [1, 2, 3].map(peer).map(hexOf);
  const leechers = [4, 5, 6, 7].map(peer).map(hexOf);
  function swarm() {
    const t = swarmOf('seeders-first');
    for (let n = 1; n <= 7; n++)
      t.announce({ peerId: peer(n), left: n <= 3 ? 0 : 500 }, { ip: `10.0.0.${n}`, now: n * SECOND });
    return t;
  }

  it('returns every seeder before any leecher', () => {
    const { ids, reasons, answered, returned } = ask(swarm(), 5);
    expect(new Set(ids.slice(0, 3))).toEqual(new Set(seeders));
    expect(ids.slice(3).every((id) => leechers.includes(id))).toBe(true);
    expect(new Set(ids).size).toBe(5);
    expect(reasons).toEqual([
      'seeder-first',
      'seeder-first',
      'seeder-first',
      'leecher-after-seeders',
      'leecher-after-seeders',
    ]);
    expect(returned.map((p) => p.seeder)).toEqual([true, true, true, false, false]);
    expect([answered.numwant, answered.eligible]).toEqual([5, 7]);
  });

  it('returns only seeders when numwant is smaller than the seeder count', () => {
    const { ids, reasons } = ask(swarm(), 2);
    expect(ids.every((id) => seeders.includes(id))).toBe(true);
    expect(reasons).toEqual(['seeder-first', 'seeder-first']);
  });

  it('never returns a seeding requester to itself', () => {
    const t = swarm();
    const { ids, answered } = ask(t, 50, { left: 0 });
    expect(new Set(ids)).toEqual(new Set([...seeders, ...leechers]));
    expect(answered.eligible).toBe(7);
    expect(ids).not.toContain(hexOf(R));
  });
});

describe('seedersToSeeders', () => {
  function swarm(seedersToSeeders: boolean) {
    const t = swarmOf('random', { seedersToSeeders });
    for (let n = 1; n <= 5; n++)
      t.announce({ peerId: peer(n), left: n <= 2 ? 0 : 500 }, { ip: `10.0.0.${n}` });
    return t;
  }

  it('withholds seeders from a seeder when off, and counts them', () => {
    const { ids, answered } = ask(swarm(false), 50, { left: 0 });
    expect(new Set(ids)).toEqual(new Set([3, 4, 5].map(peer).map(hexOf)));
    expect([answered.eligible, answered.seedersWithheld]).toEqual([3, 2]);
  });

  it('still sends seeders to a leecher when off, and seeders to a seeder when on', () => {
    const leecher = ask(swarm(false), 50);
    expect([leecher.ids.length, leecher.answered.eligible, leecher.answered.seedersWithheld]).toEqual([
      5, 5, 0,
    ]);
    const seeder = ask(swarm(true), 50, { left: 0 });
    expect([seeder.ids.length, seeder.answered.seedersWithheld]).toEqual([5, 0]);
  });
});

describe('speed-high, speed-low and speed-normal', () => {
  const rates = [1000, 5000, 3000, 0, 2000]; // bytes/s of peer1..peer5
  /** Each peer announces at 0 s and again at 100 s having uploaded rate × 100 s. */
  function swarm(selection: SelectionStrategyName, seed = 7) {
    const t = swarmOf(selection, {}, seed);
    t.announce({ peerId: R, port: 9999, event: 'started' }, { ip: '10.9.9.9', now: 0 });
    rates.forEach((_, i) =>
      t.announce({ peerId: peer(i + 1), event: 'started' }, { ip: `10.0.0.${i + 1}`, now: 0 }),
    );
    rates.forEach((rate, i) =>
      t.announce({ peerId: peer(i + 1), uploaded: rate * 100 }, { ip: `10.0.0.${i + 1}`, now: 100 * SECOND }),
    );
    return t;
  }

  it('derives each upload rate from two announces', () => {
    const peers = swarm('speed-high').tracker.stats().torrents[0]!.peers!;
    expect(peers.filter((p) => p.peerId !== hexOf(R)).map((p) => p.uploadRate)).toEqual(rates);
  });

  it('speed-high returns the fastest uploaders first', () => {
    const { ids, reasons, answered } = ask(swarm('speed-high'), 3);
    expect(ids).toEqual([peer(2), peer(3), peer(5)].map(hexOf)); // 5000, 3000, 2000 B/s
    expect(reasons).toEqual(['fastest', 'fastest', 'fastest']);
    expect([answered.numwant, answered.eligible]).toEqual([3, 5]);
  });

  it('speed-low returns the slowest uploaders first, and not the idle requester', () => {
    const { ids, reasons } = ask(swarm('speed-low'), 3);
    expect(ids).toEqual([peer(4), peer(1), peer(5)].map(hexOf)); // 0, 1000, 2000 B/s
    expect(reasons).toEqual(['slowest', 'slowest', 'slowest']);
  });

  it('speed-normal has no speed bias: numwant 1 picks each peer about equally often', () => {
    const t = swarm('speed-normal');
    const counts = new Map<string, number>();
    const draws = 4000;
    for (let i = 0; i < draws; i++) {
      const { ids, reasons } = ask(t, 1, { now: (200 + i) * SECOND });
      expect(reasons).toEqual(['no-speed-bias']);
      counts.set(ids[0]!, (counts.get(ids[0]!) ?? 0) + 1);
    }
    expect(counts.size).toBe(5);
    const expected = draws / 5;
    const chiSquare = [...counts.values()].reduce((sum, o) => sum + (o - expected) ** 2 / expected, 0);
    expect(chiSquare).toBeLessThan(33.38); // χ²(4) upper 10⁻⁶ quantile
  });
});

describe('same-subnet-first', () => {
  it("puts peers in the requester's /24 first, then the rest", () => {
    const t = swarmOf('same-subnet-first');
    const ips = ['192.168.1.10', '10.0.0.1', '192.168.1.20', '192.168.2.10', '192.168.1.30', '172.16.0.1'];
    ips.forEach((ip, i) => t.announce({ peerId: peer(i + 1) }, { ip }));
    const { answered, reasons, returned } = ask(t, 4, { ip: '192.168.1.50' });
    const got = returned.map((p) => p.ip);
    expect(new Set(got.slice(0, 3))).toEqual(new Set(['192.168.1.10', '192.168.1.20', '192.168.1.30']));
    expect(['10.0.0.1', '192.168.2.10', '172.16.0.1']).toContain(got[3]);
    expect(reasons).toEqual(['same-subnet', 'same-subnet', 'same-subnet', 'other-subnet']);
    expect(answered.eligible).toBe(6);
  });

  it("uses the requester's /64 for IPv6", () => {
    const t = swarmOf('same-subnet-first');
    ['2001:db8:0:2::10', '10.0.0.1', '2001:db8:0:1::10'].forEach((ip, i) =>
      t.announce({ peerId: peer(i + 1) }, { ip }),
    );
    const { returned } = ask(t, 1, { ip: '2001:db8:0:1:ffff::50' });
    expect(returned.map((p) => [p.ip, p.reason])).toEqual([['2001:db8:0:1::10', 'same-subnet']]);
  });
});

describe('numwant', () => {
  it('uses numwantDefault when not sent, caps at numwantMax, and returns nothing for 0', () => {
    const t = swarmOf('random', { numwantDefault: 2, numwantMax: 4 });
    for (let n = 1; n <= 6; n++) t.announce({ peerId: peer(n) }, { ip: `10.0.0.${n}` });
    t.announce({ peerId: R }, { ip: '10.9.9.9' });
    expect(lastEvent(t, 'announceAnswered')).toMatchObject({ numwant: 2, eligible: 6 });
    expect(lastEvent(t, 'announceAnswered').peers).toHaveLength(2);
    expect(ask(t, 100).ids).toHaveLength(4);
    expect(ask(t, 100).answered.numwant).toBe(4);
    expect(ask(t, 0).answered).toMatchObject({ numwant: 0, eligible: 6, peers: [] });
  });
});

describe('random', () => {
  /** 20 peers and a 21st that asks for 5, `draws` times; returns what it got each time. */
  function draws(seed: number, count: number): string[][] {
    const t = swarmOf('random', {}, seed);
    for (let n = 1; n <= 20; n++) t.announce({ peerId: peer(n), port: 6000 + n }, { ip: `10.0.1.${n}` });
    const out: string[][] = [];
    for (let i = 0; i < count; i++) {
      const response = t.announce({ peerId: R, port: 9999, numwant: 5 }, { ip: '10.9.9.9', now: i });
      out.push(compactPeers(response.peers));
    }
    return out;
  }

  it('samples 5 distinct peers uniformly: each of 20 appears ~5,000 times in 20,000 answers', () => {
    const answers = draws(7, 20_000);
    const counts = new Map<string, number>();
    for (const peers of answers) {
      expect(new Set(peers).size).toBe(5);
      for (const p of peers) counts.set(p, (counts.get(p) ?? 0) + 1);
    }
    expect(counts.size).toBe(20);
    expect(counts.has('10.9.9.9:9999')).toBe(false);
    const expected = (20_000 * 5) / 20;
    const chiSquare = [...counts.values()].reduce((sum, o) => sum + (o - expected) ** 2 / expected, 0);
    // χ²(19) upper 10⁻⁶ quantile is 63.68; sampling without replacement only lowers the variance.
    expect(chiSquare).toBeLessThan(63.68);
  });

  it('gives the same sequence for the same seed and a different one for another seed', () => {
    expect(draws(7, 50)).toEqual(draws(7, 50));
    expect(draws(8, 50)).not.toEqual(draws(7, 50));
  });
});
