// The request log's reading of UDP answers (BEP 15), checked against the tracker's own encoder.
import { describe, expect, it } from 'vitest';
import { decodeUdpResponse } from '../../shared/views/udpPacket';
import { encodeConnect, encodeError, encodeScrape } from '../../electron/tracker/udp/packets';

const bytes = (...values: number[]) => Uint8Array.from(values);

describe('UDP answers in the request log', () => {
  it('an announce answer: interval, leechers, seeders and 6-byte peers over IPv4', () => {
    const packet = bytes(
      0,
      0,
      0,
      1,
      0xde,
      0xad,
      0xbe,
      0xef,
      0,
      0,
      7,
      8,
      0,
      0,
      0,
      2,
      0,
      0,
      0,
      1,
      127,
      10,
      0,
      2,
      0xc8,
      0xd5,
    );
    const r = decodeUdpResponse(packet, 4);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.tree.children.map((c) => [c.label, c.value])).toEqual([
      ['action', '1 (announce)'],
      ['transaction_id', 'deadbeef'],
      ['interval', '1800'],
      ['leechers', '2'],
      ['seeders', '1'],
      ['peers', '7f0a0002c8d5'],
    ]);
    expect(r.tree.children[5]!.peers).toEqual([{ ip: '127.10.0.2', port: 51413 }]);
  });

  it('connect, scrape and error answers from the tracker’s own encoder', () => {
    const connect = decodeUdpResponse(encodeConnect(7, bytes(1, 2, 3, 4, 5, 6, 7, 8)), 4);
    expect(connect.ok && connect.tree.children.map((c) => c.value)).toEqual([
      '0 (connect)',
      '00000007',
      '0102030405060708',
    ]);
    const scrape = decodeUdpResponse(encodeScrape(9, [{ seeders: 3, completed: 4, leechers: 5 }]), 4);
    expect(scrape.ok && scrape.tree.children[2]!.children.map((c) => [c.label, c.value])).toEqual([
      ['seeders', '3'],
      ['completed', '4'],
      ['leechers', '5'],
    ]);
    const error = decodeUdpResponse(encodeError(1, 'unknown passkey'), 4);
    expect(error.ok && error.tree.children[2]).toMatchObject({ label: 'message', value: 'unknown passkey' });
  });

  it('refuses what is not a BEP 15 answer, saying why', () => {
    expect(decodeUdpResponse(bytes(0, 0, 0), 4)).toEqual({
      ok: false,
      error: 'a UDP answer has at least 8 bytes, this one 3',
    });
    expect(decodeUdpResponse(bytes(0, 0, 0, 9, 0, 0, 0, 0), 4)).toEqual({
      ok: false,
      error: 'unknown action 9',
    });
    const ragged = bytes(0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3);
    expect(decodeUdpResponse(ragged, 4)).toEqual({
      ok: false,
      error: '3 bytes of peers is not a whole number of 6-byte entries',
    });
  });
});
