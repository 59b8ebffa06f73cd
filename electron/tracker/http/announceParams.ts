// Turns decoded query parameters into an AnnounceRequest, or a failure reason that names the field.
// Nothing here touches tracker state: a rejected request changes nothing.
import { isHex } from '../../../shared/bytes';
import type { AnnounceEventName } from '../../../shared/tracker/events';
import type { AnnounceRequest, Parsed, Rejection, ScrapeRequest } from '../request';
import { reject } from '../request';
import { QueryScan } from './query';

const MAX_KEY_BYTES = 64;
const MAX_TRACKER_ID_BYTES = 64;
const MAX_DIGITS = 16; // 2^53 has 16 digits

const EVENTS: Record<string, AnnounceEventName> = {
  '': 'none',
  empty: 'none',
  started: 'started',
  completed: 'completed',
  stopped: 'stopped',
  paused: 'paused',
};

function text(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i++) s += String.fromCharCode(bytes[i]!);
  return s;
}

/** A readable quote of a bad value for a failure reason (short, escaped). */
function quote(bytes: Uint8Array): string {
  return JSON.stringify(text(bytes.subarray(0, 40)));
}

function binary20(name: string, value: Uint8Array | undefined): Parsed<Uint8Array> {
  if (value === undefined) return reject(`missing ${name}`, name);
  if (value.length === 20) return { ok: true, value };
  const hint =
    value.length === 40 && isHex(text(value))
      ? ' (this looks like 40 hex characters: send the 20 raw bytes, percent-encoded)'
      : '';
  return reject(`${name} must be 20 bytes, got ${value.length}${hint}`, name);
}

/** A non-negative whole number ≤ 2^53 − 1, written in decimal digits only. */
export function parseCount(
  name: string,
  value: Uint8Array | undefined,
  max = Number.MAX_SAFE_INTEGER,
): Parsed<number> {
  if (value === undefined) return reject(`missing ${name}`, name);
  if (value.length > 0 && value[0] === 0x2d /* - */) return reject(`${name} must not be negative`, name);
  if (value.length > MAX_DIGITS && value.every((b) => b >= 0x30 && b <= 0x39))
    return reject(`${name} is too large`, name);
  let n = 0;
  for (let i = 0; i < value.length; i++) {
    const digit = value[i]! - 0x30;
    if (digit < 0 || digit > 9) return reject(`${name} must be a whole number, got ${quote(value)}`, name);
    n = n * 10 + digit;
  }
  if (value.length === 0) return reject(`${name} must be a whole number, got ${quote(value)}`, name);
  if (n > max) return reject(`${name} is too large (at most ${max})`, name);
  return { ok: true, value: n };
}

function parseFlag(name: string, value: string | undefined): Parsed<boolean | null> {
  if (value === undefined) return { ok: true, value: null };
  if (value === '0' || value === '1') return { ok: true, value: value === '1' };
  return reject(`${name} must be 0 or 1, got ${JSON.stringify(value.slice(0, 40))}`, name);
}

/** The parameters an announce reads, by position in the scan (-1: absent). */
const FIELDS = [
  'info_hash',
  'peer_id',
  'port',
  'uploaded',
  'downloaded',
  'left',
  'corrupt',
  'event',
  'numwant',
  'compact',
  'no_peer_id',
  'key',
  'trackerid',
  'ip',
  'passkey',
] as const;
type Field = (typeof FIELDS)[number];
const FIELD_INDEX = new Map<string, number>(FIELDS.map((name, i) => [name, i]));

const scanner = new QueryScan();
const at = new Int32Array(FIELDS.length);

/** Where each known field is in the scan; a repeated parameter (known or not) is an error. */
function locateFields(): Rejection | null {
  at.fill(-1);
  let others: string[] | null = null;
  for (let i = 0; i < scanner.count; i++) {
    const name = scanner.names[i]!;
    const field = FIELD_INDEX.get(name);
    if (field === undefined) {
      others ??= [];
      if (others.includes(name)) return { reason: `duplicate parameter: ${name}`, field: name };
      others.push(name);
    } else {
      if (at[field] !== -1) return { reason: `duplicate parameter: ${name}`, field: name };
      at[field] = i;
    }
  }
  return null;
}

function position(field: Field): number {
  return at[FIELD_INDEX.get(field)!]!;
}

function textOf(query: string, field: Field): string | undefined {
  const i = position(field);
  return i === -1 ? undefined : scanner.text(query, i);
}

function bytesOf(query: string, field: Field): Uint8Array | undefined {
  const i = position(field);
  return i === -1 ? undefined : scanner.bytes(query, i);
}

/** A count straight from the query text when it is plain digits (the usual case), else via its bytes. */
function countIn(query: string, field: Field, max?: number): Parsed<number> {
  const i = position(field);
  if (i === -1) return reject(`missing ${field}`, field);
  const start = scanner.starts[i]!;
  const end = scanner.ends[i]!;
  if (end > start && end - start <= MAX_DIGITS) {
    let n = 0;
    let c = start;
    for (; c < end; c++) {
      const digit = query.charCodeAt(c) - 0x30;
      if (digit < 0 || digit > 9) break;
      n = n * 10 + digit;
    }
    if (c === end && n <= (max ?? Number.MAX_SAFE_INTEGER)) return { ok: true, value: n };
  }
  return parseCount(field, scanner.bytes(query, i), max);
}

