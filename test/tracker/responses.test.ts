// Byte-exact announce and scrape responses (BEP 3, BEP 7, BEP 23, BEP 48). Every expected body is
// written out by hand; the only inputs reused are the ones the test itself chose (ids, addresses).
import { describe, expect, it } from 'vitest';
import {
  announceTarget,
  bytesOf,
  compact4,
  id20,
  INFO_HASH,
  lastEvent,
  scrapeTarget,
  testTracker,
} from './helpers';

const A = id20('A');
const B = id20('B');
const C = id20('C');

/** Three peers joined at 1 s, 2 s, 3 s; `oldest` selection makes the peer order deterministic. */
function threeLeechersAndARequester(settings = {}) {
  const t = testTracker({ selection: 'oldest', ...settings });
  t.announce({ peerId: A, port: 6881, event: 'started' }, { ip: '10.0.0.1', now: 1000 });
  t.announce({ peerId: B, port: 6882, event: 'started' }, { ip: '10.0.0.2', now: 2000 });
  t.announce({ peerId: C, port: 51413, event: 'started', left: 0 }, { ip: '192.168.1.200', now: 3000 });
  return t;
}

describe('announce responses', () => {
  it('answers compact IPv4 peers as 6-byte strings (BEP 23), keys sorted', () => {
    const t = threeLeechersAndARequester();
    const reply = t.get(announceTarget({ peerId: id20('R'), port: 7000, compact: 1, numwant: 50 }), {
      ip: '10.9.9.9',
      now: 4000,
    });
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe('text/plain');
    const peers = bytesOf(
      '\x0a\x00\x00\x01\x1a\xe1', // 10.0.0.1:6881
      '\x0a\x00\x00\x02\x1a\xe2', // 10.0.0.2:6882
      '\xc0\xa8\x01\xc8\xc8\xd5', // 192.168.1.200:51413
    );
    expect(reply.body).toEqual(
      bytesOf(
        'd8:completei1e10:downloadedi0e10:incompletei3e8:intervali1800e12:min intervali900e',
        '5:peers18:',
        peers,
        'e',
      ),
    );
  });

  it('answers every peer under the default random selection: exact bytes around a permutation', () => {
    const t = testTracker(); // selection 'random', seed 7
    t.announce({ peerId: A, port: 6881 }, { ip: '10.0.0.1' });
    t.announce({ peerId: B, port: 6882 }, { ip: '10.0.0.2' });
    t.announce({ peerId: C, port: 51413, left: 0 }, { ip: '192.168.1.200' });
    const reply = t.get(announceTarget({ peerId: id20('R'), port: 7000, numwant: 50 }), { ip: '10.9.9.9' });
    const head = bytesOf(
      'd8:completei1e10:downloadedi0e10:incompletei3e8:intervali1800e12:min intervali900e5:peers18:',
    );
    expect(reply.body.length).toBe(head.length + 18 + 1);
    expect(reply.body.subarray(0, head.length)).toEqual(head);
    expect(reply.body.at(-1)).toBe('e'.charCodeAt(0));
    const peers = reply.body.subarray(head.length, head.length + 18);
    const entries = [0, 6, 12].map((i) => Buffer.from(peers.subarray(i, i + 6)).toString('hex'));
    expect(new Set(entries)).toEqual(new Set(['0a0000011ae1', '0a0000021ae2', 'c0a801c8c8d5']));
    expect(lastEvent(t, 'announceAnswered').reasons).toEqual(['random', 'random', 'random']);
  });

  it('answers compact by default when the client does not send compact', () => {
    const t = testTracker();
    t.announce({ peerId: A, port: 6881 }, { ip: '10.0.0.1' });
    const reply = t.get(announceTarget({ peerId: B, port: 6882 }), { ip: '10.0.0.2' });
    expect(reply.body).toEqual(
      bytesOf(
        'd8:completei0e10:downloadedi0e10:incompletei2e8:intervali1800e12:min intervali900e5:peers6:',
        compact4('10.0.0.1', 6881),
        'e',
      ),
    );
  });

  it('puts IPv6 peers in peers6 as 18-byte strings (BEP 7)', () => {
    const t = testTracker({ selection: 'oldest' });
    t.announce({ peerId: A, port: 6881 }, { ip: '2001:db8::5', now: 1000 });
    t.announce({ peerId: B, port: 6882 }, { ip: '10.0.0.2', now: 2000 });
    const reply = t.get(announceTarget({ peerId: C, port: 51413 }), { ip: '::1', now: 3000 });
    const v6 = bytesOf(
      '\x20\x01\x0d\xb8\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x05', // 2001:db8::5
      '\x1a\xe1', // 6881
    );
    expect(reply.body).toEqual(
      bytesOf(
        'd8:completei0e10:downloadedi0e10:incompletei3e8:intervali1800e12:min intervali900e',
        '5:peers6:',
        compact4('10.0.0.2', 6882),
        '6:peers618:',
        v6,
        'e',
      ),
    );
  });

  it('answers only peers6 to an IPv4 client when the other peer is IPv6, and peers stays empty', () => {
    const t = testTracker();
    t.announce({ peerId: A, port: 6881 }, { ip: '::1' });
    const reply = t.get(announceTarget({ peerId: B, port: 6882 }), { ip: '10.0.0.2' });
    expect(reply.body).toEqual(
      bytesOf(
        'd8:completei0e10:downloadedi0e10:incompletei2e8:intervali1800e12:min intervali900e5:peers0:',
        '6:peers618:',
        '\x00'.repeat(15) + '\x01\x1a\xe1',
        'e',
      ),
    );
  });

  it('answers a list of dicts with ip, peer id and port when compact=0', () => {
    const t = threeLeechersAndARequester();
    const reply = t.get(announceTarget({ peerId: id20('R'), port: 7000, compact: 0 }), {
      ip: '10.9.9.9',
      now: 4000,
    });
    expect(reply.body).toEqual(
      bytesOf(
        'd8:completei1e10:downloadedi0e10:incompletei3e8:intervali1800e12:min intervali900e5:peersl',
        'd2:ip8:10.0.0.17:peer id20:',
        A,
        '4:porti6881ee',
        'd2:ip8:10.0.0.27:peer id20:',
        B,
        '4:porti6882ee',
        'd2:ip13:192.168.1.2007:peer id20:',
        C,
        '4:porti51413ee',
        'ee',
      ),
    );
  });

  it('leaves out peer id when no_peer_id=1, and writes IPv6 addresses as text', () => {
    const t = testTracker({ selection: 'oldest' });
    t.announce({ peerId: A, port: 6881 }, { ip: '10.0.0.1', now: 1000 });
    t.announce({ peerId: B, port: 6882 }, { ip: '2001:db8::5', now: 2000 });
    const reply = t.get(announceTarget({ peerId: C, compact: 0, extra: '&no_peer_id=1' }), { now: 3000 });
    expect(reply.body).toEqual(
      bytesOf(
        'd8:completei0e10:downloadedi0e10:incompletei3e8:intervali1800e12:min intervali900e5:peersl',
        'd2:ip8:10.0.0.14:porti6881ee',
        'd2:ip11:2001:db8::54:porti6882ee',
        'ee',
      ),
    );
  });

  it('sends tracker id and warning message when the settings set them', () => {
    const t = testTracker({ trackerId: 'lab-1', warningMessage: 'test tracker, data is lost on restart' });
    const reply = t.get(announceTarget({ peerId: A }));
    expect(reply.body).toEqual(
      bytesOf(
        'd8:completei0e10:downloadedi0e10:incompletei1e8:intervali1800e12:min intervali900e5:peers0:',
        '10:tracker id5:lab-1',
        '15:warning message37:test tracker, data is lost on restart',
        'e',
      ),
    );
  });

  it('omits min interval when it is 0, and sends the configured interval', () => {
    const t = testTracker({ interval: 600, minInterval: 0 });
    const reply = t.get(announceTarget({ peerId: A, left: 0 }));
    expect(reply.body).toEqual(
      bytesOf('d8:completei1e10:downloadedi0e10:incompletei0e8:intervali600e5:peers0:e'),
    );
  });

  it('treats an IPv4-mapped IPv6 remote (::ffff:a.b.c.d) as an IPv4 peer', () => {
    const t = testTracker();
    t.announce({ peerId: A, port: 6881 }, { ip: '::ffff:10.0.0.1' });
    const reply = t.get(announceTarget({ peerId: B, port: 6882 }), { ip: '::1' });
    expect(reply.body).toEqual(
      bytesOf(
        'd8:completei0e10:downloadedi0e10:incompletei2e8:intervali1800e12:min intervali900e5:peers6:',
        compact4('10.0.0.1', 6881),
        'e',
      ),
    );
  });

  it('answers stopped with the counts after the peer left, and no peers', () => {
    const t = testTracker();
    t.announce({ peerId: A, port: 6881, left: 0 }, { ip: '10.0.0.1' });
    t.announce({ peerId: B, port: 6882 }, { ip: '10.0.0.2' });
    const reply = t.get(announceTarget({ peerId: B, port: 6882, event: 'stopped' }), { ip: '10.0.0.2' });
    expect(reply.body).toEqual(
      bytesOf('d8:completei1e10:downloadedi0e10:incompletei0e8:intervali1800e12:min intervali900e5:peers0:e'),
    );
  });

  it('draws each interval uniformly from interval ± intervalJitter', () => {
    const t = testTracker({ interval: 1800, intervalJitter: 60 });
    const seen = new Map<number, number>();
    for (let i = 0; i < 3000; i++) {
      const interval = t.announce({ peerId: A }, { now: i }).interval as number;
      expect(lastEvent(t, 'announceAnswered').interval).toBe(interval);
      seen.set(interval, (seen.get(interval) ?? 0) + 1);
    }
    const values = [...seen.keys()].sort((x, y) => x - y);
    // 121 equally likely values: 3000 draws miss a given one with probability (120/121)^3000 ≈ 1.7e-11.
    expect(values).toEqual(Array.from({ length: 121 }, (_, i) => 1740 + i));
    expect(Math.max(...seen.values())).toBeLessThan(60); // expected 24.8 each
  });

  it('answers a failure with failure reason alone', () => {
    const t = testTracker();
    const reply = t.get('/announce?peer_id=x');
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual(bytesOf('d14:failure reason17:missing info_hashe'));
  });
});

