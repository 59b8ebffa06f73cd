// Byte-exact BEP 15 answers over real UDP sockets on 127.0.0.1: connect, announce (peers of a
// swarm built through the HTTP helpers), scrape, and the events around each, as over HTTP.
import { afterEach, describe, expect, it } from 'vitest';
import { parseAnnounceQuery } from '../../../electron/tracker/http/announceParams';
import { decodeAnnounce } from '../../../electron/tracker/udp/packets';
import { announceTarget } from '../../../electron/tracker/udp/target';
import { percentEncodeBytes } from '../../../shared/bytes';
import { bytesOf, compact4, id20, INFO_HASH, testTracker, type TestTracker } from '../helpers';
import {
  announcePacket,
  be32,
  connectPacket,
  expectedConnectionId,
  startUdpTracker,
  T0,
  urlData,
  type UdpTestTracker,
} from './helpers';

const A = id20('A');
const B = id20('B');
const C = id20('C');
const OTHER_HASH = id20('other-torrent');

const running: UdpTestTracker[] = [];
afterEach(async () => {
  for (const t of running.splice(0)) await t.close();
});

async function udp(options: Parameters<typeof startUdpTracker>[0] = {}): Promise<UdpTestTracker> {
  const t = await startUdpTracker(options);
  running.push(t);
  return t;
}

/** Three peers announced over HTTP at 1 s, 2 s, 3 s (`oldest` selection: a fixed order); C seeds. */
function swarmOverHttp(): TestTracker {
  const t = testTracker({ selection: 'oldest' });
  t.announce({ peerId: A, port: 6881, event: 'started' }, { ip: '10.0.0.1', now: 1000 });
  t.announce({ peerId: B, port: 6882, event: 'started' }, { ip: '10.0.0.2', now: 2000 });
  t.announce({ peerId: C, port: 51413, event: 'completed', left: 0 }, { ip: '192.168.1.200', now: 3000 });
  return t;
}

describe('UDP connect', () => {
  it('answers action 0, the transaction id and the HMAC connection id of the sender', async () => {
    const t = await udp();
    const client = await t.client();
    const answer = await client.request(connectPacket(0x01020304));
    expect(answer).toEqual(
      bytesOf(be32(0), be32(0x01020304), expectedConnectionId([127, 0, 0, 1], client.port, T0)),
    );
  });

  it('logs the connect as `udp connect`, answered with the 16 bytes as the body', async () => {
    const t = await udp();
    const client = await t.client();
    const answer = await client.request(connectPacket(7));
    expect(t.events).toEqual([
      {
        type: 'requestReceived',
        t: T0,
        requestId: 1,
        transport: 'udp',
        remoteIp: '127.0.0.1',
        remotePort: client.port,
        method: 'udp',
        target: 'connect',
      },
      {
        type: 'responseSent',
        t: T0,
        requestId: 1,
        status: 200,
        bytes: 16,
        body: Buffer.from(answer).toString('base64'),
      },
    ]);
  });
});

