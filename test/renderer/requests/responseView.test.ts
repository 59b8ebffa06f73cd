// Answers decoded: bencode into a tree that keeps every byte, compact peers into ip:port entries,
// the returned peers named with the reason each was chosen, and the raw bytes as hex.
import { describe, expect, test } from 'vitest';
import { asciiBytes, fromHex } from '../../../shared/bytes';
import { compactPeers, decodeBencode, readableTree } from '../../../shared/views/bencodeTree';
import { describeResponse, hexDump } from '../../../shared/views/responseView';
import { SEED_INFO_HASH, SwarmLog } from '../truth/swarmLog';

function bytesOf(...parts: (string | number[])[]): Uint8Array {
  const out: number[] = [];
  for (const p of parts) out.push(...(typeof p === 'string' ? asciiBytes(p) : p));
  return Uint8Array.from(out);
}

describe('compact peers', () => {
  test('6 bytes per IPv4 peer: address then port, network order (BEP 23)', () => {
    const b = Uint8Array.of(127, 10, 0, 2, 0xc8, 0xd5, 10, 0, 0, 1, 0x1a, 0xe1);
    expect(compactPeers(b, 4)).toEqual([
      { ip: '127.10.0.2', port: 51413 },
      { ip: '10.0.0.1', port: 6881 },
    ]);
  });

  test('18 bytes per IPv6 peer, the address written per RFC 5952 (BEP 7)', () => {
    const b = Uint8Array.of(...fromHex('20010db8000000000000000000000001'), 0x1a, 0xe1);
    expect(compactPeers(b, 6)).toEqual([{ ip: '2001:db8::1', port: 6881 }]);
  });

  test('a length that is not a whole number of peers is not split', () => {
    expect(compactPeers(Uint8Array.of(1, 2, 3, 4, 5), 4)).toBeNull();
  });
});

describe('bencode tree', () => {
  test('an announce answer: integers, and peers/peers6 split into entries', () => {
    const body = bytesOf(
      'd8:completei1e10:incompletei2e8:intervali900e5:peers6:',
      [127, 10, 0, 2, 0xc8, 0xd5],
      '6:peers618:',
      [...fromHex('fe800000000000000000000000000001'), 0, 80],
      '15:warning message3:hi!e',
    );
    const decoded = decodeBencode(body);
    if (!decoded.ok) throw new Error(decoded.error);
    const tree = readableTree(decoded.value);
    expect(tree.kind).toBe('dict');
    expect(tree.children.map((c) => [c.label, c.kind, c.value])).toEqual([
      ['complete', 'int', '1'],
      ['incomplete', 'int', '2'],
      ['interval', 'int', '900'],
      ['peers', 'peers', '7f0a0002c8d5'],
      ['peers6', 'peers', 'fe80000000000000000000000000000100' + '50'],
      ['warning message', 'text', 'hi!'],
    ]);
    expect(tree.children[3]!.peers).toEqual([{ ip: '127.10.0.2', port: 51413 }]);
    expect(tree.children[4]!.peers).toEqual([{ ip: 'fe80::1', port: 80 }]);
  });

  test('a scrape’s files are keyed by raw info hashes: shown as hex, never as text', () => {
    const hash = fromHex('d9a57bb40e1e5af971530d38b0bf269f740f92f3');
    const body = bytesOf('d5:filesd20:', [...hash], 'd8:completei5eeee');
    const decoded = decodeBencode(body);
    if (!decoded.ok) throw new Error(decoded.error);
    const files = readableTree(decoded.value).children[0]!;
    expect(files.children[0]).toMatchObject({
      label: 'd9a57bb40e1e5af971530d38b0bf269f740f92f3',
      labelIsHex: true,
    });
    expect(files.children[0]!.children[0]).toMatchObject({ label: 'complete', value: '5' });
  });

  test('binary strings are hex, big integers keep their digits, bad input names the byte', () => {
    const decoded = decodeBencode(bytesOf('l2:', [0, 0xff], 'i123456789012345678901234ee'));
    if (!decoded.ok) throw new Error(decoded.error);
    const tree = readableTree(decoded.value);
    expect(tree.children.map((c) => [c.label, c.kind, c.value])).toEqual([
      ['[0]', 'hex', '00ff'],
      ['[1]', 'int', '123456789012345678901234'],
    ]);
    expect(decodeBencode(asciiBytes('d3:abc'))).toEqual({
      ok: false,
      error: 'unexpected end of data',
      offset: 6,
    });
    expect(decodeBencode(asciiBytes('i01e'))).toMatchObject({ ok: false, error: 'bad integer "01"' });
    expect(decodeBencode(asciiBytes('i1ex'))).toMatchObject({
      ok: false,
      error: 'trailing bytes after the value',
    });
  });
});

test('hex dump: offset, 16 bytes in two groups, printable characters', () => {
  expect(hexDump(asciiBytes('d8:completei1e10:downloadedi0e'))).toEqual([
    '0000  64 38 3a 63 6f 6d 70 6c  65 74 65 69 31 65 31 30  |d8:completei1e10|',
    '0010  3a 64 6f 77 6e 6c 6f 61  64 65 64 69 30 65        |:downloadedi0e|',
  ]);
});

test('the returned peers are named through the model, with the reason each was chosen', () => {
  const log = new SwarmLog().client('seeder', { left: 0 }).client('you');
  log.announce('seeder', { event: 'started', left: 0 });
  const id = log.announce('you', { event: 'started', returns: [{ name: 'seeder', reason: 'seeder-first' }] });
  const model = log.model();
  const view = describeResponse(model, model.request(id)!);
  expect(view.peers).toEqual([
    {
      position: 1,
      entry: 1,
      ip: '127.10.0.2',
      port: 51413,
      movedTo: null,
      client: 'seeder',
      seeder: true,
      reason: 'seeder-first',
      reasonText: 'a seeder, and seeders go first',
    },
  ]);
  expect(view.tree!.children.find((c) => c.label === 'peers')!.peers).toEqual([
    { ip: '127.10.0.2', port: 51413 },
  ]);
  expect(view.hexLines[0]).toBe('0000  64 38 3a 63 6f 6d 70 6c  65 74 65 69 30 65 31 30  |d8:completei0e10|');
  expect(view.status).toBe(200);
});

test('a peer that moved since the answer keeps the address the answer carried', () => {
  const log = new SwarmLog().client('seeder', { left: 0 }).client('you');
  log.announce('seeder', { event: 'started', left: 0 });
  const id = log.announce('you', { event: 'started', returns: [{ name: 'seeder', reason: 'random' }] });
  const seeder = log.clients.get('seeder')!;
  log.push({
    type: 'peerChanged',
    t: 1000,
    requestId: 9,
    entry: 1,
    infoHash: SEED_INFO_HASH,
    peerId: seeder.peerId,
    ip: '10.1.1.1',
    port: 6881,
    seeder: true,
    paused: false,
    change: 'moved',
  });
  const model = log.model();
  expect(describeResponse(model, model.request(id)!).peers[0]).toMatchObject({
    ip: '127.10.0.2',
    port: 51413,
    movedTo: '10.1.1.1:6881',
    client: 'seeder',
  });
});
