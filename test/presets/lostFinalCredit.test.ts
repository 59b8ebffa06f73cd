import { describe, expect, it } from 'vitest';
import { run, trackerEventsFor } from '../engine/helpers';

const DOWN = 50 * 60_000;
const QUIT = 55 * 60_000;

describe('lost-final-credit (pitfall 4)', () => {
  it('a stopped announce refused by a down tracker is not retried, and everything since the last announce is lost', async () => {
    const r = await run('lost-final-credit');
    const quitter = r.id('quitter');
    const stopped = r.of('announceSent').find((e) => e.clientId === quitter && e.event === 'stopped')!;
    expect(stopped.t).toBe(QUIT);
    expect(r.of('announceFailed').find((e) => e.announceId === stopped.announceId)).toMatchObject({
      reason: 'refused',
      retryAt: null,
    });
    expect(r.of('announceSent').filter((e) => e.clientId === quitter && e.t > QUIT)).toEqual([]);
  });

  it.each(['quitter', 'crasher'])(
    '%s: credited = reported at the last successful announce; lost = truth − that',
    async (name) => {
      const r = await run('lost-final-credit');
      const id = r.id(name);
      const lastReport = trackerEventsFor(r, id, 'announceReceived')
        .filter((e) => e.t < DOWN)
        .at(-1)!;
      const credited = trackerEventsFor(r, id, 'creditApplied');
      const creditedDown = credited.reduce((s, e) => s + e.downloaded, 0);
      const creditedUp = credited.reduce((s, e) => s + e.uploaded, 0);
      expect(creditedDown).toBe(lastReport.downloaded);
      expect(creditedUp).toBe(lastReport.uploaded);
      const truth = r.engine.report().clients.find((c) => c.name === name)!;
      expect(truth.creditedDownloaded).toBe(lastReport.downloaded);
      expect(truth.trueDownloaded - truth.creditedDownloaded).toBeGreaterThan(0);
      // The lost bytes are exactly those moved after the last successful announce.
      const client = r.engine.simulation.client(name)!;
      expect(truth.trueDownloaded - truth.creditedDownloaded).toBe(
        client.sessionDownloaded - lastReport.downloaded,
      );
    },
  );

  it('both stay listed as ghosts until the peer timeout', async () => {
    const r = await run('lost-final-credit');
    for (const name of ['quitter', 'crasher']) {
      const removed = trackerEventsFor(r, r.id(name), 'peerRemoved');
      expect(removed.map((e) => e.reason)).toEqual(['expired']);
    }
  });
});
