import { describe, expect, it } from 'vitest';
import { run, trackerEventsFor } from '../engine/helpers';

// Seed 002's first request line, byte for byte.
const SEED_FIRST_GET =
  '/3bfa64edd509add1c7516d7a62700366/announce?info_hash=%D9%A5%7B%B4%0E%1EZ%F9qS%0D8%B0%BF%26%9Ft%0F%92%F3' +
  '&peer_id=-TR1320-ph6nbw6phum2&port=51413&uploaded=0&downloaded=0&corrupt=0&left=76781572&compact=1' +
  '&numwant=80&key=36vk3vk5rt&event=started';

describe('anatomy-of-a-session (seed 002 replayed)', () => {
  it('puts the seed’s exact first GET on the wire, and the tracker receives exactly that', async () => {
    const r = await run('anatomy-of-a-session');
    const you = r.id('you');
    const sent = r.of('announceSent').filter((e) => e.clientId === you);
    expect(sent[0]!.target).toBe(SEED_FIRST_GET);
    const delivered = r.of('announceDelivered').find((e) => e.announceId === sent[0]!.announceId)!;
    const received = r.of('requestReceived').find((e) => e.requestId === delivered.requestId)!;
    expect(received.target).toBe(SEED_FIRST_GET);
    expect(received.remoteIp).toBe(r.engine.simulation.client('you')!.ip);
  });

  it('announces started, periodically every 15 min, completed when the download finishes, stopped when it quits', async () => {
    const r = await run('anatomy-of-a-session');
    const you = r.id('you');
    const sent = r.of('announceSent').filter((e) => e.clientId === you);
    const events = sent.map((e) => e.event);
    const completedAt = r
      .of('clientStateChanged')
      .find((e) => e.clientId === you && e.state === 'seeding')!.t;
    const quitAt = r.of('clientStateChanged').find((e) => e.clientId === you && e.state === 'stopped')!.t;

    // started, then only regular announces until the download completes …
    const firstCompleted = events.indexOf('completed');
    expect(events[0]).toBe('started');
    expect(events.slice(1, firstCompleted).every((e) => e === 'none')).toBe(true);
    // … each one interval (900 s) after the previous answer (100 ms round trip)
    for (let i = 1; i < firstCompleted; i++) expect(sent[i]!.t - sent[i - 1]!.t).toBe(900_100);
    // BEP 3: `completed` goes out the moment the download finishes (seed 002 says "when closing": wrong)
    expect(sent[firstCompleted]!.t).toBe(completedAt);
    expect(events.filter((e) => e === 'completed')).toHaveLength(1);
    // `stopped` when the client quits, 30 min of seeding later, and nothing after it
    expect(events[events.length - 1]).toBe('stopped');
    expect(sent[sent.length - 1]!.t).toBe(quitAt);
    expect(quitAt - completedAt).toBe(30 * 60_000);
  });

  it('the tracker lists it as leeching, then seeding, then not at all; credit equals what was reported', async () => {
    const r = await run('anatomy-of-a-session');
    const you = r.id('you');
    expect(trackerEventsFor(r, you, 'peerAdded').map((e) => e.seeder)).toEqual([false]);
    expect(trackerEventsFor(r, you, 'peerChanged').map((e) => e.change)).toEqual(['seeding']);
    expect(trackerEventsFor(r, you, 'peerRemoved').map((e) => e.reason)).toEqual(['stopped']);
    const reported = trackerEventsFor(r, you, 'announceReceived');
    const last = reported[reported.length - 1]!;
    expect(last.downloaded).toBe(76_781_572);
    const credited = trackerEventsFor(r, you, 'creditApplied').reduce((sum, e) => sum + e.downloaded, 0);
    expect(credited).toBe(76_781_572);
    expect(r.of('snatchCounted')).toHaveLength(1);
  });
});
