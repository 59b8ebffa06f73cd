import { describe, expect, it } from 'vitest';
import { run, trackerEventsFor } from '../engine/helpers';

const MOVE = 15 * 60_000;

describe('ip-change-key (pitfall 8)', () => {
  it('with a key, the moved client is recognised: same tracker entry, new address', async () => {
    const r = await run('ip-change-key');
    const id = r.id('keyed');
    const newIp = r.of('clientIdentityChanged').find((e) => e.clientId === id)!.ip;
    expect(trackerEventsFor(r, id, 'peerAdded')).toHaveLength(1);
    const moved = trackerEventsFor(r, id, 'peerChanged').filter((e) => e.change === 'moved');
    expect(moved).toHaveLength(1);
    expect(moved[0]!.ip).toBe(newIp);
    expect(moved[0]!.t).toBeGreaterThan(MOVE);
    expect(trackerEventsFor(r, id, 'peerRemoved')).toEqual([]);
  });

  it('without a key, it is listed twice until the old entry times out', async () => {
    const r = await run('ip-change-key');
    const id = r.id('keyless');
    const added = trackerEventsFor(r, id, 'peerAdded');
    expect(added).toHaveLength(2);
    const removed = trackerEventsFor(r, id, 'peerRemoved');
    expect(removed.map((e) => e.reason)).toEqual(['expired']);
    const oldIp = added[0]!.ip;
    expect(removed[0]!.ip).toBe(oldIp);
    expect(removed[0]!.t).toBe(Math.ceil((removed[0]!.lastSeen + 1800_000) / 60_000) * 60_000);
    // While both entries are listed, the swarm counts one peer too many.
    const during = r.of('countsChanged').filter((e) => e.t >= added[1]!.t && e.t < removed[0]!.t);
    const listedClients = 3;
    expect(during.some((e) => e.complete + e.incomplete === listedClients + 1)).toBe(true);
    const after = r.of('countsChanged').filter((e) => e.t >= removed[0]!.t);
    expect(after.every((e) => e.complete + e.incomplete <= listedClients)).toBe(true);
  });
});
