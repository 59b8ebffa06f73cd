// Small builders so each tracker test shows only what matters.
import bencode from 'bencode';
import { percentEncodeBytes } from '../../shared/bytes';
import { peerEntriesOf, type ReturnedPeer } from '../../shared/tracker/entries';
import type { AnnounceAnswered, TrackerEvent } from '../../shared/tracker/events';
import type { TrackerSettings, TrackerUser } from '../../shared/tracker/settings';
import { handleHttp, type HttpReply } from '../../electron/tracker/http/router';
import { Tracker } from '../../electron/tracker/tracker';

/** A 20-byte id from a short label, padded with a byte pattern so it is not printable. */
export function id20(label: string): Uint8Array {
  const out = new Uint8Array(20);
  for (let i = 0; i < 20; i++) out[i] = i < label.length ? label.charCodeAt(i) : (0x80 + i * 7) & 0xff;
  return out;
}

export const INFO_HASH = Uint8Array.from([
  0xd9, 0xa5, 0x7b, 0xb4, 0x0e, 0x1e, 0x5a, 0xf9, 0x71, 0x53, 0x0d, 0x38, 0xb0, 0xbf, 0x26, 0x9f, 0x74, 0x0f,
  0x92, 0xf3,
]);

export interface AnnounceParams {
  infoHash?: Uint8Array;
  peerId?: Uint8Array | string;
  port?: number;
  uploaded?: number;
  downloaded?: number;
  left?: number;
  event?: string;
  numwant?: number;
  compact?: 0 | 1;
  key?: string;
  passkey?: string;
  /** Extra raw query text appended as is, e.g. `&no_peer_id=1`. */
  extra?: string;
}

export function announceTarget(p: AnnounceParams = {}, path = '/announce'): string {
  const peerId = typeof p.peerId === 'string' ? id20(p.peerId) : (p.peerId ?? id20('-TR1320-aaaaaaaaaaaa'));
  let q =
    `info_hash=${percentEncodeBytes(p.infoHash ?? INFO_HASH)}&peer_id=${percentEncodeBytes(peerId)}` +
    `&port=${p.port ?? 51413}&uploaded=${p.uploaded ?? 0}&downloaded=${p.downloaded ?? 0}&left=${p.left ?? 1000}`;
  if (p.compact !== undefined) q += `&compact=${p.compact}`;
  if (p.numwant !== undefined) q += `&numwant=${p.numwant}`;
  if (p.key !== undefined) q += `&key=${p.key}`;
  if (p.event !== undefined) q += `&event=${p.event}`;
  if (p.passkey !== undefined) q += `&passkey=${p.passkey}`;
  return `${path}?${q}${p.extra ?? ''}`;
}

export interface TestTracker {
  tracker: Tracker;
  events: TrackerEvent[];
  /** Sends a GET as if from `ip:remotePort` at virtual time `now` (ms). */
  get(
    target: string,
    options?: { ip?: string; now?: number; method?: string; remotePort?: number },
  ): HttpReply;
  announce(p?: AnnounceParams, options?: { ip?: string; now?: number }): Record<string, unknown>;
  eventsOf<T extends TrackerEvent['type']>(type: T): Extract<TrackerEvent, { type: T }>[];
}

export function testTracker(
  settings: Partial<TrackerSettings> = {},
  users: TrackerUser[] = [],
  seed = 7,
): TestTracker {
  const events: TrackerEvent[] = [];
  const tracker = new Tracker({ settings, users, seed, onEvent: (e) => events.push(e) });
  const get: TestTracker['get'] = (target, options = {}) =>
    handleHttp(
      tracker,
      {
        method: options.method ?? 'GET',
        target,
        remoteIp: options.ip ?? '127.0.0.1',
        remotePort: options.remotePort ?? 40000,
        transport: 'http',
      },
      options.now ?? 0,
    );
  return {
    tracker,
    events,
    get,
    announce: (p = {}, options = {}) =>
      decodeDict(get(announceTarget(p, p.passkey ? `/${p.passkey}/announce` : '/announce'), options).body),
    eventsOf: (type) =>
      events.filter((e): e is Extract<TrackerEvent, { type: typeof type }> => e.type === type),
  };
}

