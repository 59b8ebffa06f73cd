// Hand-checked metrics: tiny scenarios whose every figure follows from the transfer model's rules
// (a tick every 5 s moves 5 s worth at the unchoked rate; the first tick rechokes), the announce
// schedule and the bencoded answers. The expected values are derived here, not measured.
import { describe, expect, it } from 'vitest';
import { censoredQuantile } from '../../shared/experiments/metrics/completion';
import type { ScenarioInput } from '../../shared/sim/scenario';
import { KiB, MiB, metricsOf } from './helpers';

/** A tracker-lab answer (interval 1800, min interval 900) with single-digit counts and `peers` compact peers. */
function answerBytes(peers: number): number {
  const compact = 'x'.repeat(6 * peers); // BEP 23: 4 address bytes + 2 port bytes per peer
  return `d8:completei1e10:downloadedi0e10:incompletei0e8:intervali1800e12:min intervali900e5:peers${compact.length}:${compact}e`
    .length;
}

const oneSeederOneLeecher: ScenarioInput = {
  name: 'one-to-one',
  duration: 60,
  torrents: [{ id: 'f', size: '10MiB', pieceSize: '1MiB' }],
  groups: [
    { name: 'seeder', have: 'all', uploadCapacity: '1MiB/s' },
    { name: 'leecher', uploadCapacity: '512KiB/s', downloadCapacity: '4MiB/s' },
  ],
};

describe('run metrics, checked by hand', () => {
  it('one seeder, one leecher, no contention: exact completion, load, utilisation, no staleness', async () => {
    const m = await metricsOf(oneSeederOneLeecher, 5_000);
    // Both arrive at 0; the leecher's `started` is answered at 0.1 s with the seeder and it connects.
    // The tick at 5 s rechokes (the seeder unchokes its only interested peer) and moves 5 s at
    // 1 MiB/s (the upload is the bottleneck: 1 MiB/s < 4 MiB/s) = 5 MiB; the tick at 10 s the rest.
    expect(m.completionTimes).toEqual([10]);
    expect(m).toMatchObject({
      clients: 2,
      leechers: 1,
      departed: 0,
      finished: 1,
      completionMean: 10,
      completionMedian: 10,
      completionP90: 10,
      finishedShare: 1,
      firstFinish: 10,
      allFinished: 10,
    });
    // Requests: the seeder's `started`, the leecher's `started` and `completed` (at 10.05 s); the
    // next regular announces are 1800 s away. Three in one minute.
    expect(m.requests).toBe(3);
    expect(m.requestsPerMinute).toBe(3);
    expect(m.peakRequestsPerMinute).toBe(3);
    // Answers: the seeder's lists nobody, the leecher's two list one peer each.
    expect(answerBytes(0)).toBe(92);
    expect(m.trackerBytes).toBe(answerBytes(0) + 2 * answerBytes(1));
    // Returned: 0 + 1 (the seeder) + 1 (the seeder again, after completing; both seed, so no
    // connection, but it was not gone either).
    expect(m).toMatchObject({ returnedPeers: 2, unreachablePeers: 0, staleShare: 0 });
    // Seeding capacity: the seeder 60 s × 1 MiB/s, the leecher 50 s × 512 KiB/s; only the
    // seeder uploaded while seeding (10 MiB).
    expect(m.seedingUploaded).toBe(10 * MiB);
    expect(m.seederUtilisation).toBeCloseTo((10 * MiB) / (60 * MiB + 50 * 512 * KiB), 12);
    // Overlay, sampled every 5 s while someone leeches: only at 5 s, one component of two with a seeder.
    expect(m).toMatchObject({
      samples: 1,
      components: 1,
      largestComponentShare: 1,
      cutOffLeecherShare: 0,
      neverConnected: 0,
      neverConnectedShare: 0,
      accountingError: null,
    });
  });

  it('a crashed peer stays listed: one of the three peers returned was already gone', async () => {
    const m = await metricsOf(
      {
        name: 'crash',
        duration: 60,
        torrents: [{ id: 'f', size: '1GiB', pieceSize: '1MiB' }],
        groups: [
          { name: 'seeder', have: 'all', uploadCapacity: '1MiB/s' },
          { name: 'crasher' },
          { name: 'late', arrival: { type: 'fixed', at: 30 } },
        ],
        timeline: [{ at: 20, type: 'crashClient', client: 'crasher' }],
      },
      10_000,
    );
    // Returned: the seeder's `started` 0; the crasher's [seeder] 1; at 30 s the late one's
    // [seeder, crasher] 2 — the crasher sent no `stopped`, so it is a ghost, and unreachable.
    expect(m).toMatchObject({ returnedPeers: 3, unreachablePeers: 1 });
    expect(m.staleShare).toBeCloseTo(1 / 3, 15);
    // Nobody finishes 1 GiB in a minute; the crasher gave up, so only the late one is a leecher.
    expect(m).toMatchObject({
      leechers: 1,
      departed: 1,
      finished: 0,
      completionMean: null,
      completionMedian: null,
      finishedShare: 0,
      allFinished: null,
      requests: 3,
      requestsPerMinute: 3,
    });
    // Samples while someone leeches, at 10 s steps: 10 s {seeder–crasher}; 20 s nobody leeches
    // (the crash at 20 s is applied); 30 s the late one has arrived but connects only at 30.1 s:
    // two components, it is cut off; 40, 50, 60 s {seeder–late}.
    expect(m.samples).toBe(5);
    expect(m.components).toBeCloseTo((1 + 2 + 1 + 1 + 1) / 5, 15);
    expect(m.largestComponentShare).toBeCloseTo((1 + 0.5 + 1 + 1 + 1) / 5, 15);
    expect(m.cutOffLeecherShare).toBeCloseTo(1 / 5, 15);
    expect(m.neverConnected).toBe(0);
  });

  it('a private tracker that has not heard from the seeder yet: the accounting error is one half', async () => {
    const m = await metricsOf(
      {
        ...oneSeederOneLeecher,
        tracker: {
          settings: { private: true },
          users: [
            { name: 'alice', passkey: 'alicekey' },
            { name: 'bob', passkey: 'bobkey' },
          ],
        },
        groups: [
          { ...oneSeederOneLeecher.groups![0]!, user: 'alice' },
          { ...oneSeederOneLeecher.groups![1]!, user: 'bob' },
        ],
      },
      5_000,
    );
    // Truth: alice uploaded 10 MiB, bob downloaded 10 MiB. Credited: bob's `completed` reports
    // downloaded 10 MiB; alice's next announce is 1800 s away, so her upload is not credited yet.
    // (|0 − 10| + |10 − 10|) / (10 + 10) = 1/2.
    expect(m.completionTimes).toEqual([10]);
    expect(m.accountingError).toBe(0.5);
  });

  it('censored quantiles: unfinished leechers count as later than anything seen', () => {
    expect(censoredQuantile([10, 20, 30], 3, 0.5)).toBe(20);
    expect(censoredQuantile([10, 20, 30], 4, 0.5)).toBe(25); // position 1.5 of 4: between 20 and 30
    expect(censoredQuantile([10, 20, 30], 4, 0.9)).toBeNull(); // position 2.7 needs the 4th
    expect(censoredQuantile([10, 20], 5, 0.5)).toBeNull();
    expect(censoredQuantile([], 0, 0.5)).toBeNull();
  });
});
