// BEP 15 semantics on top of the protocol core, still without sockets: check the packet, the
// connection id, decode, call the same core as HTTP, encode the answer. Events mirror the HTTP
// router: requestReceived (transport 'udp', the packet rendered as the equivalent request target),
// the core's own events, then responseSent with the packet as its body, or requestFailed.
// UDP has no status line: 200 marks a packet sent back (an error packet too, as a bencoded
// `failure reason` is HTTP 200), 0 a packet dropped without an answer.
import { parseAddress, type PeerAddress } from '../address';
import { reject, type Parsed, type Rejection, type RequestContext } from '../request';
import { hex } from '../state';
import type { Tracker } from '../tracker';
import type { ConnectionIds } from './connectionIds';
import {
  Action,
  ANNOUNCE_ANSWER_HEADER_BYTES,
  ANNOUNCE_BYTES,
  decodeAnnounce,
  decodeScrapeHashes,
  encodeAnnounce,
  encodeConnect,
  encodeError,
  encodeScrape,
  HEADER_BYTES,
  isProtocolId,
  MAX_DATAGRAM_BYTES,
  MAX_PACKET_BYTES,
  MAX_SCRAPE_HASHES,
  readHeader,
  type PacketHeader,
  type UdpAnnounce,
} from './packets';
import { announceTarget, describe, scrapeTarget } from './target';

export interface UdpDatagram {
  bytes: Uint8Array;
  remoteIp: string;
  remotePort: number;
}

export interface UdpReply {
  /** The tracker's number for this request (events carry it). */
  requestId: number;
  /** The packet to send back to the sender, or null: the datagram is dropped unanswered. */
  packet: Uint8Array | null;
}

/** The `method` of a UDP request in the events, so the log reads `udp /announce?…`, `udp connect`. */
export const UDP_METHOD = 'udp';
export const SENT = 200;
export const DROPPED = 0;

/** What a datagram is, before the connection id is checked; `target` only when someone listens. */
type Classified =
  | { kind: 'drop'; reason: string; target: string }
  | { kind: 'refuse'; transactionId: number; rejection: Rejection; target: string }
  | { kind: 'connect'; transactionId: number; target: string }
  | { kind: 'announce'; header: PacketHeader; announce: Parsed<UdpAnnounce>; target: string }
  | { kind: 'scrape'; header: PacketHeader; infoHashes: Parsed<Uint8Array[]>; target: string };

function classify(bytes: Uint8Array, observed: boolean): Classified {
  const length = bytes.length;
  if (length < HEADER_BYTES) {
    return {
      kind: 'drop',
      reason: `dropped: a ${length}-byte packet has no transaction id to answer (the header is 16 bytes)`,
      target: describe.short(length),
    };
  }
  const header = readHeader(bytes);
  const transactionId = header.transactionId;
  if (length > MAX_PACKET_BYTES) {
    const rejection = {
      reason: `packet too long: ${length} bytes, at most ${MAX_PACKET_BYTES}`,
      field: null,
    };
    return { kind: 'refuse', transactionId, rejection, target: describe.oversized(length) };
  }
  switch (header.action) {
    case Action.Connect:
      if (!isProtocolId(header.connectionId)) {
        const rejection = { reason: 'connect without the protocol id 0x41727101980', field: 'connection_id' };
        return { kind: 'refuse', transactionId, rejection, target: describe.connect() };
      }
      return { kind: 'connect', transactionId, target: describe.connect() };
    case Action.Announce: {
      if (length < ANNOUNCE_BYTES) {
        const announce = reject(`announce too short: ${length} bytes, at least ${ANNOUNCE_BYTES}`);
        return { kind: 'announce', header, announce, target: describe.announce(length) };
      }
      const announce = decodeAnnounce(bytes);
      const target = !observed
        ? ''
        : announce.ok
          ? announceTarget(announce.value)
          : describe.announce(length);
      return { kind: 'announce', header, announce, target };
    }
    case Action.Scrape: {
      const count = (length - HEADER_BYTES) / 20;
      let infoHashes: Parsed<Uint8Array[]>;
      if (!Number.isInteger(count)) {
        infoHashes = reject(`scrape truncated: ${length} bytes is not 16 + 20 per info_hash`, 'info_hash');
      } else if (count > MAX_SCRAPE_HASHES) {
        infoHashes = reject(`too many info_hashes: ${count}, at most ${MAX_SCRAPE_HASHES}`, 'info_hash');
      } else {
        infoHashes = { ok: true, value: decodeScrapeHashes(bytes) };
      }
      const target = !observed
        ? ''
        : infoHashes.ok
          ? scrapeTarget(infoHashes.value)
          : describe.scrape(length);
      return { kind: 'scrape', header, infoHashes, target };
    }
    default: {
      const rejection = { reason: `unknown action ${header.action}`, field: 'action' };
      return { kind: 'refuse', transactionId, rejection, target: describe.unknownAction(header.action) };
    }
  }
}

