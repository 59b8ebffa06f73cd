// Bencoded tracker responses (BEP 3, BEP 7, BEP 23, BEP 48). Dictionaries are encoded by the bencode
// library, except scrape's `files`, whose keys are raw 20-byte hashes: the library would sort them
// as text (webtorrent/node-bencode#88), so that dictionary is assembled here in byte order.
import bencode from 'bencode';
import type { CompactPeers } from './peerView';

export interface AnswerPeer {
  peerId: Uint8Array;
  /** 6 bytes (IPv4) or 18 bytes (IPv6): address then port, network order. */
  compact: Uint8Array;
  ip: string;
  port: number;
}

/** The peers of an answer: compact byte strings (BEP 23, BEP 7), or dictionaries (BEP 3, compact=0). */
export type AnswerPeers = CompactPeers | { dict: AnswerPeer[] };

export interface AnnounceAnswerFields {
  interval: number;
  minInterval: number;
  complete: number;
  incomplete: number;
  downloaded: number;
  peers: AnswerPeers;
  trackerId: string;
  warning: string | null;
}

/**
 * The announce response. The compact form — nearly every response — is written straight into one
 * buffer (keys are fixed and already in bencode's byte order); the rare dictionary form goes
 * through the bencode library.
 */
export function encodeAnnounce(
  answer: AnnounceAnswerFields,
  _compact?: boolean,
  noPeerId = false,
): Uint8Array {
  const peers = answer.peers;
  if ('dict' in peers) return encodeDictAnnounce(answer, peers.dict, noPeerId);
  let head =
    `d8:completei${answer.complete}e10:downloadedi${answer.downloaded}e` +
    `10:incompletei${answer.incomplete}e8:intervali${answer.interval}e`;
  if (answer.minInterval > 0) head += `12:min intervali${answer.minInterval}e`;
  const bytes4 = peers.bytes4;
  const bytes6 = peers.bytes6;
  head += `5:peers${bytes4}:`;
  const v6Head = bytes6 > 0 ? `6:peers6${bytes6}:` : '';
  let tail = '';
  if (answer.trackerId !== '')
    tail += `10:tracker id${Buffer.byteLength(answer.trackerId)}:${answer.trackerId}`;
  if (answer.warning !== null)
    tail += `15:warning message${Buffer.byteLength(answer.warning)}:${answer.warning}`;
  tail += 'e';
  const out = Buffer.allocUnsafe(head.length + bytes4 + v6Head.length + bytes6 + Buffer.byteLength(tail));
  let o = out.write(head, 0, 'latin1');
  const at6 = o + bytes4 + v6Head.length;
  peers.writeInto(out, o, at6);
  o += bytes4;
  if (v6Head !== '') o += out.write(v6Head, o, 'latin1') + bytes6;
  out.write(tail, o, 'utf8');
  return new Uint8Array(out.buffer, out.byteOffset, out.length);
}

function encodeDictAnnounce(
  answer: AnnounceAnswerFields,
  peers: AnswerPeer[],
  noPeerId: boolean,
): Uint8Array {
  const dict: Record<string, unknown> = {
    complete: answer.complete,
    downloaded: answer.downloaded,
    incomplete: answer.incomplete,
    interval: answer.interval,
    peers: peers.map((p) =>
      noPeerId ? { ip: p.ip, port: p.port } : { ip: p.ip, 'peer id': p.peerId, port: p.port },
    ),
  };
  if (answer.minInterval > 0) dict['min interval'] = answer.minInterval;
  if (answer.trackerId !== '') dict['tracker id'] = answer.trackerId;
  if (answer.warning !== null) dict['warning message'] = answer.warning;
  return bencode.encode(dict);
}

export function encodeFailure(reason: string): Uint8Array {
  return bencode.encode({ 'failure reason': reason });
}

export interface ScrapeCounts {
  infoHash: Uint8Array;
  complete: number;
  incomplete: number;
  downloaded: number;
  downloaders: number;
}

export function encodeScrape(files: ScrapeCounts[]): Uint8Array {
  const sorted = [...files].sort((a, b) => compareBytes(a.infoHash, b.infoHash));
  const parts: Uint8Array[] = [ascii('d5:filesd')];
  for (const f of sorted) {
    parts.push(ascii(`${f.infoHash.length}:`), f.infoHash);
    // BEP 21 adds `downloaders` beside BEP 48's three counts.
    parts.push(
      bencode.encode({
        complete: f.complete,
        downloaded: f.downloaded,
        downloaders: f.downloaders,
        incomplete: f.incomplete,
      }),
    );
  }
  parts.push(ascii('ee'));
  return concat(
    parts,
    parts.reduce((n, p) => n + p.length, 0),
  );
}

function ascii(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
  return out;
}

function concat(parts: Uint8Array[], length: number): Uint8Array {
  const out = new Uint8Array(length);
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}

export function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}
