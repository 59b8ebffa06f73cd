// A request target split as the tracker reads it: the path (with a passkey as its first segment on
// private trackers) and the query, every value percent-decoded byte by byte. info_hash and peer_id
// are 20 raw bytes: decodeURIComponent or URLSearchParams would read them as UTF-8 and mangle them.

export interface RawParam {
  name: string;
  /** The value exactly as on the wire (still percent-encoded). */
  raw: string;
  /** The decoded bytes, or null when the encoding is malformed. */
  bytes: Uint8Array | null;
}

export type Endpoint = 'announce' | 'scrape' | 'other';

export interface ParsedTarget {
  /** False for targets that are not an HTTP path (a UDP request is logged as a description). */
  http: boolean;
  path: string;
  endpoint: Endpoint;
  /** The path's first segment before /announce or /scrape (private trackers), or null. */
  pathPasskey: string | null;
  params: RawParam[];
}

function hexDigit(code: number): number {
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  if (code >= 0x41 && code <= 0x46) return code - 0x37;
  if (code >= 0x61 && code <= 0x66) return code - 0x57;
  return -1;
}

/** Decodes `%XX` escapes and `+` (form encoding: a space) to bytes; null on a malformed escape. */
export function percentDecodeBytes(text: string): Uint8Array | null {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x25 /* % */) {
      const hi = hexDigit(text.charCodeAt(i + 1));
      const lo = hexDigit(text.charCodeAt(i + 2));
      if (hi < 0 || lo < 0) return null;
      out.push((hi << 4) | lo);
      i += 2;
    } else if (code === 0x2b /* + */) {
      out.push(0x20);
    } else if (code > 0xff) {
      return null; // not a byte: a client never sends raw non-Latin-1 text
    } else {
      out.push(code);
    }
  }
  return Uint8Array.from(out);
}

/** One character per byte (the value as the tracker's ASCII parsers read it). */
export function latin1(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i++) s += String.fromCharCode(bytes[i]!);
  return s;
}

const PASSKEY_PATH = /^\/([^/?]+)\/(announce|scrape)$/;

export function parseRequestTarget(target: string): ParsedTarget {
  if (!target.startsWith('/'))
    return { http: false, path: target, endpoint: 'other', pathPasskey: null, params: [] };
  const q = target.indexOf('?');
  const path = q === -1 ? target : target.slice(0, q);
  const query = q === -1 ? '' : target.slice(q + 1);
  const m = PASSKEY_PATH.exec(path);
  const endpoint: Endpoint = path.endsWith('/announce')
    ? 'announce'
    : path.endsWith('/scrape')
      ? 'scrape'
      : 'other';
  const params: RawParam[] = [];
  for (const piece of query.split('&')) {
    if (piece === '') continue;
    const eq = piece.indexOf('=');
    const rawName = eq === -1 ? piece : piece.slice(0, eq);
    const raw = eq === -1 ? '' : piece.slice(eq + 1);
    const nameBytes = percentDecodeBytes(rawName);
    params.push({ name: nameBytes ? latin1(nameBytes) : rawName, raw, bytes: percentDecodeBytes(raw) });
  }
  return { http: true, path, endpoint, pathPasskey: m ? m[1]! : null, params };
}

const EVENT_PARAM = /[?&]event=([^&]*)/;

/** The `event` value of a target without a full parse (for filtering many rows); '' when absent. */
export function eventOfTarget(target: string): string {
  const m = EVENT_PARAM.exec(target);
  if (!m) return '';
  const bytes = percentDecodeBytes(m[1]!);
  return bytes ? latin1(bytes) : m[1]!;
}
