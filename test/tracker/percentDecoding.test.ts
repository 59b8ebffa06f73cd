// info_hash and peer_id are 20 raw bytes, percent-encoded (BEP 3). Every byte value 0..255 must come
// back exactly, whatever escape case the client uses and whichever safe characters it leaves raw.
import { describe, expect, it } from 'vitest';
import { parseQuery, percentDecode } from '../../electron/tracker/http/query';
import { hexOf, testTracker } from './helpers';

/** 13 values × 20 bytes = 260 bytes: value k holds bytes 20k..20k+19 (mod 256), so 0..255 all appear. */
const infoHashes = Array.from({ length: 13 }, (_, k) =>
  Uint8Array.from({ length: 20 }, (_, i) => (k * 20 + i) % 256),
);
/** The same bytes in descending order, so each peer_id differs from its info_hash. */
const peerIds = Array.from({ length: 13 }, (_, k) =>
  Uint8Array.from({ length: 20 }, (_, i) => 255 - ((k * 20 + i) % 256)),
);

const escape = (b: number, upper: boolean): string => {
  const hex = b.toString(16).padStart(2, '0');
  return '%' + (upper ? hex.toUpperCase() : hex);
};
/** Characters clients are seen to leave unescaped: RFC 3986 unreserved plus `!()*[]:`. */
const LEFT_RAW = /^[A-Za-z0-9!()*.\-_~[\]:]$/;

const encodings: [string, (bytes: Uint8Array) => string][] = [
  ['every byte escaped, upper-case hex', (bytes) => [...bytes].map((b) => escape(b, true)).join('')],
  ['every byte escaped, lower-case hex', (bytes) => [...bytes].map((b) => escape(b, false)).join('')],
  [
    'safe characters left raw, the rest escaped',
    (bytes) =>
      [...bytes]
        .map((b) => (LEFT_RAW.test(String.fromCharCode(b)) ? String.fromCharCode(b) : escape(b, b % 2 === 0)))
        .join(''),
  ],
];

describe('percent-decoding of info_hash and peer_id', () => {
  it('the test values cover every byte value 0..255 in both parameters', () => {
    expect(new Set(infoHashes.flatMap((h) => [...h])).size).toBe(256);
    expect(new Set(peerIds.flatMap((h) => [...h])).size).toBe(256);
  });

  it('the raw-character encoding really leaves !()*.-_~[]: letters and digits unescaped', () => {
    const encode = encodings[2]![1];
    const all = infoHashes.map(encode).join('');
    for (const ch of '!()*.-_~[]:AZaz09') expect(all).toContain(ch);
    expect(all).not.toContain('%41'); // 'A' travels raw
  });

  it.each(encodings)('decodes every byte exactly: %s', (_name, encode) => {
    const t = testTracker();
    for (let k = 0; k < 13; k++) {
      const target =
        `/announce?info_hash=${encode(infoHashes[k]!)}&peer_id=${encode(peerIds[k]!)}` +
        '&port=6881&uploaded=0&downloaded=0&left=0';
      const reply = t.get(target, { now: k });
      expect(new TextDecoder().decode(reply.body)).not.toContain('failure reason');
    }
    const received = t.eventsOf('announceReceived');
    expect(received.map((e) => e.infoHash)).toEqual(infoHashes.map(hexOf));
    expect(received.map((e) => e.peerId)).toEqual(peerIds.map(hexOf));
    expect(t.tracker.stats().torrents.map((s) => s.infoHash)).toEqual(infoHashes.map(hexOf).sort());
  });

  it('gives the same peer back byte for byte in the dict form (compact=0)', () => {
    const t = testTracker();
    const encode = encodings[2]![1];
    const own = `&port=6881&uploaded=0&downloaded=0&left=0`;
    t.get(`/announce?info_hash=${encode(infoHashes[0]!)}&peer_id=${encode(peerIds[5]!)}${own}`);
    const reply = t.get(
      `/announce?info_hash=${encode(infoHashes[0]!)}&peer_id=${encode(peerIds[6]!)}${own}&compact=0`,
      { ip: '10.0.0.2' },
    );
    const needle = Buffer.concat([Buffer.from('7:peer id20:', 'latin1'), Buffer.from(peerIds[5]!)]);
    expect(Buffer.from(reply.body).includes(needle)).toBe(true);
  });
});

