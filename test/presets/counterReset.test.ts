import { describe, expect, it } from 'vitest';
import { run, trackerEventsFor } from '../engine/helpers';

describe('counter-reset (pitfall 5)', () => {
  it('a restarted client reports from 0 with the same peer_id: naive deltas credit the negative, re-baselining credits nothing', async () => {
    const r = await run('counter-reset');
    const id = r.id('restarter');
    // µTorrent keeps its peer_id across restarts, so the tracker sees the same peer.
    expect(r.of('clientIdentityChanged').filter((e) => e.clientId === id)).toEqual([]);
    const reports = trackerEventsFor(r, id, 'announceReceived');
    const credits = trackerEventsFor(r, id, 'creditApplied');
    const starts = reports.filter((e) => e.event === 'started');
    expect(starts.map((e) => e.downloaded)).toEqual([0, 0, 0]);
    const [, firstRestart, secondRestart] = starts;
    const before = (t: number) => reports.filter((e) => e.t < t).at(-1)!;

    const naive = credits.find((e) => e.requestId === firstRestart!.requestId)!;
    expect(naive.rule).toBe('signed');
    expect(naive.downloaded).toBe(0 - before(firstRestart!.t).downloaded);
    expect(naive.uploaded).toBe(0 - before(firstRestart!.t).uploaded);
    expect(naive.totalDownloaded).toBe(0); // everything credited before is wiped out

    const careful = credits.find((e) => e.requestId === secondRestart!.requestId)!;
    expect(careful).toMatchObject({ rule: 'baseline', uploaded: 0, downloaded: 0 });
    expect(careful.totalDownloaded).toBe(
      credits.find((e) => e.requestId === before(secondRestart!.t).requestId)!.totalDownloaded,
    );
  });
});
