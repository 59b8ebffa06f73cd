// Bad packets: each gets a BEP 15 error packet with an exact message when it carries a transaction
// id, or no answer at all when it does not; none crashes the server or changes the tracker.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TrackerStats } from '../../../shared/tracker/stats';
import { bytesOf, id20, INFO_HASH } from '../helpers';
import {
  announcePacket,
  be32,
  connectPacket,
  errorPacket,
  PROTOCOL_ID,
  scrapePacket,
  startUdpTracker,
  type UdpClient,
  type UdpTestTracker,
} from './helpers';

let t: UdpTestTracker;
let client: UdpClient;
let connectionId: Uint8Array;

beforeAll(async () => {
  t = await startUdpTracker({ settings: { private: false } });
  client = await t.client();
  connectionId = await client.connect();
  // A peer already in the swarm, so "unchanged" is not the trivial empty state.
  await client.request(announcePacket({ connectionId, peerId: 'resident', event: 2, uploaded: 10 }));
});

afterAll(async () => {
  await t.close();
});

/** The request built with this test's valid connection id. */
type Build = (connectionId: Uint8Array) => Uint8Array;

const TX = 0x0badf00d;
const announce =
  (fields: Partial<Parameters<typeof announcePacket>[0]>): Build =>
  (id) =>
    announcePacket({ connectionId: id, transactionId: TX, peerId: 'resident', event: 1, left: 0, ...fields });

const answered: [string, Build, string][] = [
  ['an unknown action (7)', (id) => bytesOf(id, be32(7), be32(TX)), 'unknown action 7'],
  [
    'an error packet sent to the tracker (action 3)',
    (id) => bytesOf(id, be32(3), be32(TX), 'x'),
    'unknown action 3',
  ],
  [
    'a connect without the magic 0x41727101980',
    () => connectPacket(TX, Uint8Array.of(0, 0, 0x04, 0x17, 0x27, 0x10, 0x19, 0x81)),
    'connect without the protocol id 0x41727101980',
  ],
  [
    'an announce with a connection id never issued',
    () => announce({})(Uint8Array.of(9, 9, 9, 9, 9, 9, 9, 9)),
    'unknown or expired connection id',
  ],
  [
    'a scrape with the connect magic as its connection id',
    () => scrapePacket(PROTOCOL_ID, TX, [INFO_HASH]),
    'unknown or expired connection id',
  ],
  [
    'a truncated announce (97 of 98 bytes)',
    (id) => announce({})(id).subarray(0, 97),
    'announce too short: 97 bytes, at least 98',
  ],
  [
    'a truncated scrape (16 + 19 bytes)',
    (id) => scrapePacket(id, TX, [INFO_HASH]).subarray(0, 35),
    'scrape truncated: 35 bytes is not 16 + 20 per info_hash',
  ],
  [
    'a scrape of 75 info_hashes',
    (id) =>
      scrapePacket(
        id,
        TX,
        Array.from({ length: 75 }, (_, i) => id20(`hash${i}`)),
      ),
    'too many info_hashes: 75, at most 74',
  ],
  [
    'a scrape of no info_hash',
    (id) => scrapePacket(id, TX, []),
    'missing info_hash (full scrapes are not offered)',
  ],
  [
    'an oversized packet (2,049 bytes)',
    (id) => bytesOf(announce({})(id), new Uint8Array(2049 - 98)),
    'packet too long: 2049 bytes, at most 2048',
  ],
  [
    'an unknown event (5)',
    announce({ event: 5 }),
    'unknown event 5 (0 none, 1 completed, 2 started, 3 stopped, 4 paused)',
  ],
  ['a negative left (int64 −1)', announce({ left: -1 }), 'left must not be negative'],
  ['uploaded of 2^53', announce({ uploaded: 2 ** 53 }), 'uploaded is too large'],
  ['port 0', announce({ port: 0 }), 'port must be between 1 and 65535'],
  [
    'a BEP 41 URLData option longer than the packet',
    announce({ options: bytesOf(Uint8Array.of(0x2, 20), '/announce') }),
    'truncated BEP 41 URLData option: 20 bytes announced, 9 sent',
  ],
  [
    'a BEP 41 URLData option without its length byte',
    announce({ options: Uint8Array.of(0x1, 0x2) }),
    'truncated BEP 41 URLData option: no length byte',
  ],
];

describe('malformed UDP packets', () => {
  let before: TrackerStats;
  beforeAll(() => {
    before = t.tracker.stats();
  });

  for (const [what, build, message] of answered) {
    it(`answers ${what} with an error packet and changes nothing`, async () => {
      const failedBefore = t.eventsOf('requestFailed').length;
      const answer = await client.request(build(connectionId));
      expect(answer).toEqual(errorPacket(TX, message));
      expect(t.tracker.stats()).toEqual(before);
      expect(t.eventsOf('requestFailed').slice(failedBefore)).toMatchObject([
        { status: 200, reason: message },
      ]);
    });
  }

  for (const length of [0, 1, 8, 15]) {
    it(`drops a ${length}-byte packet unanswered (no transaction id) and changes nothing`, async () => {
      const answer = await client.requestOrSilence(connectPacket(TX).subarray(0, length));
      expect(answer).toBeNull();
      expect(t.tracker.stats()).toEqual(before);
      expect(t.eventsOf('requestFailed').at(-1)).toEqual({
        type: 'requestFailed',
        t: t.clock.now,
        requestId: t.eventsOf('requestReceived').at(-1)!.requestId,
        status: 0,
        reason: `dropped: a ${length}-byte packet has no transaction id to answer (the header is 16 bytes)`,
        field: null,
      });
    });
  }

  it('keeps serving after every bad packet: a valid announce is still answered', async () => {
    const answer = await client.request(
      announcePacket({ connectionId, transactionId: 5, peerId: 'resident' }),
    );
    expect(answer.subarray(0, 8)).toEqual(bytesOf(be32(1), be32(5)));
    expect(t.server.dropped).toBe(4);
  });
});