/**
 * The announce's parameters from the raw query, decoding only what the tracker uses. A repeated
 * parameter is an error (which value would be meant?); unknown ones are ignored.
 */
export function parseAnnounceQuery(query: string, pathPasskey: string | null): Parsed<AnnounceRequest> {
  const malformed = scanner.scan(query);
  if (malformed) return { ok: false, ...malformed };
  const duplicate = locateFields();
  if (duplicate) return { ok: false, ...duplicate };

  const infoHash = binary20('info_hash', bytesOf(query, 'info_hash'));
  if (!infoHash.ok) return infoHash;
  const peerId = binary20('peer_id', bytesOf(query, 'peer_id'));
  if (!peerId.ok) return peerId;
  const port = countIn(query, 'port', 65535);
  if (!port.ok) return port;
  if (port.value === 0) return reject('port must be between 1 and 65535', 'port');
  const uploaded = countIn(query, 'uploaded');
  if (!uploaded.ok) return uploaded;
  const downloaded = countIn(query, 'downloaded');
  if (!downloaded.ok) return downloaded;
  const left = countIn(query, 'left');
  if (!left.ok) return left;
  const corrupt = position('corrupt') === -1 ? null : countIn(query, 'corrupt');
  if (corrupt && !corrupt.ok) return corrupt;

  const eventText = textOf(query, 'event');
  const event = eventText === undefined ? 'none' : EVENTS[eventText];
  if (event === undefined) return reject(`unknown event ${JSON.stringify(eventText!.slice(0, 40))}`, 'event');

  const numwant = position('numwant') === -1 ? null : countIn(query, 'numwant', 1_000_000);
  if (numwant && !numwant.ok) return numwant;
  const compact = parseFlag('compact', textOf(query, 'compact'));
  if (!compact.ok) return compact;
  const noPeerId = parseFlag('no_peer_id', textOf(query, 'no_peer_id'));
  if (!noPeerId.ok) return noPeerId;

  // An empty `key=` is no key at all: it could not tell anyone apart.
  const rawKey = bytesOf(query, 'key');
  const key = rawKey && rawKey.length > 0 ? rawKey : null;
  if (key && key.length > MAX_KEY_BYTES)
    return reject(`key is too long (at most ${MAX_KEY_BYTES} bytes)`, 'key');
  const trackerId = textOf(query, 'trackerid');
  if (trackerId && trackerId.length > MAX_TRACKER_ID_BYTES)
    return reject('trackerid is too long', 'trackerid');

  const passkey = passkeyOf(textOf(query, 'passkey'), pathPasskey);
  if (!passkey.ok) return passkey;

  return {
    ok: true,
    value: {
      infoHash: infoHash.value,
      peerId: peerId.value,
      port: port.value,
      uploaded: uploaded.value,
      downloaded: downloaded.value,
      left: left.value,
      corrupt: corrupt ? corrupt.value : null,
      event,
      numwant: numwant ? numwant.value : null,
      compact: compact.value,
      noPeerId: noPeerId.value === true,
      key,
      trackerId: trackerId || null,
      ip: textOf(query, 'ip') || null,
      passkey: passkey.value,
    },
  };
}

export function parseScrapeQuery(query: string, pathPasskey: string | null): Parsed<ScrapeRequest> {
  const malformed = scanner.scan(query);
  if (malformed) return { ok: false, ...malformed };
  const seen = new Set<string>();
  const infoHashes: Uint8Array[] = [];
  let passkeyText: string | undefined;
  for (let i = 0; i < scanner.count; i++) {
    const name = scanner.names[i]!;
    if (name === 'info_hash') {
      const parsed = binary20('info_hash', scanner.bytes(query, i));
      if (!parsed.ok) return parsed;
      infoHashes.push(parsed.value);
      continue;
    }
    if (seen.has(name)) return reject(`duplicate parameter: ${name}`, name);
    seen.add(name);
    if (name === 'passkey') passkeyText = scanner.text(query, i);
  }
  const passkey = passkeyOf(passkeyText, pathPasskey);
  if (!passkey.ok) return passkey;
  return { ok: true, value: { infoHashes, passkey: passkey.value } };
}

/** The passkey from the path (`/<passkey>/announce`) or the query (`?passkey=`); both must agree. */
function passkeyOf(queryValue: string | undefined, pathPasskey: string | null): Parsed<string | null> {
  const fromQuery = queryValue ?? null;
  if (fromQuery !== null && pathPasskey !== null && fromQuery !== pathPasskey) {
    return reject('the passkey in the path and the passkey parameter differ', 'passkey');
  }
  return { ok: true, value: pathPasskey ?? fromQuery };
}
