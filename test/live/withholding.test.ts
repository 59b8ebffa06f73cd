// The tracker's live-mode rule: a real client is never sent simulated peers unless
// `simulatedPeersToRealClients` is on; simulated clients and real-to-real answers are untouched.
import { describe, expect, it } from 'vitest';
import type { TrackerSettings } from '../../shared/tracker/settings';
import { handleHttp } from '../../electron/tracker/http/router';
import { Tracker } from '../../electron/tracker/tracker';
import { announceTarget, compactPeers, decodeDict, id20, type AnnounceParams } from '../tracker/helpers';

const SIM = ['-TR1320-sim000000001', '-TR1320-sim000000002', '-LT2000-sim000000003'];
const simIds = new Set(SIM.map((s) => Buffer.from(id20(s)).toString('hex')));

function tracker(settings: Partial<TrackerSettings> = {}) {
  const t = new Tracker({
    settings,
    seed: 3,
    simulatedPeers: { isSimulated: (peerId) => simIds.has(Buffer.from(peerId).toString('hex')) },
  });
  return (p: AnnounceParams, ip: string) =>
    decodeDict(
      handleHttp(
        t,
        {
          method: 'GET',
          target: announceTarget({ numwant: 200, compact: 1, ...p }),
          remoteIp: ip,
          remotePort: 40000,
          transport: 'http',
        },
        0,
      ).body,
    );
}

/** Two simulated seeders, a simulated leecher, then a real leecher and a real seeder. */
function swarm(settings: Partial<TrackerSettings> = {}) {
  const announce = tracker(settings);
  announce({ peerId: id20(SIM[0]!), left: 0, port: 1001 }, '127.10.0.2');
  announce({ peerId: id20(SIM[1]!), left: 0, port: 1002 }, '127.10.0.3');
  announce({ peerId: id20(SIM[2]!), left: 10, port: 1003 }, '127.10.0.4');
  announce({ peerId: id20('-TR3000-realleecher1'), left: 10, port: 2001 }, '127.0.0.2');
  announce({ peerId: id20('-qB4520-realseeder01'), left: 0, port: 2002 }, '127.0.0.3');
  return announce;
}

describe('simulated peers and real clients', () => {
  it('a real client gets only the real peers', () => {
    const announce = swarm();
    const answer = announce({ peerId: id20('-TR3000-realleecher1'), left: 10, port: 2001 }, '127.0.0.2');
    expect(compactPeers(answer.peers)).toEqual(['127.0.0.3:2002']);
    // The counts are the swarm's, all of it.
    expect([answer.complete, answer.incomplete]).toEqual([3, 2]);
  });

  it('a simulated client gets everyone, real clients included', () => {
    const announce = swarm();
    const answer = announce({ peerId: id20(SIM[2]!), left: 10, port: 1003 }, '127.10.0.4');
    expect(compactPeers(answer.peers).sort()).toEqual([
      '127.0.0.2:2001',
      '127.0.0.3:2002',
      '127.10.0.2:1001',
      '127.10.0.3:1002',
    ]);
  });

  it('with seeders-to-seeders off, a real seeder gets only the real leechers', () => {
    const announce = swarm({ seedersToSeeders: false });
    const answer = announce({ peerId: id20('-qB4520-realseeder01'), left: 0, port: 2002 }, '127.0.0.3');
    expect(compactPeers(answer.peers)).toEqual(['127.0.0.2:2001']);
  });

  it('with simulatedPeersToRealClients on, a real client gets the simulated peers too', () => {
    const announce = swarm({ simulatedPeersToRealClients: true });
    const answer = announce({ peerId: id20('-TR3000-realleecher1'), left: 10, port: 2001 }, '127.0.0.2');
    expect(compactPeers(answer.peers).sort()).toEqual([
      '127.0.0.3:2002',
      '127.10.0.2:1001',
      '127.10.0.3:1002',
      '127.10.0.4:1003',
    ]);
  });

  it('without a registry (the standalone tracker), every peer is alike', () => {
    const t = new Tracker({ seed: 3 });
    const get = (p: AnnounceParams, ip: string) =>
      decodeDict(
        handleHttp(
          t,
          {
            method: 'GET',
            target: announceTarget({ numwant: 200, compact: 1, ...p }),
            remoteIp: ip,
            remotePort: 1,
            transport: 'http',
          },
          0,
        ).body,
      );
    get({ peerId: id20(SIM[0]!), left: 0, port: 1001 }, '127.10.0.2');
    expect(
      compactPeers(get({ peerId: id20('-TR3000-realleecher1'), port: 2001 }, '127.0.0.2').peers),
    ).toEqual(['127.10.0.2:1001']);
  });
});
