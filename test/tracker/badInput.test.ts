// Bad requests: each gets an exact bencoded `failure reason` (HTTP 200, as clients expect, BEP 3)
// naming the field at fault, and changes nothing. HTTP-level problems get HTTP status codes.
import { describe, expect, it } from 'vitest';
import { bytesOf, id20, INFO_HASH, scrapeTarget, testTracker } from './helpers';
import { percentEncodeBytes } from '../../shared/bytes';

const IH = percentEncodeBytes(INFO_HASH);
const PID = percentEncodeBytes(id20('-TR1320-badinput0001'));
const VALID: [string, string][] = [
  ['info_hash', IH],
  ['peer_id', PID],
  ['port', '6881'],
  ['uploaded', '0'],
  ['downloaded', '0'],
  ['left', '1000'],
];

/** A valid announce query with some parameters replaced (a value), removed (null) or appended. */
function query(changes: Record<string, string | null> = {}, extra = ''): string {
  const pairs = VALID.filter(([name]) => changes[name] !== null).map(
    ([name, value]) => `${name}=${changes[name] ?? value}`,
  );
  for (const [name, value] of Object.entries(changes)) {
    if (value !== null && !VALID.some(([n]) => n === name)) pairs.push(`${name}=${value}`);
  }
  return pairs.join('&') + extra;
}

const hex40 = Buffer.from(INFO_HASH).toString('hex');
const ANNOUNCE = '/alicekey/announce?';

const cases: [string, string, string, string][] = [
  ['missing info_hash', ANNOUNCE + query({ info_hash: null }), 'missing info_hash', 'info_hash'],
  [
    'info_hash of 19 bytes',
    ANNOUNCE + query({ info_hash: IH.replace(/%F3$/, '') }),
    'info_hash must be 20 bytes, got 19',
    'info_hash',
  ],
  [
    'info_hash of 21 bytes',
    ANNOUNCE + query({ info_hash: IH + '%00' }),
    'info_hash must be 20 bytes, got 21',
    'info_hash',
  ],
  [
    'info_hash as 40 hex characters',
    ANNOUNCE + query({ info_hash: hex40 }),
    'info_hash must be 20 bytes, got 40 (this looks like 40 hex characters: send the 20 raw bytes, percent-encoded)',
    'info_hash',
  ],
  [
    'peer_id of 19 bytes',
    ANNOUNCE + query({ peer_id: '-TR1320-badinput001' }),
    'peer_id must be 20 bytes, got 19',
    'peer_id',
  ],
  ['peer_id of 0 bytes', ANNOUNCE + query({ peer_id: '' }), 'peer_id must be 20 bytes, got 0', 'peer_id'],
  ['missing port', ANNOUNCE + query({ port: null }), 'missing port', 'port'],
  ['port 0', ANNOUNCE + query({ port: '0' }), 'port must be between 1 and 65535', 'port'],
  ['port 65536', ANNOUNCE + query({ port: '65536' }), 'port is too large (at most 65535)', 'port'],
  ['port abc', ANNOUNCE + query({ port: 'abc' }), 'port must be a whole number, got "abc"', 'port'],
  ['negative uploaded', ANNOUNCE + query({ uploaded: '-1' }), 'uploaded must not be negative', 'uploaded'],
  [
    'non-numeric downloaded',
    ANNOUNCE + query({ downloaded: '12x' }),
    'downloaded must be a whole number, got "12x"',
    'downloaded',
  ],
  ['left with 17 digits', ANNOUNCE + query({ left: '12345678901234567' }), 'left is too large', 'left'],
  [
    'left above 2^53 − 1',
    ANNOUNCE + query({ left: '9007199254740992' }),
    'left is too large (at most 9007199254740991)',
    'left',
  ],
  ['unknown event foo', ANNOUNCE + query({ event: 'foo' }), 'unknown event "foo"', 'event'],
  ['port twice', ANNOUNCE + query({}, '&port=6882'), 'duplicate parameter: port', 'port'],
  [
    'info_hash twice',
    ANNOUNCE + query({}, `&info_hash=${IH}`),
    'duplicate parameter: info_hash',
    'info_hash',
  ],
  [
    'malformed percent-encoding',
    ANNOUNCE + query({ info_hash: '%G1' + IH.slice(3) }),
    'malformed percent-encoding in info_hash',
    'info_hash',
  ],
  ['a truncated escape', ANNOUNCE + query({}, '&key=ab%4'), 'malformed percent-encoding in key', 'key'],
  ['compact=2', ANNOUNCE + query({ compact: '2' }), 'compact must be 0 or 1, got "2"', 'compact'],
  ['negative numwant', ANNOUNCE + query({ numwant: '-5' }), 'numwant must not be negative', 'numwant'],
  [
    'numwant above the cap on parsing',
    ANNOUNCE + query({ numwant: '1000001' }),
    'numwant is too large (at most 1000000)',
    'numwant',
  ],
  [
    'no_peer_id=yes',
    ANNOUNCE + query({ no_peer_id: 'yes' }),
    'no_peer_id must be 0 or 1, got "yes"',
    'no_peer_id',
  ],
  [
    'a key of 65 bytes',
    ANNOUNCE + query({ key: 'k'.repeat(65) }),
    'key is too long (at most 64 bytes)',
    'key',
  ],
  ['negative corrupt', ANNOUNCE + query({ corrupt: '-3' }), 'corrupt must not be negative', 'corrupt'],
  ['unknown passkey', '/nosuchkey/announce?' + query(), 'unknown passkey', 'passkey'],
  [
    'missing passkey in private mode',
    '/announce?' + query(),
    'this tracker is private: announce with your passkey (/<passkey>/announce)',
    'passkey',
  ],
  [
    'scrape without info_hash',
    '/alicekey/scrape',
    'missing info_hash (full scrapes are not offered)',
    'info_hash',
  ],
  [
    'scrape of 101 torrents',
    scrapeTarget(
      Array.from({ length: 101 }, (_, i) => id20(`t${i}`)),
      '/alicekey/scrape',
    ),
    'too many info_hash values (at most 100)',
    'info_hash',
  ],
];

