// complete / incomplete / downloaded are exact at all times, and the announce response, the scrape
// and stats() always agree. Counts are hand-computed from the sequence of events (BEP 3, BEP 48).
import { describe, expect, it } from 'vitest';
import { announceCounts, id20, scrapeCounts, testTracker, text, type TestTracker } from './helpers';

const MINUTE = 60_000;
const [A, B, C, D] = ['A', 'B', 'C', 'D'].map(id20) as [Uint8Array, Uint8Array, Uint8Array, Uint8Array];

interface Step {
  what: string;
  act(t: TestTracker): Record<string, unknown> | null;
  counts: { complete: number; incomplete: number; downloaded: number };
}

// peerTimeout is 2700 s = 45 min (the default).
const steps: Step[] = [
  {
    what: 'A starts leeching',
    act: (t) => t.announce({ peerId: A, event: 'started', left: 1000 }, { ip: '10.0.0.1', now: 0 }),
    counts: { complete: 0, incomplete: 1, downloaded: 0 },
  },
  {
    what: 'B starts as a seeder',
    act: (t) => t.announce({ peerId: B, event: 'started', left: 0 }, { ip: '10.0.0.2', now: MINUTE }),
    counts: { complete: 1, incomplete: 1, downloaded: 0 },
  },
  {
    what: 'C starts leeching',
    act: (t) => t.announce({ peerId: C, event: 'started', left: 500 }, { ip: '10.0.0.3', now: 2 * MINUTE }),
    counts: { complete: 1, incomplete: 2, downloaded: 0 },
  },
  {
    what: 'A re-announces with less left',
    act: (t) => t.announce({ peerId: A, left: 400 }, { ip: '10.0.0.1', now: 30 * MINUTE }),
    counts: { complete: 1, incomplete: 2, downloaded: 0 },
  },
  {
    what: 'A completes',
    act: (t) => t.announce({ peerId: A, event: 'completed', left: 0 }, { ip: '10.0.0.1', now: 35 * MINUTE }),
    counts: { complete: 2, incomplete: 1, downloaded: 1 },
  },
  {
    what: 'C stops',
    act: (t) => t.announce({ peerId: C, event: 'stopped', left: 500 }, { ip: '10.0.0.3', now: 36 * MINUTE }),
    counts: { complete: 2, incomplete: 0, downloaded: 1 },
  },
  {
    what: 'D starts leeching',
    act: (t) => t.announce({ peerId: D, event: 'started', left: 100 }, { ip: '10.0.0.4', now: 40 * MINUTE }),
    counts: { complete: 2, incomplete: 1, downloaded: 1 },
  },
  {
    what: 'B reports left > 0 again (its data failed a re-check)',
    act: (t) => t.announce({ peerId: B, left: 300 }, { ip: '10.0.0.2', now: 50 * MINUTE }),
    counts: { complete: 1, incomplete: 2, downloaded: 1 },
  },
  {
    what: 'a stopped from a peer the tracker does not know changes nothing',
    act: (t) => t.announce({ peerId: C, event: 'stopped' }, { ip: '10.0.0.3', now: 51 * MINUTE }),
    counts: { complete: 1, incomplete: 2, downloaded: 1 },
  },
  {
    what: 'A stops',
    act: (t) => t.announce({ peerId: A, event: 'stopped', left: 0 }, { ip: '10.0.0.1', now: 60 * MINUTE }),
    counts: { complete: 0, incomplete: 2, downloaded: 1 },
  },
  {
    what: 'D expires (last seen at 40 min; the sweep at 85 min has cutoff 40 min)',
    act: (t) => (t.tracker.sweep(85 * MINUTE), null),
    counts: { complete: 0, incomplete: 1, downloaded: 1 },
  },
  {
    what: 'B expires at 95 min',
    act: (t) => (t.tracker.sweep(95 * MINUTE), null),
    counts: { complete: 0, incomplete: 0, downloaded: 1 },
  },
];

describe('counts at every step', () => {
  it('agree between the response, the scrape and stats() after every step', () => {
    const t = testTracker();
    for (const step of steps) {
      const response = step.act(t);
      const where = `after "${step.what}"`;
      if (response) expect(announceCounts(response), where).toEqual(step.counts);
      const scraped = scrapeCounts(t);
      expect({ ...scraped, downloaders: undefined }, where).toEqual({
        ...step.counts,
        downloaders: undefined,
      });
      expect(scraped.downloaders, where).toBe(step.counts.incomplete); // nobody paused
      const torrent = t.tracker.stats().torrents[0]!;
      expect({ c: torrent.complete, i: torrent.incomplete, d: torrent.downloaded }, where).toEqual({
        c: step.counts.complete,
        i: step.counts.incomplete,
        d: step.counts.downloaded,
      });
      expect(torrent.peers!.length, where).toBe(step.counts.complete + step.counts.incomplete);
    }
  });

  it('reports each change once as countsChanged, with the new counts', () => {
    const t = testTracker();
    for (const step of steps) step.act(t);
    expect(t.eventsOf('countsChanged').map((e) => [e.complete, e.incomplete, e.downloaded])).toEqual([
      [0, 1, 0],
      [1, 1, 0],
      [1, 2, 0],
      [2, 1, 1],
      [2, 0, 1],
      [2, 1, 1],
      [1, 2, 1],
      [0, 2, 1],
      [0, 1, 1],
      [0, 0, 1],
    ]);
  });
});