describe('query parsing (electron/tracker/http/query.ts)', () => {
  const decoded = (text: string, start?: number, end?: number): number[] | null => {
    const out = percentDecode(text, start, end);
    return out === null ? null : [...out];
  };

  it('decodes upper- and lower-case escapes to the same byte', () => {
    expect(decoded('%D9%d9%0a%0A%ff%FF%00')).toEqual([0xd9, 0xd9, 0x0a, 0x0a, 0xff, 0xff, 0x00]);
  });

  it('keeps raw characters as their byte values', () => {
    expect(decoded('Zq!~[]:')).toEqual([0x5a, 0x71, 0x21, 0x7e, 0x5b, 0x5d, 0x3a]);
  });

  it('reads + as a space (form encoding) and %2B as a plus', () => {
    expect(decoded('a+b')).toEqual([0x61, 0x20, 0x62]);
    expect(decoded('%2B')).toEqual([0x2b]);
  });

  it('refuses a non-hex escape such as %G1', () => {
    expect(decoded('%G1')).toBeNull();
    expect(decoded('%1G')).toBeNull();
    expect(decoded('%%41')).toBeNull();
  });

  it('refuses an escape cut short at the end: %4 and a lone %', () => {
    expect(decoded('abc%4')).toBeNull();
    expect(decoded('%')).toBeNull();
  });

  it('decodes only the range asked for, and refuses an escape that crosses its end', () => {
    expect(decoded('x%41y', 1, 4)).toEqual([0x41]);
    expect(decoded('x%41y', 1, 3)).toBeNull();
    expect(decoded('x%41y', 4, 5)).toEqual([0x79]);
  });

  it('refuses characters that are not bytes', () => {
    expect(decoded('a\u0100')).toBeNull();
  });

  const params = (query: string) => {
    const result = parseQuery(query);
    if (!result.ok) throw new Error(result.reason);
    return result.params.map((p) => [p.name, Buffer.from(p.value).toString('latin1')]);
  };

  it('skips empty pieces and keeps parameters in order, repeats included', () => {
    expect(params('')).toEqual([]);
    expect(params('&&')).toEqual([]);
    expect(params('a=1&&b=2&')).toEqual([
      ['a', '1'],
      ['b', '2'],
    ]);
    expect(params('info_hash=x&info_hash=y')).toEqual([
      ['info_hash', 'x'],
      ['info_hash', 'y'],
    ]);
  });

  it('gives a name without = an empty value, and keeps = after the first inside the value', () => {
    expect(params('flag&x=&y=a=b')).toEqual([
      ['flag', ''],
      ['x', ''],
      ['y', 'a=b'],
    ]);
  });

  it('decodes names too', () => {
    expect(params('info%5Fhash=%41&peer+id=1')).toEqual([
      ['info_hash', 'A'],
      ['peer id', '1'],
    ]);
  });

  it('names the parameter whose value is malformed', () => {
    expect(parseQuery('port=1&info_hash=%G1')).toEqual({
      ok: false,
      reason: 'malformed percent-encoding in info_hash',
      field: 'info_hash',
    });
    expect(parseQuery('peer_id=abc%4')).toEqual({
      ok: false,
      reason: 'malformed percent-encoding in peer_id',
      field: 'peer_id',
    });
  });

  it('reports a malformed name without a field', () => {
    expect(parseQuery('%ZZ=1')).toEqual({
      ok: false,
      reason: 'malformed percent-encoding in a parameter name',
      field: null,
    });
  });
});