function swarm() {
  const t = testTracker({ private: true }, [{ passkey: 'alicekey', name: 'alice' }]);
  t.announce(
    { peerId: id20('-TR1320-already-here'), passkey: 'alicekey', event: 'started' },
    { ip: '10.0.0.1' },
  );
  return t;
}

describe('bad announce and scrape parameters', () => {
  it.each(cases)('%s', (_what, target, reason, field) => {
    const t = swarm();
    const before = t.tracker.stats();
    const count = t.events.length;
    const reply = t.get(target, { ip: '10.0.0.2', now: 1000 });
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual(bytesOf(`d14:failure reason${reason.length}:${reason}e`));
    const after = t.events.slice(count);
    expect(after.map((e) => e.type)).toEqual(['requestReceived', 'requestFailed', 'responseSent']);
    expect(after[1]).toMatchObject({ type: 'requestFailed', status: 200, reason, field });
    expect(t.tracker.stats()).toEqual(before);
  });

  it('the valid query the table starts from is accepted', () => {
    const t = swarm();
    t.get(ANNOUNCE + query({ event: 'started' }), { ip: '10.0.0.2' });
    expect(t.eventsOf('peerAdded')).toHaveLength(2);
    expect(t.eventsOf('requestFailed')).toEqual([]);
  });
});

describe('HTTP-level errors', () => {
  it('answers an unknown path with 404', () => {
    const t = swarm();
    const reply = t.get('/announce.php?' + query());
    expect(reply.status).toBe(404);
    expect(reply.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(new TextDecoder().decode(reply.body)).toBe('not found: /announce.php\n');
    expect(t.eventsOf('requestFailed').at(-1)).toMatchObject({ status: 404, field: null });
  });

  it('answers a passkey path with 404 when the tracker is not private', () => {
    const t = testTracker();
    expect(t.get('/alicekey/announce?' + query()).status).toBe(404);
  });

  it('answers POST with 405 and an Allow header', () => {
    const t = swarm();
    const reply = t.get(ANNOUNCE + query(), { method: 'POST' });
    expect(reply.status).toBe(405);
    expect(reply.headers.allow).toBe('GET, HEAD');
    expect(t.eventsOf('peerAdded')).toHaveLength(1);
  });

  it('answers a request target over 8192 bytes with 414, and takes one of exactly 8192', () => {
    const t = swarm();
    const base = ANNOUNCE + query() + '&pad=';
    const exact = base + 'x'.repeat(8192 - base.length);
    expect(exact).toHaveLength(8192);
    expect(t.get(exact).status).toBe(200);
    expect(t.eventsOf('peerAdded')).toHaveLength(2);
    const reply = t.get(exact + 'x');
    expect(reply.status).toBe(414);
    expect(new TextDecoder().decode(reply.body)).toBe('request target longer than 8192 bytes\n');
  });

  it('serves /stats.json to loopback only by default: 403 for 10.0.0.5', () => {
    const t = swarm();
    const denied = t.get('/stats.json', { ip: '10.0.0.5' });
    expect(denied.status).toBe(403);
    expect(new TextDecoder().decode(denied.body)).toBe('stats are served to loopback clients only\n');
    for (const ip of ['127.0.0.1', '::1', '::ffff:127.0.0.1']) {
      const allowed = t.get('/stats.json', { ip });
      expect(allowed.status).toBe(200);
      expect(allowed.headers['content-type']).toBe('application/json');
      expect(JSON.parse(new TextDecoder().decode(allowed.body))).toEqual(t.tracker.stats());
    }
    const anyone = testTracker({ statsAccess: 'anyone' });
    expect(anyone.get('/stats.json?peers=0', { ip: '10.0.0.5' }).status).toBe(200);
  });
});