/** Parsed socket addresses, remembered: the same clients come back every interval. */
const addressCache = new Map<string, PeerAddress>();
const ADDRESS_CACHE_SIZE = 4096;
const UNKNOWN_REMOTE: PeerAddress = { family: 4, bytes: new Uint8Array(4), text: '0.0.0.0' };

function remoteAddress(ip: string): PeerAddress {
  let address = addressCache.get(ip);
  if (address === undefined) {
    address = parseAddress(ip) ?? UNKNOWN_REMOTE;
    if (addressCache.size >= ADDRESS_CACHE_SIZE) addressCache.clear();
    addressCache.set(ip, address);
  }
  return address;
}

/** One datagram in, at most one out. Never throws on any input bytes; never changes state on a bad one. */
export function handleUdp(
  tracker: Tracker,
  connectionIds: ConnectionIds,
  datagram: UdpDatagram,
  now: number,
): UdpReply {
  const requestId = tracker.nextRequestId();
  const observed = tracker.observed;
  const classified = classify(datagram.bytes, observed);
  if (observed) {
    tracker.emit({
      type: 'requestReceived',
      t: now,
      requestId,
      transport: 'udp',
      remoteIp: datagram.remoteIp,
      remotePort: datagram.remotePort,
      method: UDP_METHOD,
      target: classified.target,
    });
  }
  const packet = answer(tracker, connectionIds, classified, datagram, requestId, now);
  if (observed && packet !== null) {
    tracker.emit({
      type: 'responseSent',
      t: now,
      requestId,
      status: SENT,
      bytes: packet.length,
      body: Buffer.from(packet.buffer, packet.byteOffset, packet.length).toString('base64'),
    });
  }
  return { requestId, packet };
}

function answer(
  tracker: Tracker,
  connectionIds: ConnectionIds,
  c: Classified,
  datagram: UdpDatagram,
  requestId: number,
  now: number,
): Uint8Array | null {
  const fail = (transactionId: number | null, rejection: Rejection): Uint8Array | null => {
    if (tracker.observed) {
      tracker.emit({
        type: 'requestFailed',
        t: now,
        requestId,
        status: transactionId === null ? DROPPED : SENT,
        reason: rejection.reason,
        field: rejection.field,
      });
    }
    return transactionId === null ? null : encodeError(transactionId, rejection.reason);
  };
  if (c.kind === 'drop') return fail(null, { reason: c.reason, field: null });
  if (c.kind === 'refuse') return fail(c.transactionId, c.rejection);

  const remote = remoteAddress(datagram.remoteIp);
  const remotePort = datagram.remotePort;
  if (c.kind === 'connect') {
    return encodeConnect(c.transactionId, connectionIds.issue(remote, remotePort, now));
  }
  const transactionId = c.header.transactionId;
  if (!connectionIds.verify(c.header.connectionId, remote, remotePort, now)) {
    return fail(transactionId, { reason: 'unknown or expired connection id', field: 'connection_id' });
  }
  const ctx: RequestContext = {
    requestId,
    transport: 'udp',
    remote,
    remotePort,
    now,
    peerFamily: remote.family,
  };

  if (c.kind === 'announce') {
    if (!c.announce.ok) return fail(transactionId, c.announce);
    const request = c.announce.value.request;
    // The answer must fit in one datagram: 10,914 IPv4 or 3,637 IPv6 peers.
    const peerBytes = remote.family === 4 ? 6 : 18;
    const fits = Math.floor((MAX_DATAGRAM_BYTES - ANNOUNCE_ANSWER_HEADER_BYTES) / peerBytes);
    if ((request.numwant ?? tracker.settings.numwantDefault) > fits) request.numwant = fits;
    const result = tracker.announce(request, ctx);
    if (!result.ok) return fail(transactionId, result);
    const { peers } = result.answer;
    if ('dict' in peers) throw new Error('the core answered a UDP announce with dictionary peers');
    return encodeAnnounce(
      transactionId,
      {
        interval: result.answer.interval,
        leechers: result.answer.incomplete,
        seeders: result.answer.complete,
        peers,
      },
      remote.family,
    );
  }

  if (!c.infoHashes.ok) return fail(transactionId, c.infoHashes);
  const infoHashes = c.infoHashes.value;
  const result = tracker.scrape({ infoHashes, passkey: null }, ctx);
  if (!result.ok) return fail(transactionId, result);
  // The core reports each torrent once; BEP 15 answers each requested hash, in order.
  const byHash = new Map(result.files.map((f) => [hex(f.infoHash), f] as const));
  const counts = infoHashes.map((h) => {
    const f = byHash.get(hex(h))!;
    return { seeders: f.complete, completed: f.downloaded, leechers: f.incomplete };
  });
  return encodeScrape(transactionId, counts);
}
