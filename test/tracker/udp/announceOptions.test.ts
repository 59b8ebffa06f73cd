// What a UDP announce means to the core: BEP 41 URLData carrying a private tracker's passkey,
// event 4 as `paused`, num_want −1 as the tracker's default, the IP address field, the key, and
// IPv6 requests answered with 18-byte peers.
import { afterEach, describe, expect, it } from 'vitest';
import type { TrackerSettings } from '../../../shared/tracker/settings';
import { bytesOf, compact4, id20 } from '../helpers';
import {
  announcePacket,
  be16,
  be32,
  errorPacket,
  scrapePacket,
  startUdpTracker,
  urlData,
  type UdpTestTracker,
} from './helpers';

const running: UdpTestTracker[] = [];
afterEach(async () => {
  for (const t of running.splice(0)) await t.close();
});

async function udp(options: Parameters<typeof startUdpTracker>[0] = {}) {
  const t = await startUdpTracker(options);
  running.push(t);
  const client = await t.client();
  const connectionId = await client.connect();
  return { t, client, connectionId };
}

const ALICE = { passkey: '3bfa64edd509add1c7516d7a62700366', name: 'alice' };

/** The 20-byte head of an announce answer. */
function head(transactionId: number, leechers: number, seeders: number, interval = 1800): Uint8Array {
  return bytesOf(be32(1), be32(transactionId), be32(interval), be32(leechers), be32(seeders));
}

describe('BEP 41 URLData on a private tracker', () => {
  const cases: [string, Uint8Array][] = [
    ['the path form /<passkey>/announce', urlData(`/${ALICE.passkey}/announce`)],
    ['the query form /announce?passkey=', urlData(`/announce?passkey=${ALICE.passkey}`)],
    [
      'URLData split over options, after a NOP',
      bytesOf(Uint8Array.of(0x1), urlData(`/${ALICE.passkey}/announce`, 7)),
    ],
    [
      'URLData followed by EndOfOptions and padding',
      bytesOf(urlData(`/${ALICE.passkey}/announce`), Uint8Array.of(0, 0x2, 0xff)),
    ],
  ];
  for (const [form, options] of cases) {
    it(`accepts a known passkey in ${form}`, async () => {
      const { t, client, connectionId } = await udp({ settings: { private: true }, users: [ALICE] });
      const answer = await client.request(
        announcePacket({ connectionId, transactionId: 1, event: 2, options }),
      );
      expect(answer).toEqual(head(1, 1, 0));
      expect(t.eventsOf('announceReceived')[0]).toMatchObject({ passkey: ALICE.passkey, user: 'alice' });
    });
  }

  it('answers an unknown passkey with the error packet "unknown passkey", changing nothing', async () => {
    const { t, client, connectionId } = await udp({ settings: { private: true }, users: [ALICE] });
    const options = urlData('/announce?passkey=nobody');
    const answer = await client.request(
      announcePacket({ connectionId, transactionId: 2, event: 2, options }),
    );
    expect(answer).toEqual(errorPacket(2, 'unknown passkey'));
    expect(t.tracker.peerCount).toBe(0);
    expect(t.eventsOf('requestFailed')).toMatchObject([{ reason: 'unknown passkey', field: 'passkey' }]);
  });

  it('answers an announce without URLData with the private-tracker failure', async () => {
    const { client, connectionId } = await udp({ settings: { private: true }, users: [ALICE] });
    const answer = await client.request(announcePacket({ connectionId, transactionId: 3, event: 2 }));
    expect(answer).toEqual(
      errorPacket(3, 'this tracker is private: announce with your passkey (/<passkey>/announce)'),
    );
  });

  it('refuses two different passkeys in the path and the query', async () => {
    const { client, connectionId } = await udp({ settings: { private: true }, users: [ALICE] });
    const options = urlData(`/${ALICE.passkey}/announce?passkey=other`);
    const answer = await client.request(announcePacket({ connectionId, transactionId: 4, options }));
    expect(answer).toEqual(errorPacket(4, 'the passkey in the path and the passkey parameter differ'));
  });

  it('refuses a UDP scrape: BEP 15 leaves no room for URLData, so no passkey can come with it', async () => {
    const { client, connectionId } = await udp({ settings: { private: true }, users: [ALICE] });
    const answer = await client.request(scrapePacket(connectionId, 6, [id20('torrent')]));
    expect(answer).toEqual(errorPacket(6, 'this tracker is private: scrape with your passkey'));
  });

  it('renders the passkey path into the logged target', async () => {
    const { t, client, connectionId } = await udp({ settings: { private: true }, users: [ALICE] });
    const options = urlData(`/${ALICE.passkey}/announce`);
    await client.request(announcePacket({ connectionId, transactionId: 5, event: 2, options }));
    expect(
      t.eventsOf('requestReceived').at(-1)!.target.startsWith(`/${ALICE.passkey}/announce?info_hash=`),
    ).toBe(true);
  });
});

