// A UDP request as the request log shows it. A decoded announce or scrape becomes the equivalent
// HTTP request target (`/announce?info_hash=%D9…&peer_id=…`), so the log decodes and explains it
// like an HTTP one; parsing that target with the HTTP parser gives back the request the core got.
// Anything else (connect, a malformed packet) is a short description, which is not a path.
import { percentEncodeBytes } from '../../../shared/bytes';
import type { UdpAnnounce } from './packets';

/** Each byte as shared/bytes' percentEncodeBytes writes it, looked up: this runs on every logged announce. */
const ENCODED = Array.from({ length: 256 }, (_, b) => percentEncodeBytes(Uint8Array.of(b)));

function encode(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i++) out += ENCODED[bytes[i]!]!;
  return out;
}

function latin1Bytes(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i) & 0xff;
  return out;
}

/**
 * Parameters in Transmission's order. `event` is left out for event 0 (a regular announce, as HTTP
 * clients send it), `numwant` for a negative num_want (the tracker's default) and `ip` for 0.
 * `key` is the 4 bytes the core received, percent-encoded.
 */
export function announceTarget(announce: UdpAnnounce): string {
  const r = announce.request;
  let query =
    `info_hash=${encode(r.infoHash)}&peer_id=${encode(r.peerId)}&port=${r.port}` +
    `&uploaded=${r.uploaded}&downloaded=${r.downloaded}&left=${r.left}`;
  if (r.event !== 'none') query += `&event=${r.event}`;
  if (r.key !== null) query += `&key=${encode(r.key)}`;
  if (r.numwant !== null) query += `&numwant=${r.numwant}`;
  if (r.ip !== null) query += `&ip=${r.ip}`;
  if (announce.queryPasskey !== null) query += `&passkey=${encode(latin1Bytes(announce.queryPasskey))}`;
  const path = announce.pathPasskey === null ? '/announce' : `/${announce.pathPasskey}/announce`;
  return `${path}?${query}`;
}

export function scrapeTarget(infoHashes: readonly Uint8Array[]): string {
  return `/scrape?${infoHashes.map((h) => `info_hash=${encode(h)}`).join('&')}`;
}

/** Packets that do not decode to an announce or a scrape, described in a few words. */
export const describe = {
  connect: (): string => 'connect',
  short: (length: number): string => `${length}-byte packet`,
  oversized: (length: number): string => `${length}-byte packet`,
  unknownAction: (action: number): string => `action ${action}`,
  announce: (length: number): string => `announce (${length} bytes)`,
  scrape: (length: number): string => `scrape (${length} bytes)`,
};
