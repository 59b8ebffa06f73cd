// The torrents of a scenario, with info_hashes derived the way a real torrent's is: the SHA-1 of its
// bencoded info dictionary (here with a synthetic `pieces` field, since there is no real data).
import { createHash } from 'node:crypto';
import bencode from 'bencode';
import { fromHex, toHex } from '../../shared/bytes';
import type { Scenario } from '../../shared/sim/scenario';
import type { SimTorrent } from './context';

export function infoHashFor(name: string, size: number, pieceSize: number): Uint8Array {
  const pieces = Math.ceil(size / pieceSize);
  const info = {
    length: size,
    name,
    'piece length': pieceSize,
    // 20 bytes per piece, as in a real info dict; derived from the name so it is stable.
    pieces: createHash('sha256')
      .update(`tracker-lab:${name}:${size}:${pieceSize}:${pieces}`)
      .digest()
      .subarray(0, 20),
  };
  return new Uint8Array(createHash('sha1').update(bencode.encode(info)).digest());
}

export function scenarioTorrents(scenario: Scenario): SimTorrent[] {
  return scenario.torrents.map((t, index) => {
    const name = t.name ?? `${t.id}.bin`;
    const infoHash = t.infoHash === undefined ? infoHashFor(name, t.size, t.pieceSize) : fromHex(t.infoHash);
    return {
      index,
      id: t.id,
      name,
      infoHash,
      infoHashHex: toHex(infoHash),
      size: t.size,
      pieceSize: t.pieceSize,
      pieces: Math.ceil(t.size / t.pieceSize),
    };
  });
}
