// peer_id → client and version, for the conventions real clients follow (BEP 20, clients.cc).
import { describe, expect, it } from 'vitest';
import { decodePeerId, decodePeerIdHex, peerIdLabel } from '../../shared/peerId';

/** A 20-byte peer_id: the prefix, then filler. */
function id(prefix: string, fill = 'x'): Uint8Array {
  return Uint8Array.from(Buffer.from(prefix.padEnd(20, fill), 'latin1'));
}

describe('decodePeerId', () => {
  it.each([
    ['-TR3000-', 'Transmission', '3.00'],
    ['-TR1320-', 'Transmission', '1.32'],
    ['-TR294Z-', 'Transmission', '2.94+'],
    ['-TR0072-', 'Transmission', '0.72'],
    ['-TR0006-', 'Transmission', '0.6'],
    ['-TR4050-', 'Transmission', '4.0.5'],
    ['-TR410B-', 'Transmission', '4.1.0 beta'],
    ['-qB4520-', 'qBittorrent', '4.5.2'],
    ['-qBA010-', 'qBittorrent', '10.0.1'],
    ['-UT355W-', 'µTorrent', '3.5.5'],
    ['-UT220B-', 'µTorrent', '2.2.0 beta'],
    ['-DE13F0-', 'Deluge', '1.3.15'],
    ['-DE2110-', 'Deluge', '2.1.1'],
    ['-LT1270-', 'libtorrent (Rasterbar)', '1.2.7'],
    ['-lt0D80-', 'libTorrent (rakshasa)', '0.13.8'],
    ['-AZ5750-', 'Vuze', '5.7.5'],
    ['-AZ2306-', 'Vuze', '2.3.0.6'],
    ['-BT7a0S-', 'BitTorrent', '7.10.0'],
    ['-KT4130-', 'KTorrent', '4.1.3'],
    ['-KT23D1-', 'KTorrent', '2.3 dev 1'],
    ['-BC0150-', 'BitComet', '1.50'],
    ['-ZZ1234-', 'ZZ', '1.2.3.4'],
  ])('%s is %s %s (Azureus style)', (prefix, client, version) => {
    expect(decodePeerId(id(prefix))).toEqual({ client, version, style: 'azureus' });
  });

  it.each([
    ['S58B-----', 'Shadow', '5.8.11'],
    ['T03I-----', 'BitTornado', '0.3.18'],
    ['A310-----', 'ABC', '3.1.0'],
    ['R0.5-----', 'Tribler', '0.62.5'],
  ])('%s is %s %s (Shadow style)', (prefix, client, version) => {
    expect(decodePeerId(id(prefix, 'Z'))).toEqual({ client, version, style: 'shadow' });
  });

  it('decodes Bram’s mainline style and aria2', () => {
    expect(decodePeerId(id('M4-3-6--'))).toEqual({ client: 'Mainline', version: '4.3.6', style: 'mainline' });
    expect(decodePeerId(id('M4-20-8-'))).toEqual({
      client: 'Mainline',
      version: '4.20.8',
      style: 'mainline',
    });
    expect(decodePeerId(id('A2-1-36-0-'))).toEqual({ client: 'aria2', version: '1.36.0', style: 'mainline' });
  });

  it('a known client with unreadable version characters keeps its name and no version', () => {
    expect(decodePeerId(id('-TR3%%0-'))).toEqual({ client: 'Transmission', version: '', style: 'azureus' });
  });

  it('binary bytes, the wrong length and unknown conventions decode to unknown', () => {
    const unknown = { client: 'unknown', version: '', style: 'unknown' };
    expect(decodePeerId(Uint8Array.from({ length: 20 }, (_, i) => (i * 37 + 200) & 0xff))).toEqual(unknown);
    expect(decodePeerId(new Uint8Array(20))).toEqual(unknown);
    expect(decodePeerId(id('-TR3000-').subarray(0, 19))).toEqual(unknown);
    expect(decodePeerId(new Uint8Array(0))).toEqual(unknown);
    expect(decodePeerId(id('hello world, peers!!'))).toEqual(unknown);
    // A dash-framed prefix whose code is not two letters or digits.
    expect(decodePeerId(id('-\u0001\u00023000-'))).toEqual(unknown);
  });

  it('decodes from hex, and labels the result', () => {
    const hex = Buffer.from('-TR3000-abcdefghijkl', 'latin1').toString('hex');
    expect(decodePeerIdHex(hex)).toEqual({ client: 'Transmission', version: '3.00', style: 'azureus' });
    expect(peerIdLabel(decodePeerIdHex(hex))).toBe('Transmission 3.00');
    expect(decodePeerIdHex('zz')).toEqual({ client: 'unknown', version: '', style: 'unknown' });
    expect(decodePeerIdHex(hex.slice(2))).toEqual({ client: 'unknown', version: '', style: 'unknown' });
    expect(peerIdLabel(decodePeerIdHex('00'.repeat(20)))).toBe('unknown client');
    expect(peerIdLabel({ client: 'Transmission', version: '', style: 'azureus' })).toBe('Transmission');
  });
});