describe('event=paused (BEP 21)', () => {
  function swarm(pausedHandling: 'bep21' | 'update' | 'reject') {
    const t = testTracker({ pausedHandling });
    t.announce({ peerId: A, event: 'started', left: 1000 }, { ip: '10.0.0.1', now: 0 });
    t.announce({ peerId: B, event: 'started', left: 1000 }, { ip: '10.0.0.2', now: 0 });
    t.announce({ peerId: C, event: 'started', left: 0 }, { ip: '10.0.0.3', now: 0 });
    return t;
  }

  it('bep21 keeps a paused leecher listed, but not among the downloaders', () => {
    const t = swarm('bep21');
    const response = t.announce({ peerId: A, event: 'paused', left: 600 }, { ip: '10.0.0.1', now: MINUTE });
    expect(announceCounts(response)).toEqual({ complete: 1, incomplete: 2, downloaded: 0 });
    expect(scrapeCounts(t)).toEqual({ complete: 1, incomplete: 2, downloaded: 0, downloaders: 1 });
    expect(t.tracker.stats().torrents[0]).toMatchObject({ incomplete: 2, downloaders: 1 });
    expect(t.eventsOf('peerChanged')).toMatchObject([{ change: 'paused', paused: true, seeder: false }]);
    // Only downloaders changed, and that is a change of counts too.
    expect(t.eventsOf('countsChanged').at(-1)).toMatchObject({
      t: MINUTE,
      complete: 1,
      incomplete: 2,
      downloaded: 0,
      downloaders: 1,
    });
    expect(t.tracker.stats().torrents[0]!.peers!.map((p) => p.paused)).toEqual([true, false, false]);

    // A partial seed that completes is a seeder, and no longer paused among the leechers.
    t.announce({ peerId: A, left: 0 }, { ip: '10.0.0.1', now: 2 * MINUTE });
    expect(scrapeCounts(t)).toEqual({ complete: 2, incomplete: 1, downloaded: 0, downloaders: 1 });
    expect(t.eventsOf('peerChanged').map((e) => e.change)).toEqual(['paused', 'seeding', 'resumed']);
  });

  it('bep21 counts a resumed leecher as a downloader again', () => {
    const t = swarm('bep21');
    t.announce({ peerId: A, event: 'paused' }, { ip: '10.0.0.1', now: MINUTE });
    t.announce({ peerId: D, event: 'paused' }, { ip: '10.0.0.4', now: MINUTE }); // first heard paused
    expect(scrapeCounts(t)).toEqual({ complete: 1, incomplete: 3, downloaded: 0, downloaders: 1 });
    t.announce({ peerId: A }, { ip: '10.0.0.1', now: 2 * MINUTE });
    expect(scrapeCounts(t)).toEqual({ complete: 1, incomplete: 3, downloaded: 0, downloaders: 2 });
    t.announce({ peerId: D, event: 'stopped' }, { ip: '10.0.0.4', now: 3 * MINUTE });
    expect(scrapeCounts(t)).toEqual({ complete: 1, incomplete: 2, downloaded: 0, downloaders: 2 });
    expect(t.eventsOf('countsChanged').at(-1)).toMatchObject({ incomplete: 2, downloaders: 2 });
  });

  it("'update' treats paused as a regular announce", () => {
    const t = swarm('update');
    const response = t.announce({ peerId: A, event: 'paused', left: 600 }, { ip: '10.0.0.1', now: MINUTE });
    expect(announceCounts(response)).toEqual({ complete: 1, incomplete: 2, downloaded: 0 });
    expect(scrapeCounts(t)).toEqual({ complete: 1, incomplete: 2, downloaded: 0, downloaders: 2 });
    expect(t.eventsOf('peerChanged')).toEqual([]);
    expect(t.tracker.stats().torrents[0]!.peers![0]).toMatchObject({
      paused: false,
      left: 600,
      announces: 2,
      lastSeen: MINUTE,
    });
  });

  it("'reject' answers a failure reason and changes nothing", () => {
    const t = swarm('reject');
    const before = t.tracker.stats();
    const response = t.announce({ peerId: A, event: 'paused' }, { ip: '10.0.0.1', now: MINUTE });
    expect(text(response['failure reason'])).toBe('event=paused (BEP 21) is not supported by this tracker');
    expect(t.eventsOf('requestFailed')).toMatchObject([{ status: 200, field: 'event' }]);
    expect(t.tracker.stats()).toEqual(before);
  });
});
