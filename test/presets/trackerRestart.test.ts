import { describe, expect, it } from 'vitest';
import { run, trackerEventsFor } from '../engine/helpers';

const RESTART = 40 * 60_000;

describe('tracker-restart (pitfall 9)', () => {
  it('a request in flight is aborted and retried with back-off', async () => {
    const r = await run('tracker-restart');
    const id = r.id('peer-1');
    const forced = r.of('announceSent').find((e) => e.clientId === id && e.t === RESTART - 10)!;
    expect(r.of('announceFailed').find((e) => e.announceId === forced.announceId)).toMatchObject({
      t: RESTART,
      reason: 'aborted',
      retryAt: RESTART + 20_000, // Transmission's first retry
    });
    expect(r.of('announceSent').find((e) => e.clientId === id && e.t > RESTART)!.t).toBe(RESTART + 20_000);
  });

  it('the tracker forgets every peer; each one’s next announce is a new baseline, losing up to one interval of credit', async () => {
    const r = await run('tracker-restart');
    const dropped = r.of('peerRemoved').filter((e) => e.reason === 'restart');
    expect(dropped.every((e) => e.t === RESTART)).toBe(true);
    expect(dropped).toHaveLength(4);
    for (const name of ['peer-1', 'peer-2', 'peer-3']) {
      const id = r.id(name);
      const reports = trackerEventsFor(r, id, 'announceReceived');
      const credits = trackerEventsFor(r, id, 'creditApplied');
      const lastBefore = reports.filter((e) => e.t < RESTART).at(-1)!;
      const firstAfter = reports.find((e) => e.t > RESTART)!;
      const rebased = credits.find((e) => e.requestId === firstAfter.requestId)!;
      expect(rebased).toMatchObject({ rule: 'baseline', uploaded: 0, downloaded: 0 });
      const lost = firstAfter.downloaded - lastBefore.downloaded;
      const lastReport = reports.at(-1)!;
      const credited = credits.reduce((s, e) => s + e.downloaded, 0);
      expect(credited).toBe(lastReport.downloaded - lost);
    }
  });
});
