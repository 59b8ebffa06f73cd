import { describe, expect, it } from 'vitest';
import { run, trackerEventsFor } from '../engine/helpers';

describe('completed-vs-stopped (pitfall 6)', () => {
  it('completed is sent when the download finishes (BEP 3), stopped when the client quits (seed 002 says otherwise)', async () => {
    const r = await run('completed-vs-stopped');
    const id = r.id('finisher');
    const done = r.of('clientStateChanged').find((e) => e.clientId === id && e.state === 'seeding')!;
    const quit = r.of('clientStateChanged').find((e) => e.clientId === id && e.state === 'stopped')!;
    const sent = r.of('announceSent').filter((e) => e.clientId === id);
    expect(sent.filter((e) => e.event === 'completed').map((e) => e.t)).toEqual([done.t]);
    expect(sent.filter((e) => e.event === 'stopped').map((e) => e.t)).toEqual([quit.t]);
    expect(quit.t - done.t).toBe(30 * 60_000);
    expect(trackerEventsFor(r, id, 'peerChanged').map((e) => [e.change, e.t])).toEqual([
      ['seeding', done.t + 50],
    ]);
  });

  it('re-sent completed inflates the snatch count per peer, and is refused once counted per user', async () => {
    const r = await run('completed-vs-stopped');
    const web = r.id('webtorrent');
    const completedSent = r.of('announceSent').filter((e) => e.clientId === web && e.event === 'completed');
    expect(completedSent).toHaveLength(4); // first start and three restarts, though it never downloaded a byte
    const counted = trackerEventsFor(r, web, 'announceReceived').filter((e) => e.event === 'completed');
    const snatches = r.of('snatchCounted').filter((e) => e.user === 'carol');
    const refused = r.of('snatchRefused').filter((e) => e.user === 'carol');
    expect(counted).toHaveLength(4);
    expect(snatches.map((e) => e.t < 30 * 60_000)).toEqual([true, true, true]);
    expect(refused.map((e) => e.reason)).toEqual(['already-counted-for-user']);
    const final = r.of('countsChanged').at(-1)!;
    expect(final.downloaded).toBe(4); // 1 real snatch (finisher) + 3 phantom ones
  });
});
