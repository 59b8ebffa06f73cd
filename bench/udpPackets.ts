// BEP 15 requests as the UDP load sends them, built from the benchmark population: the same peers
// (info_hash, peer_id, port, key, counters) the HTTP load announces, as binary packets. Like
// libtorrent (qBittorrent, Deluge), each announce carries the URL's path as BEP 41 URLData.
import { percentDecode } from '../electron/tracker/http/query';
import type { BenchPeer, Population } from './population';

export const ACTION_CONNECT = 0;
export const ACTION_ANNOUNCE = 1;
export const ACTION_ERROR = 3;
/** BEP 15 event numbers. */
export const UDP_EVENT = { none: 0, completed: 1, started: 2, stopped: 3 } as const;
export type UdpEventName = keyof typeof UDP_EVENT;

const URL_DATA = Buffer.from([0x2, 9, ...Buffer.from('/announce', 'latin1')]);
export const ANNOUNCE_PACKET_BYTES = 98 + URL_DATA.length;
const PROTOCOL_ID = Buffer.from([0x00, 0x00, 0x04, 0x17, 0x27, 0x10, 0x19, 0x80]);

/** The population's binary values, decoded once. */
export interface BinaryPopulation {
  infoHashes: Buffer[];
  peerIds: Buffer[];
  keys: Uint32Array;
}

function decoded(text: string, what: string): Buffer {
  const bytes = percentDecode(text);
  if (bytes === null || bytes.length !== 20) throw new Error(`population: bad ${what} ${text}`);
  return Buffer.from(bytes);
}

export function binaryPopulation(population: Population): BinaryPopulation {
  return {
    infoHashes: population.infoHashes.map((h) => decoded(h, 'info_hash')),
    peerIds: population.peers.map((p) => decoded(p.peerId, 'peer_id')),
    keys: Uint32Array.from(population.peers, (p) => parseInt(p.key, 16) >>> 0),
  };
}

export function connectPacket(out: Buffer, transactionId: number): Buffer {
  PROTOCOL_ID.copy(out, 0);
  out.writeUInt32BE(ACTION_CONNECT, 8);
  out.writeUInt32BE(transactionId >>> 0, 12);
  return out.subarray(0, 16);
}

function write64(out: Buffer, at: number, value: number): void {
  out.writeUInt32BE(Math.floor(value / 2 ** 32), at);
  out.writeUInt32BE(value >>> 0, at + 4);
}

export interface AnnounceCounters {
  uploaded: number;
  downloaded: number;
  left: number;
}

/** Writes peer `index`'s announce into `out` (ANNOUNCE_PACKET_BYTES long) and returns it. */
export function announcePacket(
  out: Buffer,
  connectionId: Buffer,
  transactionId: number,
  binary: BinaryPopulation,
  peer: BenchPeer,
  index: number,
  counters: AnnounceCounters,
  event: UdpEventName,
): Buffer {
  connectionId.copy(out, 0, 0, 8);
  out.writeUInt32BE(ACTION_ANNOUNCE, 8);
  out.writeUInt32BE(transactionId >>> 0, 12);
  binary.infoHashes[peer.torrent]!.copy(out, 16);
  binary.peerIds[index]!.copy(out, 36);
  write64(out, 56, counters.downloaded);
  write64(out, 64, counters.left);
  write64(out, 72, counters.uploaded);
  out.writeUInt32BE(UDP_EVENT[event], 80);
  out.writeUInt32BE(0, 84); // IP address: the sender's
  out.writeUInt32BE(binary.keys[index]!, 88);
  out.writeInt32BE(50, 92); // num_want, as the HTTP load asks
  out.writeUInt16BE(peer.port, 96);
  URL_DATA.copy(out, 98);
  return out.subarray(0, ANNOUNCE_PACKET_BYTES);
}
