// What the sequence chart draws, read from the log: every announce as an exchange with its outcome,
// paused/offline spans, crash marks, lifespans, and the tracker's expiries, restarts and downtime.
import { describe, expect, it } from 'vitest';
import type { ClientState } from '../../shared/sim/events';
import { SwarmModel } from '../../shared/views/model';
import { sequenceHistory } from '../../shared/views/sequenceHistory';
import { run } from '../engine/helpers';
import { GraphLog } from '../renderer/graph/graphLog';

function change(log: GraphLog, id: number, state: ClientState, previous: ClientState, t: number): void {
  log.push({ type: 'clientStateChanged', t, clientId: id, state, previous, cause: state });
}

/** seeder and alice; every kind of exchange, span and mark once. */
function eventful(): GraphLog {
  const log = new GraphLog().client(0, 'seeder').client(1, 'alice');
  log.announce(0, 1000); // announce 1, request 1: answered
  log.announce(1, 2000, { failureReason: 'unregistered torrent' }); // announce 2, request 2: rejected
  log.lost(1, 5000, 35_000, 'timeout'); // announce 3: never arrived
  change(log, 1, 'paused', 'leeching', 40_000);
  change(log, 1, 'leeching', 'paused', 100_000);
  change(log, 1, 'offline', 'leeching', 110_000);
  change(log, 1, 'crashed', 'offline', 200_000);
  log.removed(1, 300_000, 'expired');
  // announce 4, request 3: arrives, then the tracker restarts before answering
  log.push({
    type: 'announceSent',
    t: 399_950,
    clientId: 0,
    announceId: 4,
    event: 'none',
    target: '/announce?uploaded=5&left=7',
    ip: '127.0.0.1',
    attempt: 2,
    forced: true,
  });
  log.push({
    type: 'requestReceived',
    t: 399_990,
    requestId: 3,
    transport: 'http',
    remoteIp: '127.0.0.1',
    remotePort: 40000,
    method: 'GET',
    target: '/announce?uploaded=5&left=7',
  });
  log.push({ type: 'announceDelivered', t: 399_990, clientId: 0, announceId: 4, requestId: 3 });
  log.push({ type: 'trackerRestarted', t: 400_000, keptState: false, peersDropped: 1 });
  log.push({
    type: 'announceFailed',
    t: 400_000,
    clientId: 0,
    announceId: 4,
    reason: 'aborted',
    retryAt: 405_000,
  });
  log.push({ type: 'trackerAvailabilityChanged', t: 500_000, up: false });
  log.push({ type: 'trackerAvailabilityChanged', t: 600_000, up: true });
  log.push({ type: 'trackerAvailabilityChanged', t: 700_000, up: false });
  // announce 5: still on its way
  log.push({
    type: 'announceSent',
    t: 800_000,
    clientId: 0,
    announceId: 5,
    event: 'stopped',
    target: '/announce?event=stopped',
    ip: '127.0.0.1',
    attempt: 1,
    forced: false,
  });
  change(log, 1, 'leeching', 'crashed', 900_000); // restarted
  return log;
}

function modelUntil(log: GraphLog, t: number): SwarmModel {
  const all = log.model().events;
  const model = new SwarmModel();
  model.apply(all.filter((e) => e.t <= t));
  return model;
}

const noDetail = {
  target: '/announce',
  attempt: 1,
  forced: false,
  interval: 1800,
  peersReceived: 0,
  warning: null,
  retryAt: null,
};

