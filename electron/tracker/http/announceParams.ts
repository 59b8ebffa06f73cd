// Turns decoded query parameters into an AnnounceRequest, or a failure reason that names the field.
// Nothing here touches tracker state: a rejected request changes nothing.
import { isHex } from '../../../shared/bytes';
import type { AnnounceEventName } from '../../../shared/tracker/events';
import type { AnnounceRequest, Parsed, ScrapeRequest } from '../request';
import { reject } from '../request';
import type { QueryParam } from './query';

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
  if (value.length === 0 || !value.every((b) => b >= 0x30 && b <= 0x39)) {
    return reject(`${name} must be a whole number, got ${quote(value)}`, name);
  }
  if (value.length > MAX_DIGITS) return reject(`${name} is too large`, name);
  const n = Number(text(value));
  if (n > max) return reject(`${name} is too large (at most ${max})`, name);
  return { ok: true, value: n };
}

function parseFlag(name: string, value: Uint8Array | undefined): Parsed<boolean | null> {
  if (value === undefined) return { ok: true, value: null };
  if (value.length === 1 && (value[0] === 0x30 || value[0] === 0x31))
    return { ok: true, value: value[0] === 0x31 };
  return reject(`${name} must be 0 or 1, got ${quote(value)}`, name);
}

/** Single-valued parameters by name; a repeated one is an error (which value would be meant?). */
function singles(params: QueryParam[], repeatable: ReadonlySet<string>): Parsed<Map<string, Uint8Array>> {
  const map = new Map<string, Uint8Array>();
  for (const { name, value } of params) {
    if (repeatable.has(name)) continue;
    if (map.has(name)) return reject(`duplicate parameter: ${name}`, name);
    map.set(name, value);
  }
  return { ok: true, value: map };
}

const NONE = new Set<string>();

export function parseAnnounceParams(
  params: QueryParam[],
  pathPasskey: string | null,
): Parsed<AnnounceRequest> {
  const single = singles(params, NONE);
  if (!single.ok) return single;
  const q = single.value;

  const infoHash = binary20('info_hash', q.get('info_hash'));
  if (!infoHash.ok) return infoHash;
  const peerId = binary20('peer_id', q.get('peer_id'));
  if (!peerId.ok) return peerId;
  const port = parseCount('port', q.get('port'), 65535);
  if (!port.ok) return port;
  if (port.value === 0) return reject('port must be between 1 and 65535', 'port');
  const uploaded = parseCount('uploaded', q.get('uploaded'));
  if (!uploaded.ok) return uploaded;
  const downloaded = parseCount('downloaded', q.get('downloaded'));
  if (!downloaded.ok) return downloaded;
  const left = parseCount('left', q.get('left'));
  if (!left.ok) return left;

  const corruptRaw = q.get('corrupt');
  const corrupt = corruptRaw === undefined ? null : parseCount('corrupt', corruptRaw);
  if (corrupt && !corrupt.ok) return corrupt;

  const eventRaw = q.get('event');
  const event = eventRaw === undefined ? 'none' : EVENTS[text(eventRaw)];
  if (event === undefined) return reject(`unknown event ${quote(eventRaw!)}`, 'event');

  const numwantRaw = q.get('numwant');
  const numwant = numwantRaw === undefined ? null : parseCount('numwant', numwantRaw, 1_000_000);
  if (numwant && !numwant.ok) return numwant;

  const compact = parseFlag('compact', q.get('compact'));
  if (!compact.ok) return compact;
  const noPeerId = parseFlag('no_peer_id', q.get('no_peer_id'));
  if (!noPeerId.ok) return noPeerId;

  // An empty `key=` is no key at all: it could not tell anyone apart.
  const rawKey = q.get('key');
  const key = rawKey && rawKey.length > 0 ? rawKey : null;
  if (key && key.length > MAX_KEY_BYTES)
    return reject(`key is too long (at most ${MAX_KEY_BYTES} bytes)`, 'key');
  const trackerId = q.get('trackerid');
  if (trackerId && trackerId.length > MAX_TRACKER_ID_BYTES)
    return reject('trackerid is too long', 'trackerid');

  const passkey = passkeyOf(q.get('passkey'), pathPasskey);
  if (!passkey.ok) return passkey;

  const ip = q.get('ip');
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
      trackerId: trackerId ? text(trackerId) : null,
      ip: ip ? text(ip) : null,
      passkey: passkey.value,
    },
  };
}

export function parseScrapeParams(params: QueryParam[], pathPasskey: string | null): Parsed<ScrapeRequest> {
  const single = singles(params, new Set(['info_hash']));
  if (!single.ok) return single;
  const infoHashes: Uint8Array[] = [];
  for (const { name, value } of params) {
    if (name !== 'info_hash') continue;
    const parsed = binary20('info_hash', value);
    if (!parsed.ok) return parsed;
    infoHashes.push(parsed.value);
  }
  const passkey = passkeyOf(single.value.get('passkey'), pathPasskey);
  if (!passkey.ok) return passkey;
  return { ok: true, value: { infoHashes, passkey: passkey.value } };
}

/** The passkey from the path (`/<passkey>/announce`) or the query (`?passkey=`); both must agree. */
function passkeyOf(queryValue: Uint8Array | undefined, pathPasskey: string | null): Parsed<string | null> {
  const fromQuery = queryValue === undefined ? null : text(queryValue);
  if (fromQuery !== null && pathPasskey !== null && fromQuery !== pathPasskey) {
    return reject('the passkey in the path and the passkey parameter differ', 'passkey');
  }
  return { ok: true, value: pathPasskey ?? fromQuery };
}