describe('scrape responses (BEP 48)', () => {
  const low = Uint8Array.from({ length: 20 }, (_, i) => i); // 00 01 02 …
  const high = Uint8Array.from({ length: 20 }, (_, i) => 0xff - i); // ff fe fd …
  const mid = Uint8Array.from({ length: 20 }, () => 0x80); // 80 80 80 …

  it('keys files by the raw 20-byte hashes in byte order, with all four counts', () => {
    const t = testTracker();
    // high: one seeder that completed (a snatch), one leecher that paused (BEP 21), one leecher.
    t.announce({ infoHash: high, peerId: A, event: 'started' });
    t.announce({ infoHash: high, peerId: A, event: 'completed', left: 0 });
    t.announce({ infoHash: high, peerId: B, event: 'paused' }, { ip: '10.0.0.2' });
    t.announce({ infoHash: high, peerId: C }, { ip: '10.0.0.3' });
    // low: a single leecher. mid: never announced.
    t.announce({ infoHash: low, peerId: A });
    const reply = t.get(scrapeTarget([high, mid, low, INFO_HASH]));
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual(
      bytesOf(
        'd5:filesd',
        '20:',
        low,
        'd8:completei0e10:downloadedi0e11:downloadersi1e10:incompletei1ee',
        '20:',
        mid,
        'd8:completei0e10:downloadedi0e11:downloadersi0e10:incompletei0ee',
        '20:',
        INFO_HASH, // d9 a5 …
        'd8:completei0e10:downloadedi0e11:downloadersi0e10:incompletei0ee',
        '20:',
        high,
        'd8:completei1e10:downloadedi1e11:downloadersi1e10:incompletei2ee',
        'ee',
      ),
    );
  });

  it('reports a hash asked for twice once', () => {
    const t = testTracker();
    t.announce({ infoHash: low, peerId: A, left: 0 });
    expect(t.get(scrapeTarget([low, low])).body).toEqual(
      bytesOf('d5:filesd20:', low, 'd8:completei1e10:downloadedi0e11:downloadersi0e10:incompletei0eeee'),
    );
  });

  it('answers /scrape beside a passkey path on a private tracker', () => {
    const t = testTracker({ private: true }, [{ passkey: 'k1', name: 'alice' }]);
    t.announce({ infoHash: low, peerId: A, passkey: 'k1' });
    expect(t.get(scrapeTarget([low], '/k1/scrape')).body).toEqual(
      bytesOf('d5:filesd20:', low, 'd8:completei0e10:downloadedi0e11:downloadersi1e10:incompletei1eeee'),
    );
    expect(t.get(scrapeTarget([low])).body).toEqual(
      bytesOf('d14:failure reason49:this tracker is private: scrape with your passkeye'),
    );
  });
});