describe('sequenceHistory', () => {
  it('turns every announce into an exchange with its times and outcome', () => {
    const h = sequenceHistory(eventful().model());
    expect(h.clients.get(0)!.exchanges).toEqual([
      {
        announceId: 1,
        clientId: 0,
        requestId: 1,
        event: 'none',
        sentAt: 1000,
        deliveredAt: 1050,
        endedAt: 1100,
        outcome: 'answered',
        failure: null,
        detail: noDetail,
      },
      {
        announceId: 4,
        clientId: 0,
        requestId: 3,
        event: 'none',
        sentAt: 399_950,
        deliveredAt: 399_990,
        endedAt: 400_000,
        outcome: 'aborted',
        failure: 'aborted',
        detail: {
          target: '/announce?uploaded=5&left=7',
          attempt: 2,
          forced: true,
          interval: null,
          peersReceived: null,
          warning: null,
          retryAt: 405_000,
        },
      },
      {
        announceId: 5,
        clientId: 0,
        requestId: null,
        event: 'stopped',
        sentAt: 800_000,
        deliveredAt: null,
        endedAt: null,
        outcome: 'pending',
        failure: null,
        detail: { ...noDetail, target: '/announce?event=stopped', interval: null, peersReceived: null },
      },
    ]);
    const alice = h.clients.get(1)!.exchanges;
    expect(
      alice.map((x) => [x.announceId, x.requestId, x.sentAt, x.deliveredAt, x.endedAt, x.outcome, x.failure]),
    ).toEqual([
      [2, 2, 2000, 2050, 2100, 'rejected', 'unregistered torrent'],
      [3, null, 5000, null, 35_000, 'timeout', 'timeout'],
    ]);
    expect([...h.byRequest.keys()]).toEqual([1, 2, 3]);
    expect(h.byRequest.get(2)).toBe(alice[0]);
  });

  it('paused and offline spans, a crash mark, and lifespans that end at the crash and resume at the restart', () => {
    const h = sequenceHistory(eventful().model());
    const alice = h.clients.get(1)!;
    expect(alice.spans).toEqual([
      { kind: 'paused', from: 40_000, to: 100_000 },
      { kind: 'offline', from: 110_000, to: 200_000 },
    ]);
    expect(alice.marks).toEqual([{ kind: 'crash', t: 200_000, clientId: 1 }]);
    expect(alice.lifespans).toEqual([
      { from: 0, to: 200_000 },
      { from: 900_000, to: null },
    ]);
    expect(h.clients.get(0)!.lifespans).toEqual([{ from: 0, to: null }]);
    expect(h.clients.get(0)!.spans).toEqual([]);
  });

  it('the tracker’s lifeline: the expiry of alice’s entry, the restart, and when it was down', () => {
    const h = sequenceHistory(eventful().model());
    expect(h.trackerMarks).toEqual([
      { kind: 'expiry', t: 300_000, clientId: 1 },
      { kind: 'restart', t: 400_000, clientId: null },
    ]);
    expect(h.trackerSpans).toEqual([
      { kind: 'down', from: 500_000, to: 600_000 },
      { kind: 'down', from: 700_000, to: null },
    ]);
  });

  it('collects every moment something is drawn at, for the axis', () => {
    const h = sequenceHistory(eventful().model());
    expect([...new Set(h.moments)].sort((a, b) => a - b)).toEqual([
      0, 1000, 1050, 1100, 2000, 2050, 2100, 5000, 35_000, 40_000, 100_000, 110_000, 200_000, 300_000,
      399_950, 399_990, 400_000, 500_000, 600_000, 700_000, 800_000, 900_000,
    ]);
  });

  it('at a cursor in the middle, spans and exchanges still open are open', () => {
    const h = sequenceHistory(modelUntil(eventful(), 50_000));
    expect(h.clients.get(1)!.spans).toEqual([{ kind: 'paused', from: 40_000, to: null }]);
    const cut = sequenceHistory(modelUntil(eventful(), 20_000));
    expect(cut.clients.get(1)!.exchanges.map((x) => [x.announceId, x.outcome, x.endedAt])).toEqual([
      [2, 'rejected', 2100],
      [3, 'pending', null],
    ]);
  });

  it('pause-sends-nothing: 11 answered announces, two paused spans from 20 min to 1h30, the silent client’s entry expires', async () => {
    const r = await run('pause-sends-nothing');
    const model = new SwarmModel();
    model.apply(r.events);
    const h = sequenceHistory(model);
    const exchanges = [...h.clients.values()].flatMap((c) => c.exchanges);
    expect(exchanges).toHaveLength(11);
    expect(exchanges.every((x) => x.outcome === 'answered')).toBe(true);
    const silent = r.id('silent');
    const bep21 = r.id('bep21');
    for (const id of [silent, bep21]) {
      expect(h.clients.get(id)!.spans).toEqual([{ kind: 'paused', from: 1_200_000, to: 5_400_000 }]);
    }
    // BEP 21: the libtorrent client says it pauses; µTorrent goes silent.
    expect(h.clients.get(bep21)!.exchanges.map((x) => x.event)).toContain('paused');
    expect(h.clients.get(silent)!.exchanges.map((x) => x.event)).not.toContain('paused');
    expect(h.trackerMarks).toEqual([{ kind: 'expiry', t: 2_820_000, clientId: silent }]);
  });
});
