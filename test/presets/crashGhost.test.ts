import { describe, expect, it } from 'vitest';
import { peerEntriesOf } from '../../shared/tracker/entries';
import { run, trackerEventsFor } from '../engine/helpers';

const CRASH = 20 * 60_000;
const TIMEOUT = 1800_000;
const SWEEP = 60_000;

describe('crash-ghost (pitfall 3)', () => {
  it('a crashed client is a ghost for exactly the peer timeout after its last announce, to within one sweep', async () => {
    const r = await run('crash-ghost');
    const crasher = r.id('crasher');
    expect(r.of('announceSent').filter((e) => e.clientId === crasher && e.t >= CRASH)).toEqual([]);
    expect(r.of('announceSent').some((e) => e.clientId === crasher && e.event === 'stopped')).toBe(false);
    const lastSeen = trackerEventsFor(r, crasher, 'announceReceived').at(-1)!.t;
    const removed = trackerEventsFor(r, crasher, 'peerRemoved');
    expect(removed).toHaveLength(1);
    expect(removed[0]).toMatchObject({ reason: 'expired', lastSeen });
    expect(removed[0]!.t).toBeGreaterThanOrEqual(lastSeen + TIMEOUT);
    expect(removed[0]!.t).toBeLessThan(lastSeen + TIMEOUT + SWEEP);
    const report = r.engine.report().clients.find((c) => c.name === 'crasher')!;
    expect(report.ghostMs).toBe(removed[0]!.t - CRASH);
  });

  it('while it is a ghost the tracker hands its address out, and those who try cannot reach it', async () => {
    const r = await run('crash-ghost');
    const crasher = r.id('crasher');
    const removedAt = trackerEventsFor(r, crasher, 'peerRemoved')[0]!.t;
    const tried = r.of('connectionsOpened').filter((e) => e.unreachable.includes(crasher));
    expect(tried.length).toBeGreaterThan(0);
    expect(tried.every((e) => e.t > CRASH && e.t < removedAt + 100)).toBe(true);
    // After the ghost is gone it is no longer handed out.
    const crasherIp = r.engine.simulation.client('crasher')!.ip;
    const entries = peerEntriesOf(r.events);
    const later = r.of('announceAnswered').filter((e) => e.t > removedAt);
    expect(later.some((e) => entries.returned(e).some((p) => p.ip === crasherIp))).toBe(false);
  });
});
