import { describe, expect, it } from 'vitest';
import { run } from '../engine/helpers';

const SPAM = [10, 11, 12, 13, 14, 15].map((m) => m * 60_000);

describe('min-interval-spam (pitfall 7)', () => {
  it('µTorrent sends every forced announce; the tracker ignores the early ones with a warning', async () => {
    const r = await run('min-interval-spam');
    const id = r.id('spammer');
    const forced = r.of('announceSent').filter((e) => e.clientId === id && e.forced);
    expect(forced.map((e) => e.t)).toEqual(SPAM);
    const answers = forced.map((f) => {
      const delivered = r.of('announceDelivered').find((d) => d.announceId === f.announceId)!;
      return r.of('announceAnswered').find((a) => a.requestId === delivered.requestId)!;
    });
    // Last counted announce at 60 s, then 10 min (540 s later, counted), 11–14 min (early), 15 min (300 s: counted).
    expect(answers.map((a) => a.statsUpdated)).toEqual([true, false, false, false, false, true]);
    for (const a of answers.filter((x) => !x.statsUpdated))
      expect(a.warning).toMatch(/^announce ignored: \d+ s since the last one, min interval is 300 s$/);
  });

  it('Transmission waits until min interval allows its forced announce', async () => {
    const r = await run('min-interval-spam');
    const id = r.id('patient');
    const sent = r
      .of('announceSent')
      .filter((e) => e.clientId === id && e.t >= SPAM[0]! && e.t <= 20 * 60_000);
    // At 10 min it may (its last announce was at 60.1 s); the next is held until 10 min + 300.1 s.
    expect(sent.map((e) => [e.t, e.forced])).toEqual([
      [SPAM[0]!, true],
      [SPAM[0]! + 100 + 300_000, true],
    ]);
  });
});