describe('UDP announce fields', () => {
  const pausedCases: [TrackerSettings['pausedHandling'], string][] = [
    ['bep21', 'the peer is marked paused (BEP 21)'],
    ['update', 'it is a regular announce'],
  ];
  for (const [mode, meaning] of pausedCases) {
    it(`reads event 4 as paused: with pausedHandling ${mode}, ${meaning}`, async () => {
      const { t, client, connectionId } = await udp({ settings: { pausedHandling: mode } });
      await client.request(announcePacket({ connectionId, transactionId: 1, event: 2 }));
      const answer = await client.request(announcePacket({ connectionId, transactionId: 2, event: 4 }));
      expect(answer).toEqual(head(2, 1, 0));
      expect(t.eventsOf('announceReceived')[1]!.event).toBe('paused');
      expect(t.tracker.stats().torrents[0]!.peers![0]!.paused).toBe(mode === 'bep21');
      expect(t.eventsOf('requestReceived')[2]!.target).toContain('&event=paused&');
    });
  }

  it('refuses event 4 with pausedHandling reject, as over HTTP', async () => {
    const { client, connectionId } = await udp({ settings: { pausedHandling: 'reject' } });
    const answer = await client.request(announcePacket({ connectionId, transactionId: 3, event: 4 }));
    expect(answer).toEqual(errorPacket(3, 'event=paused (BEP 21) is not supported by this tracker'));
  });

  it('answers num_want −1 (and any negative value) with the default number of peers', async () => {
    const { t, client, connectionId } = await udp({ settings: { numwantDefault: 2, selection: 'oldest' } });
    for (let i = 1; i <= 4; i++) {
      t.clock.now += 1000; // `oldest` orders by first sight
      await client.request(
        announcePacket({ connectionId, peerId: `peer${i}`, port: 7000 + i, event: 2, numwant: 0 }),
      );
    }
    for (const numwant of [-1, -50]) {
      const answer = await client.request(
        announcePacket({ connectionId, peerId: 'peer5', port: 7005, numwant }),
      );
      expect(answer).toEqual(
        bytesOf(head(0x1234, 5, 0), compact4('127.0.0.1', 7001), compact4('127.0.0.1', 7002)),
      );
    }
    expect(t.eventsOf('announceReceived').at(-1)!.numwant).toBeNull();
    expect(t.eventsOf('announceAnswered').at(-1)!.numwant).toBe(2);
    expect(t.eventsOf('requestReceived').at(-1)!.target).not.toContain('numwant');
  });

  it('passes the key to the core as its 4 big-endian bytes', async () => {
    const { t, client, connectionId } = await udp();
    await client.request(announcePacket({ connectionId, event: 2, key: 0x00c0ffee }));
    expect(t.eventsOf('announceReceived')[0]!.key).toBe('00c0ffee');
  });

  it('ignores the IP address field unless trustIpParam is on', async () => {
    for (const trustIpParam of [false, true]) {
      const { t, client, connectionId } = await udp({ settings: { trustIpParam } });
      await client.request(announcePacket({ connectionId, event: 2, ip: [10, 1, 2, 3], port: 6881 }));
      const peer = t.tracker.stats().torrents[0]!.peers![0]!;
      expect(peer.ip).toBe(trustIpParam ? '10.1.2.3' : '127.0.0.1');
      expect(t.eventsOf('requestReceived').at(-1)!.target).toContain('&ip=10.1.2.3');
    }
  });
});

describe('UDP over IPv6', () => {
  it('answers a request over IPv6 with 18-byte peers, and one over IPv4 with 6-byte peers only', async () => {
    const t = await startUdpTracker({ ipv6: true, settings: { selection: 'oldest' } });
    running.push(t);
    const v4 = await t.client('127.0.0.1');
    const v6 = await t.client('::1');
    const id4 = await v4.connect();
    const id6 = await v6.connect();
    await v4.request(announcePacket({ connectionId: id4, peerId: id20('four'), port: 6881, event: 2 }));
    await v6.request(announcePacket({ connectionId: id6, peerId: id20('six'), port: 6882, event: 2 }));

    const loopback6 = bytesOf(new Uint8Array(15), Uint8Array.of(1));
    const askV6 = await v6.request(
      announcePacket({ connectionId: id6, transactionId: 7, peerId: id20('six-2'), port: 6883 }),
    );
    expect(askV6).toEqual(bytesOf(head(7, 3, 0), loopback6, be16(6882)));
    const askV4 = await v4.request(
      announcePacket({ connectionId: id4, transactionId: 8, peerId: id20('four-2'), port: 6884 }),
    );
    expect(askV4).toEqual(bytesOf(head(8, 4, 0), compact4('127.0.0.1', 6881)));
    // The event lists exactly the peers on the wire.
    expect(t.eventsOf('announceAnswered').at(-1)!.peers).toEqual([t.eventsOf('peerAdded')[0]!.entry]);
    expect(t.eventsOf('announceReceived').at(-2)!.ip).toBe('::1');
  });

  it("refuses an IPv6 client's connection id when it comes back over IPv4", async () => {
    const t = await startUdpTracker({ ipv6: true });
    running.push(t);
    const v6 = await t.client('::1');
    const v4 = await t.client('127.0.0.1');
    const id6 = await v6.connect();
    const answer = await v4.request(announcePacket({ connectionId: id6, transactionId: 9, event: 2 }));
    expect(answer).toEqual(errorPacket(9, 'unknown or expired connection id'));
  });
});
