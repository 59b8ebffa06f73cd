import { describe, expect, it } from 'vitest';
import { run, trackerEventsFor } from '../engine/helpers';

const PAUSE = 20 * 60_000;
const RESUME = 90 * 60_000;
const TIMEOUT = 2700_000;
const SWEEP = 60_000;

describe('pause-sends-nothing (pitfall 2)', () => {
  it('a client whose pause sends nothing stays listed until the peer timeout, with frozen stats', async () => {
    const r = await run('pause-sends-nothing');
    const silent = r.id('silent');
    const sent = r.of('announceSent').filter((e) => e.clientId === silent);
    // nothing at all between pause and resume
    expect(sent.filter((e) => e.t > PAUSE && e.t < RESUME)).toEqual([]);
    const received = trackerEventsFor(r, silent, 'announceReceived');
    const lastSeenBeforePause = received.filter((e) => e.t <= PAUSE).at(-1)!.t;
    // listed until the first sweep at or after lastSeen + timeout (sweeps every 60 s)
    const expiry = trackerEventsFor(r, silent, 'peerRemoved')[0]!;
    expect(expiry).toMatchObject({ reason: 'expired', lastSeen: lastSeenBeforePause });
    expect(expiry.t).toBe(Math.ceil((lastSeenBeforePause + TIMEOUT) / SWEEP) * SWEEP);
    // no credit moved while it was paused and listed
    expect(trackerEventsFor(r, silent, 'creditApplied').filter((e) => e.t > PAUSE && e.t < RESUME)).toEqual(
      [],
    );
  });

  it('its resumed announce is a new peer to the tracker: a new baseline, so the bytes before the pause are never credited', async () => {
    const r = await run('pause-sends-nothing');
    const silent = r.id('silent');
    const credits = trackerEventsFor(r, silent, 'creditApplied');
    expect(credits.map((e) => e.rule)).toEqual(['baseline', 'baseline']);
    expect(credits.every((e) => e.uploaded === 0 && e.downloaded === 0)).toBe(true);
    const resumed = credits[1]!;
    expect(resumed.t).toBe(RESUME + 50);
    expect(resumed.reportedDownloaded).toBeGreaterThan(0); // what it moved before pausing, lost
  });

  it('a BEP 21 client announces event=paused and stays listed, counted as incomplete but not downloading', async () => {
    const r = await run('pause-sends-nothing');
    const bep21 = r.id('bep21');
    const paused = r.of('announceSent').filter((e) => e.clientId === bep21 && e.t >= PAUSE && e.t < RESUME);
    expect(paused.length).toBeGreaterThanOrEqual(3);
    expect(paused.every((e) => e.event === 'paused')).toBe(true);
    expect(paused[0]!.t).toBe(PAUSE);
    expect(trackerEventsFor(r, bep21, 'peerRemoved')).toEqual([]);
    expect(trackerEventsFor(r, bep21, 'peerChanged').map((e) => e.change)).toEqual(['paused', 'resumed']);
    const duringPause = r.of('countsChanged').filter((e) => e.t > PAUSE && e.t < RESUME);
    for (const c of duringPause) expect(c.downloaders).toBe(c.incomplete - 1);
  });
});
