// Each parameter of a request, decoded and explained: what the request log shows when a row is
// selected. Binary values (info_hash, peer_id) are shown as hex, and as text only when every byte
// is printable; sizes get a human form; the event gets its meaning.
import { isPrintableAscii, toHex } from '../bytes';
import type { TrackerSettings } from '../tracker/settings';
import { formatBytes } from '../units';
import { eventMeaning, isAnnounceEvent, paramInfo, unknownParamInfo } from './paramText';
import { latin1, parseRequestTarget, type RawParam } from './requestTarget';

export interface ExplainedParam {
  name: string;
  /** Where it was: the query, the path (a passkey segment), or absent (an event not sent). */
  location: 'query' | 'path' | 'absent';
  /** The value exactly as on the wire, or null when absent. */
  raw: string | null;
  /** The value for people: text, a number, or hex when the bytes are not printable. */
  value: string;
  /** Hex of the decoded bytes, for binary values. */
  hex: string | null;
  /** The decoded bytes as text when every byte is printable ASCII. */
  text: string | null;
  /** A human reading: a size, a peer-id tag, what a flag means. */
  human: string | null;
  /** Something wrong with it (a wrong length, not a number). */
  problem: string | null;
  what: string;
  source: string;
}

export interface ExplainedRequest {
  http: boolean;
  path: string;
  endpoint: 'announce' | 'scrape' | 'other';
  params: ExplainedParam[];
}

const SIZES = new Set(['uploaded', 'downloaded', 'left', 'corrupt']);
const BINARY20 = new Set(['info_hash', 'peer_id']);
const CLIENT_TAGS: Record<string, string> = {
  TR: 'Transmission',
  UT: 'µTorrent',
  qB: 'qBittorrent',
  DE: 'Deluge',
  LT: 'libtorrent (rakshasa)',
  lt: 'libtorrent (Rasterbar)',
  AZ: 'Azureus / Vuze',
  BT: 'BitTorrent',
  BC: 'BitComet',
  KT: 'KTorrent',
  WW: 'WebTorrent',
};

/** `-TR1320-` → "Transmission 1.32": the Azureus-style tag most clients put first (BEP 20). */
export function peerIdTag(bytes: Uint8Array): string | null {
  const head = latin1(bytes.subarray(0, 8));
  const m = /^-([A-Za-z]{2})([0-9A-Za-z]{4})-$/.exec(head);
  if (!m) return null;
  const name = CLIENT_TAGS[m[1]!] ?? `client ${m[1]}`;
  const v = m[2]!;
  // Transmission writes major, then a two-digit minor: 1320 → 1.32.
  const version = m[1] === 'TR' && /^\d{4}$/.test(v) ? `${v[0]}.${v.slice(1, 3)}` : v.split('').join('.');
  return `${head}: ${name} ${version}, the rest chosen at random`;
}

function digits(value: string): number | null {
  return /^\d{1,16}$/.test(value) ? Number(value) : null;
}

function explainOne(p: RawParam, settings: TrackerSettings | null): ExplainedParam {
  const info = paramInfo[p.name] ?? unknownParamInfo;
  const base = { name: p.name, location: 'query' as const, raw: p.raw, ...info };
  if (p.bytes === null) {
    return {
      ...base,
      value: p.raw,
      hex: null,
      text: null,
      human: null,
      problem: 'malformed percent-encoding',
    };
  }
  const bytes = p.bytes;
  const printable = isPrintableAscii(bytes);
  const text = printable ? latin1(bytes) : null;
  const hex = toHex(bytes);
  const out: ExplainedParam = { ...base, value: text ?? hex, hex: null, text, human: null, problem: null };
  if (BINARY20.has(p.name)) {
    out.hex = hex;
    out.value = hex;
    out.human = p.name === 'peer_id' ? peerIdTag(bytes) : `${bytes.length} bytes`;
    if (bytes.length !== 20) out.problem = `must be exactly 20 bytes, got ${bytes.length}`;
    return out;
  }
  if (!printable) {
    out.hex = hex;
    return out;
  }
  const n = digits(text!);
  if (SIZES.has(p.name)) {
    if (n === null) out.problem = 'not a whole number of bytes';
    else out.human = p.name === 'left' && n === 0 ? '0 B: nothing left, a seeder' : formatBytes(n);
  } else if (p.name === 'port') {
    if (n === null || n < 1 || n > 65535) out.problem = 'not a port number (1–65535)';
  } else if (p.name === 'compact') {
    out.human =
      text === '1' ? 'accepts the packed peer list' : text === '0' ? 'wants peer dictionaries' : null;
    if (out.human === null) out.problem = 'must be 0 or 1';
  } else if (p.name === 'no_peer_id') {
    out.human = text === '1' ? 'peer ids may be left out' : text === '0' ? 'peer ids wanted' : null;
  } else if (p.name === 'numwant') {
    if (n === null) out.problem = 'not a whole number';
    else if (settings) {
      out.human =
        n > settings.numwantMax
          ? `asks for ${n}; this tracker caps it at ${settings.numwantMax}`
          : `asks for ${n} peers`;
    } else out.human = `asks for ${n} peers`;
  } else if (p.name === 'event') {
    out.human =
      isAnnounceEvent(text!) && text !== 'none'
        ? eventMeaning[text!]
        : text === '' || text === 'empty'
          ? eventMeaning.none
          : null;
    if (out.human === null) out.problem = 'not an event this tracker knows';
  } else if (p.name === 'ip' && settings) {
    out.human = settings.trustIpParam
      ? 'trusted: used as the peer’s address'
      : 'ignored: the connection’s address is used';
  }
  return out;
}

/** Every parameter of the request target, in wire order; a path passkey first, an absent event last. */
export function explainRequest(target: string, settings: TrackerSettings | null = null): ExplainedRequest {
  const parsed = parseRequestTarget(target);
  const params: ExplainedParam[] = [];
  if (parsed.pathPasskey !== null) {
    params.push({
      name: 'passkey',
      location: 'path',
      raw: parsed.pathPasskey,
      value: parsed.pathPasskey,
      hex: null,
      text: parsed.pathPasskey,
      human: 'the first path segment',
      problem: null,
      ...paramInfo.passkey!,
    });
  }
  for (const p of parsed.params) params.push(explainOne(p, settings));
  if (parsed.endpoint === 'announce' && !parsed.params.some((p) => p.name === 'event')) {
    params.push({
      name: 'event',
      location: 'absent',
      raw: null,
      value: '(not sent)',
      hex: null,
      text: null,
      human: eventMeaning.none,
      problem: null,
      ...paramInfo.event!,
    });
  }
  return { http: parsed.http, path: parsed.path, endpoint: parsed.endpoint, params };
}
