// Real clients in the view model: any announce no simulated client owns is a real client's, shown
// beside the simulated ones, named by its peer_id, with its reported state as its truth.
import { describe, expect, it } from 'vitest';
import type { LoggedEvent, SimEvent } from '../../shared/events';
import { SwarmModel } from '../../shared/views/model';
import { scenarioPresets } from '../../electron/sim/presets';
import { peerTooltip } from '../../renderer/src/views/graph/explain';
import { run } from '../engine/helpers';

const HASH = 'aa'.repeat(20);
const TR = Buffer.from('-TR3000-abcdefghijkl', 'latin1').toString('hex');

function log(events: SimEvent[]): LoggedEvent[] {
  return events.map((e, seq) => ({ ...e, seq }) as LoggedEvent);
}

function realAnnounce(
  requestId: number,
  t: number,
  event: 'started' | 'none' | 'stopped',
  left: number,
): SimEvent[] {
  return [
    {
      type: 'requestReceived',
      t,
      requestId,
      transport: 'http',
      remoteIp: '127.0.0.2',
      remotePort: 40000,
      method: 'GET',
      target: '/announce?info_hash=…',
    },
    {
      type: 'announceReceived',
      t,
      requestId,
      infoHash: HASH,
      peerId: TR,
      ip: '127.0.0.2',
      port: 51413,
      event,
      uploaded: 100 * requestId,
      downloaded: 1000 * requestId,
      left,
      corrupt: null,
      numwant: null,
      compact: true,
      noPeerId: false,
      key: null,
      trackerId: null,
      passkey: null,
      user: null,
    },
  ];
}

const peerAdded: SimEvent = {
  type: 'peerAdded',
  t: 1000,
  requestId: 1,
  entry: 7,
  infoHash: HASH,
  peerId: TR,
  ip: '127.0.0.2',
  port: 51413,
  seeder: false,
  user: null,
};

const simClient: SimEvent = {
  type: 'clientCreated',
  t: 2000,
  clientId: 0,
  name: 'seed-1',
  group: 'seed',
  profile: 'transmission-1.32',
  infoHash: HASH,
  ip: '127.10.0.2',
  port: 51413,
  peerId: Buffer.from('-TR1320-zzzzzzzzzzzz', 'latin1').toString('hex'),
  key: null,
  user: null,
  uploadCapacity: 1,
  downloadCapacity: 1,
  maxConnections: 50,
  size: 10,
  left: 0,
};

describe('real clients in the view model', () => {
  it('an unowned announce makes a real client row, labelled from its peer_id, its report as its truth', () => {
    const m = new SwarmModel();
    m.apply(
      log([...realAnnounce(1, 1000, 'started', 5000), peerAdded, ...realAnnounce(2, 61_000, 'none', 0)]),
    );
    expect(m.clients.length).toBe(1);
    expect(m.clients[0]).toMatchObject({
      id: 0,
      name: 'Transmission 3.00 127.0.0.2:51413',
      real: true,
      clientLabel: 'Transmission 3.00',
      profile: 'Transmission 3.00',
      state: 'seeding',
      stateSince: 61_000,
      left: 0,
      trueUploaded: 200,
      trueDownloaded: 2000,
      reportedUploaded: 200,
      reportedDownloaded: 2000,
      lastHeard: 61_000,
      lastHeardEvent: 'none',
      listedAs: 'leecher',
    });
    expect(m.requests.map((r) => r.clientId)).toEqual([0, 0]);
    expect(m.entryOwner.get(7)).toBe(0);
    // Its tooltip in the graph says it is real and whose word its state is.
    expect(peerTooltip(m, 0, [])).toEqual({
      title: 'Transmission 3.00 127.0.0.2:51413',
      lines: [
        'seeding',
        'a real client (Transmission 3.00): its state is what it reported',
        'the tracker lists it as a leecher',
      ],
    });
  });

  it('a simulated client arriving later takes its own id; the real one moves, its references with it', () => {
    const m = new SwarmModel();
    m.apply(log([...realAnnounce(1, 1000, 'started', 5000), peerAdded, simClient]));
    expect(m.clients.map((c) => [c.id, c.name, c.real ?? false])).toEqual([
      [0, 'seed-1', false],
      [1, 'Transmission 3.00 127.0.0.2:51413', true],
    ]);
    expect(m.clientsByName.get('Transmission 3.00 127.0.0.2:51413')).toBe(1);
    expect(m.clientOfPeer(HASH, TR)?.id).toBe(1);
    expect(m.entryOwner.get(7)).toBe(1);
    expect(m.request(1)?.clientId).toBe(1);
    // A clone keeps the marks.
    expect(m.clone().clients[1]).toMatchObject({ real: true, clientLabel: 'Transmission 3.00' });
  });

  it('a real client the tracker times out is shown as gone without `stopped`', () => {
    const m = new SwarmModel();
    const expired: SimEvent = {
      ...peerAdded,
      type: 'peerRemoved',
      t: 3_000_000,
      requestId: null,
      reason: 'expired',
      lastSeen: 1000,
    } as SimEvent;
    m.apply(log([...realAnnounce(1, 1000, 'started', 5000), peerAdded, expired]));
    expect(m.clients[0]).toMatchObject({ state: 'crashed', stateSince: 3_000_000, listedAs: null });
    expect(m.expiries).toEqual([{ clientId: 0, t: 3_000_000 }]);
  });

  it('no preset, run to its end, has a single real client', async () => {
    for (const preset of scenarioPresets) {
      const r = await run(preset.name);
      const m = new SwarmModel();
      m.apply(r.events);
      expect(m.clients.filter((c) => c?.real).length, preset.name).toBe(0);
    }
  }, 120_000);

  it("a real client's announce is a flight: delivered at once, answered when the response leaves, with the peers it got", () => {
    const m = new SwarmModel();
    const simEntry: SimEvent = {
      ...peerAdded,
      t: 2000,
      entry: 3,
      peerId: (simClient as { peerId: string }).peerId,
      ip: '127.10.0.2',
    };
    const answered: SimEvent = {
      type: 'announceAnswered',
      t: 3000,
      requestId: 2,
      infoHash: HASH,
      peerId: TR,
      interval: 1800,
      minInterval: 900,
      complete: 1,
      incomplete: 1,
      downloaded: 0,
      strategy: 'random',
      numwant: 50,
      eligible: 1,
      seedersWithheld: 0,
      peers: [3],
      reasons: ['random'],
      compact: true,
      warning: null,
      statsUpdated: true,
    };
    const sent: SimEvent = {
      type: 'responseSent',
      t: 3000,
      requestId: 2,
      status: 200,
      bytes: 80,
      body: null,
    };
    m.apply(log([simClient, simEntry, ...realAnnounce(2, 3000, 'started', 5000), answered, sent]));
    expect(m.flightOrder).toEqual([
      {
        announceId: -3,
        clientId: 1,
        event: 'started',
        sentAt: 3000,
        deliveredAt: 3000,
        requestId: 2,
        answeredAt: 3000,
        failedAt: null,
        failure: null,
        returned: [0],
      },
    ]);
    expect(m.request(2)).toMatchObject({ clientId: 1, announceId: -3 });
  });
});
