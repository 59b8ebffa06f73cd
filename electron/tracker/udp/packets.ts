// BEP 15 packets, byte by byte. Every value is big-endian. Requests are decoded here into what the
// protocol core reads (an AnnounceRequest, a list of info_hashes); answers are encoded here. No
// sockets, no tracker state: a packet that fails to decode changes nothing.
import type { AnnounceEventName } from '../../../shared/tracker/events';
import type { CompactPeers } from '../peerView';
import type { AnnounceRequest, Parsed } from '../request';
import { reject } from '../request';
import { parseAnnounceOptions, passkeyOfUrlData } from './options';

export const Action = { Connect: 0, Announce: 1, Scrape: 2, Error: 3 } as const;

/** BEP 15: connection_id (8), action (4), transaction_id (4) open every request. */
export const HEADER_BYTES = 16;
/** The fixed part of an announce; BEP 41 options may follow. */
export const ANNOUNCE_BYTES = 98;
/** BEP 15: "up to about 74 torrents can be scraped at once" (74 × 20 + 16 = 1,496 bytes). */
export const MAX_SCRAPE_HASHES = 74;
/**
 * Longer packets are refused: a scrape of 74 hashes is 1,496 bytes and an announce with BEP 41
 * URLData carrying a path and a query stays well below this.
 */
export const MAX_PACKET_BYTES = 2048;
/** The largest UDP payload over IPv4; an answer must fit in one datagram. */
export const MAX_DATAGRAM_BYTES = 65_507;
export const ANNOUNCE_ANSWER_HEADER_BYTES = 20;

/** The magic connection_id of a connect request: 0x41727101980 (BEP 15). */
const PROTOCOL_ID_HI = 0x417;
const PROTOCOL_ID_LO = 0x27101980;

/**
 * BEP 15 numbers the events 0 none, 1 completed, 2 started, 3 stopped. 4 is `paused`, as
 * bittorrent-tracker reads it (lib/server/parse-udp.js); the tracker's `pausedHandling` decides.
 */
export const UDP_EVENTS: readonly AnnounceEventName[] = ['none', 'completed', 'started', 'stopped', 'paused'];

export interface PacketHeader {
  /** A view of the first 8 bytes. */
  connectionId: Uint8Array;
  action: number;
  transactionId: number;
}

export function u32(bytes: Uint8Array, at: number): number {
  return ((bytes[at]! << 24) | (bytes[at + 1]! << 16) | (bytes[at + 2]! << 8) | bytes[at + 3]!) >>> 0;
}

function i32(bytes: Uint8Array, at: number): number {
  return u32(bytes, at) | 0;
}

function writeU32(out: Uint8Array, at: number, value: number): void {
  out[at] = value >>> 24;
  out[at + 1] = (value >>> 16) & 0xff;
  out[at + 2] = (value >>> 8) & 0xff;
  out[at + 3] = value & 0xff;
}

/**
 * A copy of `bytes[from, to)`. Not `bytes.slice`: on a Buffer (what node:dgram delivers) that is a
 * view, and the core keeps info_hashes, so a view would keep the whole datagram alive.
 */
function copy(bytes: Uint8Array, from: number, to: number): Uint8Array {
  const out = new Uint8Array(to - from);
  out.set(bytes.subarray(from, to));
  return out;
}

/** The header of a packet of at least HEADER_BYTES. */
export function readHeader(bytes: Uint8Array): PacketHeader {
  return {
    connectionId: bytes.subarray(0, 8),
    action: u32(bytes, 8),
    transactionId: u32(bytes, 12),
  };
}

export function isProtocolId(connectionId: Uint8Array): boolean {
  return u32(connectionId, 0) === PROTOCOL_ID_HI && u32(connectionId, 4) === PROTOCOL_ID_LO;
}

/** A 64-bit count (downloaded, left, uploaded): non-negative and at most 2^53 − 1, as over HTTP. */
function count64(name: string, bytes: Uint8Array, at: number): Parsed<number> {
  const hi = i32(bytes, at);
  if (hi < 0) return reject(`${name} must not be negative`, name);
  if (hi > 0x1fffff) return reject(`${name} is too large`, name);
  return { ok: true, value: hi * 2 ** 32 + u32(bytes, at + 4) };
}

/** An announce decoded, with where its passkey came from (for rendering it as a request target). */
export interface UdpAnnounce {
  request: AnnounceRequest;
  /** The passkey as the first path segment of the BEP 41 URLData (`/<passkey>/announce`). */
  pathPasskey: string | null;
  /** The `passkey` parameter of the URLData's query. */
  queryPasskey: string | null;
}

/**
 * The announce request (BEP 15): info_hash at 16, peer_id at 36, downloaded at 56, left at 64,
 * uploaded at 72, event at 80, IP address at 84, key at 88, num_want at 92, port at 96, then BEP 41
 * options at 98. The caller has checked the length.
 */