describe('UDP announce', () => {
  it('answers interval, leechers, seeders and 6-byte peers, exactly', async () => {
    const http = swarmOverHttp();
    const t = await udp({ tracker: http.tracker, events: http.events });
    const client = await t.client();
    const connectionId = await client.connect();
    const answer = await client.request(
      announcePacket({ connectionId, transactionId: 0xabcdef01, peerId: 'R', port: 7000, event: 2 }),
    );
    expect(answer).toEqual(
      bytesOf(
        be32(1), // action: announce
        be32(0xabcdef01),
        be32(1800), // interval
        be32(3), // leechers: A, B and the requester
        be32(1), // seeders: C
        compact4('10.0.0.1', 6881),
        compact4('10.0.0.2', 6882),
        compact4('192.168.1.200', 51413),
      ),
    );
  });

  it('emits the HTTP events in the same order, with the packet rendered as the announce query', async () => {
    const http = swarmOverHttp();
    const t = await udp({ tracker: http.tracker, events: http.events });
    const client = await t.client();
    const connectionId = await client.connect();
    const from = http.events.length;
    const packet = announcePacket({
      connectionId,
      peerId: 'R',
      port: 7000,
      event: 2,
      downloaded: 5,
      left: 2 ** 40,
      uploaded: 7,
      key: 0x0a0b0c0d,
      numwant: 2,
    });
    const answer = await client.request(packet);
    const events = http.events.slice(from);
    expect(events.map((e) => e.type)).toEqual([
      'requestReceived',
      'announceReceived',
      'peerAdded',
      'countsChanged',
      'announceAnswered',
      'responseSent',
    ]);
    const target =
      `/announce?info_hash=${percentEncodeBytes(INFO_HASH)}&peer_id=${percentEncodeBytes(id20('R'))}` +
      '&port=7000&uploaded=7&downloaded=5&left=1099511627776&event=started&key=%0A%0B%0C%0D&numwant=2';
    expect(events[0]).toMatchObject({ transport: 'udp', method: 'udp', target, remotePort: client.port });
    expect(events[1]).toMatchObject({
      ip: '127.0.0.1',
      port: 7000,
      event: 'started',
      uploaded: 7,
      downloaded: 5,
      left: 2 ** 40,
      numwant: 2,
      compact: true,
      key: '0a0b0c0d',
      passkey: null,
    });
    expect(events[4]).toMatchObject({ numwant: 2, peers: [1, 2] });
    expect(events[5]).toMatchObject({
      status: 200,
      bytes: 32,
      body: Buffer.from(answer).toString('base64'),
    });
  });

  it('renders a target that the HTTP parser reads back as the very request the core received', () => {
    const packet = announcePacket({
      connectionId: new Uint8Array(8),
      peerId: '-qB4650-\x00\xff%&?=+ xyz1', // 20 bytes: every one must survive the round trip
      event: 4,
      ip: [10, 1, 2, 3],
      key: 0xffffffff,
      numwant: 80,
      options: urlData('/alice_key-1/announce?passkey=alice_key-1'),
    });
    const decoded = decodeAnnounce(packet);
    if (!decoded.ok) throw new Error(decoded.reason);
    const target = announceTarget(decoded.value);
    expect(target).toBe(
      `/alice_key-1/announce?info_hash=${percentEncodeBytes(INFO_HASH)}` +
        '&peer_id=-qB4650-%00%FF%25%26%3F%3D%2B%20xyz1' +
        '&port=6881&uploaded=0&downloaded=0&left=1000&event=paused&key=%FF%FF%FF%FF&numwant=80&ip=10.1.2.3' +
        '&passkey=alice_key-1',
    );
    const reparsed = parseAnnounceQuery(target.slice(target.indexOf('?') + 1), 'alice_key-1');
    expect(reparsed).toEqual({ ok: true, value: decoded.value.request });
  });
});

describe('decodeAnnounce', () => {
  it('copies info_hash, peer_id and key out of the datagram (a Buffer slice would be a view of it)', () => {
    const packet = Buffer.from(announcePacket({ connectionId: new Uint8Array(8), key: 0x01020304 }));
    const decoded = decodeAnnounce(packet);
    if (!decoded.ok) throw new Error(decoded.reason);
    const { infoHash, peerId, key } = decoded.value.request;
    packet.fill(0xee);
    expect(infoHash).toEqual(INFO_HASH);
    expect(peerId).toEqual(id20('-TR4060-udp000000001'));
    expect(key).toEqual(Uint8Array.of(1, 2, 3, 4));
  });
});

describe('UDP scrape', () => {
  it('answers seeders, completed, leechers for each hash in the order asked, twice if asked twice', async () => {
    const http = swarmOverHttp();
    const t = await udp({ tracker: http.tracker, events: http.events });
    const client = await t.client();
    const connectionId = await client.connect();
    const answer = await client.request(
      bytesOf(connectionId, be32(2), be32(99), INFO_HASH, OTHER_HASH, INFO_HASH),
    );
    expect(answer).toEqual(
      bytesOf(
        be32(2), // action: scrape
        be32(99),
        ...[be32(1), be32(1), be32(2)], // INFO_HASH: C seeds and completed once; A and B leech
        ...[be32(0), be32(0), be32(0)], // an unknown torrent
        ...[be32(1), be32(1), be32(2)],
      ),
    );
    const received = t.eventsOf('requestReceived').at(-1)!;
    expect(received.target).toBe(
      `/scrape?info_hash=${percentEncodeBytes(INFO_HASH)}&info_hash=${percentEncodeBytes(OTHER_HASH)}` +
        `&info_hash=${percentEncodeBytes(INFO_HASH)}`,
    );
    expect(t.eventsOf('scrapeAnswered').at(-1)!.files).toHaveLength(2);
  });
});