/** The peers an `announceAnswered` returned, resolved from the tracker's own peer events. */
export function returnedPeers(t: TestTracker, answered: AnnounceAnswered): ReturnedPeer[] {
  return peerEntriesOf(t.events).returned(answered);
}

export function decodeDict(body: Uint8Array): Record<string, unknown> {
  const value: unknown = bencode.decode(body);
  if (typeof value !== 'object' || value === null || Array.isArray(value) || value instanceof Uint8Array) {
    throw new Error('not a bencoded dictionary');
  }
  return value as Record<string, unknown>;
}

export function text(value: unknown): string {
  if (!(value instanceof Uint8Array)) throw new Error(`expected a byte string, got ${typeof value}`);
  return new TextDecoder().decode(value);
}

export function ascii(value: string): Uint8Array {
  return Uint8Array.from(value, (c) => c.charCodeAt(0));
}

/** Compact peers (BEP 23) as `ip:port` strings. */
export function compactPeers(value: unknown): string[] {
  if (!(value instanceof Uint8Array)) throw new Error('expected compact peers');
  const out: string[] = [];
  for (let i = 0; i + 6 <= value.length; i += 6) {
    out.push(
      `${value[i]}.${value[i + 1]}.${value[i + 2]}.${value[i + 3]}:${(value[i + 4]! << 8) | value[i + 5]!}`,
    );
  }
  return out;
}

/** Bytes from text (each char one byte, as in a bencoded string) and raw byte arrays, concatenated. */
export function bytesOf(...parts: (string | Uint8Array)[]): Uint8Array {
  const chunks = parts.map((p) => (typeof p === 'string' ? ascii(p) : p));
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.length;
  }
  return out;
}

/** The BEP 23 compact form of an IPv4 peer: 4 address bytes then the port, big-endian. */
export function compact4(ip: string, port: number): Uint8Array {
  return Uint8Array.from([...ip.split('.').map(Number), port >> 8, port & 0xff]);
}

export function hexOf(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('hex');
}

/** A scrape target (BEP 48) with one `info_hash` per hash, in the order given. */
export function scrapeTarget(infoHashes: Uint8Array[], path = '/scrape'): string {
  return `${path}?${infoHashes.map((h) => `info_hash=${percentEncodeBytes(h)}`).join('&')}`;
}

/** The counts a scrape reports for one torrent, read back from the bencoded response. */
export function scrapeCounts(
  t: TestTracker,
  infoHash: Uint8Array = INFO_HASH,
  path = '/scrape',
): { complete: number; incomplete: number; downloaded: number; downloaders: number } {
  const files = decodeDict(t.get(scrapeTarget([infoHash], path)).body).files as Record<string, unknown>;
  const entry = Object.values(files)[0] as Record<string, number>;
  return {
    complete: entry.complete!,
    incomplete: entry.incomplete!,
    downloaded: entry.downloaded!,
    downloaders: entry.downloaders!,
  };
}

/** The response's counts, for comparing with scrape and stats. */
export function announceCounts(response: Record<string, unknown>): {
  complete: unknown;
  incomplete: unknown;
  downloaded: unknown;
} {
  return {
    complete: response.complete,
    incomplete: response.incomplete,
    downloaded: response.downloaded,
  };
}

/** The last event of a type (the answer to the request just sent, usually). */
export function lastEvent<T extends TrackerEvent['type']>(
  t: TestTracker,
  type: T,
): Extract<TrackerEvent, { type: T }> {
  for (let i = t.events.length - 1; i >= 0; i--) {
    const event = t.events[i]!;
    if (event.type === type) return event as Extract<TrackerEvent, { type: T }>;
  }
  throw new Error(`no ${type} event`);
}
