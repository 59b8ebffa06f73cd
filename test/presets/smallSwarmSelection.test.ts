import { describe, expect, it } from 'vitest';
import { peerEntriesOf } from '../../shared/tracker/entries';
import { run } from '../engine/helpers';

describe('small-swarm-selection (pitfall 10)', () => {
  it('at most two peers per response, chosen by the speed setting of the moment', async () => {
    const r = await run('small-swarm-selection');
    const answers = r.of('announceAnswered');
    expect(answers.every((a) => a.peers.length <= 2 && a.numwant === 2)).toBe(true);
    const phase = (t: number) =>
      t < 30 * 60_000 ? 'fastest' : t < 60 * 60_000 ? 'slowest' : 'no-speed-bias';
    for (const a of answers) for (const reason of a.reasons) expect(reason).toBe(phase(a.t));
    expect(answers.filter((a) => a.peers.length === 2).length).toBeGreaterThan(20);
  });

  it('clients only connect to peers the tracker returned to them', async () => {
    const r = await run('small-swarm-selection');
    const byRequest = new Map(r.of('announceAnswered').map((a) => [a.requestId, a]));
    const entries = peerEntriesOf(r.events);
    const ipOf = new Map(r.of('clientCreated').map((c) => [c.clientId, c.ip]));
    for (const opened of r.of('connectionsOpened')) {
      const delivered = r.of('announceDelivered').find((d) => d.announceId === opened.announceId)!;
      const returned = new Set(entries.returned(byRequest.get(delivered.requestId)!).map((p) => p.ip));
      for (const peer of [...opened.peers, ...opened.unreachable])
        expect(returned.has(ipOf.get(peer)!)).toBe(true);
    }
  });
});