export function decodeAnnounce(bytes: Uint8Array): Parsed<UdpAnnounce> {
  const downloaded = count64('downloaded', bytes, 56);
  if (!downloaded.ok) return downloaded;
  const left = count64('left', bytes, 64);
  if (!left.ok) return left;
  const uploaded = count64('uploaded', bytes, 72);
  if (!uploaded.ok) return uploaded;
  const eventNumber = u32(bytes, 80);
  const event = UDP_EVENTS[eventNumber];
  if (event === undefined) {
    return reject(
      `unknown event ${eventNumber} (0 none, 1 completed, 2 started, 3 stopped, 4 paused)`,
      'event',
    );
  }
  const port = (bytes[96]! << 8) | bytes[97]!;
  if (port === 0) return reject('port must be between 1 and 65535', 'port');
  // IP address: 0 means "the packet's source address" (BEP 15); honoured only with trustIpParam.
  const ip = u32(bytes, 84) === 0 ? null : `${bytes[84]}.${bytes[85]}.${bytes[86]}.${bytes[87]}`;
  // num_want: −1 (BEP 15's default), or any negative value, leaves it to the tracker.
  const numwant = i32(bytes, 92);

  const options = parseAnnounceOptions(bytes, ANNOUNCE_BYTES);
  if (!options.ok) return options;
  const passkeys = passkeyOfUrlData(options.value.urlData);
  if (!passkeys.ok) return passkeys;
  const { pathPasskey, queryPasskey } = passkeys.value;
  if (pathPasskey !== null && queryPasskey !== null && pathPasskey !== queryPasskey) {
    return reject('the passkey in the path and the passkey parameter differ', 'passkey');
  }
  return {
    ok: true,
    value: {
      request: {
        infoHash: copy(bytes, 16, 36),
        peerId: copy(bytes, 36, 56),
        port,
        uploaded: uploaded.value,
        downloaded: downloaded.value,
        left: left.value,
        corrupt: null,
        event,
        numwant: numwant < 0 ? null : numwant,
        compact: null, // BEP 15 answers are always compact; null lets the core default to that
        noPeerId: false,
        key: copy(bytes, 88, 92), // u32, passed on as its 4 big-endian bytes
        trackerId: null,
        ip,
        passkey: pathPasskey ?? queryPasskey,
      },
      pathPasskey,
      queryPasskey,
    },
  };
}

/** The info_hashes of a scrape whose length is 16 + 20·n (checked by the caller). */
export function decodeScrapeHashes(bytes: Uint8Array): Uint8Array[] {
  const hashes: Uint8Array[] = [];
  for (let at = HEADER_BYTES; at + 20 <= bytes.length; at += 20) hashes.push(copy(bytes, at, at + 20));
  return hashes;
}

/** Connect response: action 0, transaction_id, connection_id. */
export function encodeConnect(transactionId: number, connectionId: Uint8Array): Uint8Array {
  const out = new Uint8Array(16);
  writeU32(out, 0, Action.Connect);
  writeU32(out, 4, transactionId);
  out.set(connectionId, 8);
  return out;
}

export interface UdpAnnounceAnswer {
  interval: number;
  leechers: number;
  seeders: number;
  peers: CompactPeers;
}

/**
 * Announce response: action 1, transaction_id, interval, leechers, seeders, then the peers of the
 * packet's family: 6 bytes each over IPv4, 18 over IPv6 (BEP 15). The core was asked for that
 * family only, so the other list is empty.
 */
export function encodeAnnounce(transactionId: number, answer: UdpAnnounceAnswer, family: 4 | 6): Uint8Array {
  const { peers } = answer;
  const head = ANNOUNCE_ANSWER_HEADER_BYTES;
  const out = new Uint8Array(head + peers.bytes4 + peers.bytes6);
  writeU32(out, 0, Action.Announce);
  writeU32(out, 4, transactionId);
  writeU32(out, 8, answer.interval);
  writeU32(out, 12, answer.leechers);
  writeU32(out, 16, answer.seeders);
  peers.writeInto(out, head, head + peers.bytes4);
  return family === 4
    ? out.subarray(0, head + peers.bytes4)
    : out.copyWithin(head, head + peers.bytes4).subarray(0, head + peers.bytes6);
}

export interface UdpScrapeCounts {
  seeders: number;
  completed: number;
  leechers: number;
}

/** Scrape response: action 2, transaction_id, then seeders, completed, leechers per info_hash. */
export function encodeScrape(transactionId: number, counts: readonly UdpScrapeCounts[]): Uint8Array {
  const out = new Uint8Array(8 + 12 * counts.length);
  writeU32(out, 0, Action.Scrape);
  writeU32(out, 4, transactionId);
  let at = 8;
  for (const c of counts) {
    writeU32(out, at, c.seeders);
    writeU32(out, at + 4, c.completed);
    writeU32(out, at + 8, c.leechers);
    at += 12;
  }
  return out;
}

/** Error response: action 3, transaction_id, the message (UTF-8, to the end of the packet). */
export function encodeError(transactionId: number, message: string): Uint8Array {
  const text = new TextEncoder().encode(message);
  const out = new Uint8Array(8 + text.length);
  writeU32(out, 0, Action.Error);
  writeU32(out, 4, transactionId);
  out.set(text, 8);
  return out;
}
