// Bencoded tracker responses (BEP 3, BEP 7, BEP 23, BEP 48). Dictionaries are encoded by the bencode
// library, except scrape's `files`, whose keys are raw 20-byte hashes: the library would sort them
// as text (webtorrent/node-bencode#88), so that dictionary is assembled here in byte order.
import bencode from 'bencode';

export interface AnswerPeer {
  peerId: Uint8Array;
  /** 6 bytes (IPv4) or 18 bytes (IPv6): address then port, network order. */
  compact: Uint8Array;
  ip: string;
  port: number;
}

export interface AnnounceAnswerFields {
  interval: number;
  minInterval: number;
  complete: number;
  incomplete: number;
  downloaded: number;
  peers: AnswerPeer[];
  trackerId: string;
  warning: string | null;
}

export function encodeAnnounce(
  answer: AnnounceAnswerFields,
  compact: boolean,
  noPeerId: boolean,
): Uint8Array {
  const dict: Record<string, unknown> = {
    complete: answer.complete,
    downloaded: answer.downloaded,
    incomplete: answer.incomplete,
    interval: answer.interval,
  };
  if (answer.minInterval > 0) dict['min interval'] = answer.minInterval;
  if (compact) {
    const v4 = answer.peers.filter((p) => p.compact.length === 6);
    const v6 = answer.peers.filter((p) => p.compact.length === 18);
    dict.peers = concat(
      v4.map((p) => p.compact),
      v4.length * 6,
    );
    if (v6.length > 0)
      dict.peers6 = concat(
        v6.map((p) => p.compact),
        v6.length * 18,
      );
  } else {
    dict.peers = answer.peers.map((p) =>
      noPeerId ? { ip: p.ip, port: p.port } : { ip: p.ip, 'peer id': p.peerId, port: p.port },
    );
  }
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
