// Announce queries exactly as Debian 12's clients sent them to this tracker (captured in the interop
// tests, test/interop): Transmission 3.00 and aria2 1.36 over HTTP, for the same torrent. They differ
// in %xx case, in which bytes they leave raw, in parameter order and in their keys; all are accepted
// and mean the same torrent. These run without the clients installed.
import { describe, expect, it } from 'vitest';
import { ascii, compactPeers, decodeDict, hexOf, lastEvent, testTracker } from './helpers';

const INFO_HASH_HEX = 'c37ed5fe3b8d777f51cc4280e3b10364550a505b';

/** Transmission 3.00: lower-case %xx, `~` and letters raw, key as `%x` of a random int (unpadded). */
const transmissionStarted =
  '/announce?info_hash=%c3~%d5%fe%3b%8dw%7fQ%ccB%80%e3%b1%03dU%0aP%5b&peer_id=-TR3000-7squg9n4ia63' +
  '&port=17001&uploaded=0&downloaded=0&left=0&numwant=80&key=a95edb3&compact=1&supportcrypto=1&event=started';

/** aria2 1.36: upper-case %XX, a binary peer_id, and the key is the peer_id's last 8 bytes. */
const aria2 = (event: string, numwant: number): string =>
  '/announce?info_hash=%C3~%D5%FE%3B%8Dw%7FQ%CCB%80%E3%B1%03dU%0AP%5B' +
  '&peer_id=A2-1-36-0-%D7%BB%CE%3E%B8g%8D0%9C%5C&uploaded=0&downloaded=0&left=2097152&compact=1' +
  `&key=%CE%3E%B8g%8D0%9C%5C&numwant=${numwant}&no_peer_id=1&port=17003&event=${event}&supportcrypto=1`;

const ARIA2_PEER_ID = Uint8Array.from([
  ...ascii('A2-1-36-0-'),
  ...Buffer.from('d7bbce3eb8678d309c5c', 'hex'),
]);

describe('announces as real clients send them', () => {
  it('reads Transmission 3.00 and aria2 1.36 as two peers of one torrent, and answers each', () => {
    const t = testTracker();
    expect(t.get(transmissionStarted).status).toBe(200);
    expect(lastEvent(t, 'announceReceived')).toMatchObject({
      infoHash: INFO_HASH_HEX,
      peerId: hexOf(ascii('-TR3000-7squg9n4ia63')),
      key: hexOf(ascii('a95edb3')),
      numwant: 80,
      compact: true,
      noPeerId: false,
      corrupt: null,
      event: 'started',
      left: 0,
    });

    const answer = t.get(aria2('started', 50));
    expect(lastEvent(t, 'announceReceived')).toMatchObject({
      infoHash: INFO_HASH_HEX,
      peerId: hexOf(ARIA2_PEER_ID),
      key: hexOf(ARIA2_PEER_ID.subarray(12)),
      numwant: 50,
      noPeerId: true,
      event: 'started',
      left: 2_097_152,
    });
    expect(lastEvent(t, 'announceAnswered')).toMatchObject({ complete: 1, incomplete: 1, numwant: 50 });
    expect(compactPeers(decodeDict(answer.body).peers)).toEqual(['127.0.0.1:17001']);

    // stopped with numwant=0: removed, and answered with no peers.
    t.get(aria2('stopped', 0));
    expect(lastEvent(t, 'announceAnswered')).toMatchObject({
      complete: 1,
      incomplete: 0,
      numwant: 0,
      peers: [],
    });
    expect(t.eventsOf('requestFailed')).toEqual([]);
  });
});
