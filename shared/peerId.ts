// Which client sent a peer_id, and its version, from the conventions clients follow (BEP 20). The
// version schemes follow libtransmission's clients.cc, the most complete public decoder.
export type PeerIdStyle = 'azureus' | 'shadow' | 'mainline' | 'unknown';

export interface PeerIdClient {
  client: string;
  /** '' when the peer_id carries no version we can read. */
  version: string;
  style: PeerIdStyle;
}

const UNKNOWN: PeerIdClient = { client: 'unknown', version: '', style: 'unknown' };

/** A version character as a number: 0-9, A-Z = 10-35, a-z = 36-61 (clients.cc's charint). */
function charInt(c: string): number | null {
  if (c >= '0' && c <= '9') return c.charCodeAt(0) - 48;
  if (c >= 'A' && c <= 'Z') return c.charCodeAt(0) - 55;
  if (c >= 'a' && c <= 'z') return c.charCodeAt(0) - 61;
  return null;
}

function digits(chars: string): number[] | null {
  const out: number[] = [];
  for (const c of chars) {
    const n = charInt(c);
    if (n === null) return null;
    out.push(n);
  }
  return out;
}

const isDecimal = (s: string): boolean => /^\d+$/.test(s);

type Scheme = (v: string) => string | null;

/** Three version characters: -qB4520- is 4.5.2 (the fourth is a build or release mark). */
const threeDigits: Scheme = (v) => digits(v.slice(0, 3))?.join('.') ?? null;

/** Four version characters: -AZ5750- is 5.7.5 (a trailing .0 is left out), -DE13F0- is 1.3.15. */
const fourDigits: Scheme = (v) => {
  const d = digits(v);
  if (d === null) return null;
  return (d[3] === 0 ? d.slice(0, 3) : d).join('.');
};

/** Two digits, then two decimal places: -BC0150- is 1.50. */
const twoMajorTwoMinor: Scheme = (v) => (isDecimal(v) ? `${Number(v.slice(0, 2))}.${v.slice(2, 4)}` : null);

/**
 * Transmission: -TR0006- is 0.6, -TR0072- is 0.72, -TR1320- is 1.32 (Z or X marks a development
 * build: 1.32+), and from 4.0 on three digits: -TR4050- is 4.0.5, B a beta, X or Z a development build.
 */
const transmission: Scheme = (v) => {
  if (v.startsWith('000')) return isDecimal(v[3]!) ? `0.${v[3]}` : null;
  if (v.startsWith('00')) return isDecimal(v.slice(2)) ? `0.${v.slice(2)}` : null;
  if (!isDecimal(v.slice(0, 3))) return null;
  const mark = v[3]!;
  if (Number(v[0]) <= 3) {
    return `${v[0]}.${v.slice(1, 3)}${mark === 'Z' || mark === 'X' ? '+' : ''}`;
  }
  const suffix = mark === 'B' ? ' beta' : mark === 'X' || mark === 'Z' ? ' dev' : '';
  return `${v[0]}.${v[1]}.${v[2]}${suffix}`;
};

/** µTorrent and BitTorrent: hex digits, -UT355W- is 3.5.5 (the fourth a build mark; B a beta). */
const utorrent: Scheme = (v) => {
  const hex = v.slice(0, 3);
  if (!/^[0-9A-Fa-f]{3}$/.test(hex)) return null;
  const d = Array.from(hex, (c) => parseInt(c, 16));
  return `${d.join('.')}${v[3] === 'B' || v[3] === 'b' ? ' beta' : ''}`;
};

/** KTorrent: -KT4130- is 4.1.3; a D or R third character marks a development build or a release candidate. */
const ktorrent: Scheme = (v) => {
  const d = digits(v[0]! + v[1]! + v[3]!);
  if (d === null) return null;
  if (v[2] === 'D') return `${d[0]}.${d[1]} dev ${d[2]}`;
  if (v[2] === 'R') return `${d[0]}.${d[1]} RC ${d[2]}`;
  return threeDigits(v);
};

/** Azureus-style two-letter codes of well-known clients (BEP 20; names as clients.cc gives them). */
const azureusClients: Record<string, [name: string, scheme: Scheme]> = {
  AZ: ['Vuze', fourDigits],
  BC: ['BitComet', twoMajorTwoMinor],
  BI: ['BiglyBT', fourDigits],
  BT: ['BitTorrent', utorrent],
  DE: ['Deluge', fourDigits],
  FD: ['Free Download Manager', threeDigits],
  KT: ['KTorrent', ktorrent],
  LT: ['libtorrent (Rasterbar)', threeDigits],
  lt: ['libTorrent (rakshasa)', threeDigits],
  MO: ['MonoTorrent', fourDigits],
  PI: ['PicoTorrent', threeDigits],
  qB: ['qBittorrent', threeDigits],
  SD: ['Thunder', fourDigits],
  TR: ['Transmission', transmission],
  UM: ['µTorrent Mac', utorrent],
  UT: ['µTorrent', utorrent],
  UW: ['µTorrent Web', utorrent],
  WW: ['WebTorrent', fourDigits],
  XL: ['Xunlei', fourDigits],
};

/** Shadow style: the first character names the client (clients.cc's list). */
const shadowClients: Record<string, string> = {
  A: 'ABC',
  O: 'Osprey',
  Q: 'BTQueue',
  R: 'Tribler',
  S: 'Shadow',
  T: 'BitTornado',
  U: 'UPnP NAT Bit Torrent',
};
const SHADOW_DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz.-';

/** -XXVVVV-: two letters, four version characters (BEP 20). */
function azureus(id: string): PeerIdClient | null {
  if (id[0] !== '-' || id[7] !== '-' || !/^[A-Za-z0-9~]{2}$/.test(id.slice(1, 3))) return null;
  const code = id.slice(1, 3);
  const v = id.slice(3, 7);
  const known = azureusClients[code];
  if (known) return { client: known[0], version: known[1](v) ?? '', style: 'azureus' };
  // Unknown clients: the version characters as digits, dot-separated.
  return { client: code, version: digits(v)?.join('.') ?? '', style: 'azureus' };
}

/** 'S58B-----…': a client letter and up to five version characters padded with dashes, then '---'. */
function shadow(id: string): PeerIdClient | null {
  const name = shadowClients[id[0]!];
  if (name === undefined || id.slice(6, 9) !== '---') return null;
  const chars = id.slice(1, 6).replace(/-+$/, '');
  const version: number[] = [];
  for (const c of chars) {
    const n = SHADOW_DIGITS.indexOf(c);
    if (n === -1) return null;
    version.push(n);
  }
  return { client: name, version: version.join('.'), style: 'shadow' };
}

/** Bram's style, 'M4-3-6--' or 'M4-20-8-' (Mainline), and aria2's 'A2-1-36-0-'. */
function mainline(id: string): PeerIdClient | null {
  const m = /^M(\d)-(\d{1,2})-(\d)--?/.exec(id);
  if (m && (m[2]!.length === 2 || id[7] === '-')) {
    return { client: 'Mainline', version: `${m[1]}.${m[2]}.${m[3]}`, style: 'mainline' };
  }
  const a = /^A2-(\d)-(\d{1,2})-(\d)-/.exec(id);
  if (a) return { client: 'aria2', version: `${a[1]}.${a[2]}.${a[3]}`, style: 'mainline' };
  return null;
}

/** Decodes a 20-byte peer_id; anything else (or bytes no convention explains) is `unknown`. */
export function decodePeerId(peerId: Uint8Array): PeerIdClient {
  if (peerId.length !== 20) return UNKNOWN;
  // Only the printable-ASCII head matters; random bytes after it are fine.
  let id = '';
  for (const byte of peerId) id += byte >= 0x20 && byte < 0x7f ? String.fromCharCode(byte) : '\u0000';
  return azureus(id) ?? shadow(id) ?? mainline(id) ?? UNKNOWN;
}

/** The same from hex (as the tracker's events carry peer_ids). */
export function decodePeerIdHex(hex: string): PeerIdClient {
  if (!/^(?:[0-9a-fA-F]{2}){20}$/.test(hex)) return UNKNOWN;
  const bytes = new Uint8Array(20);
  for (let i = 0; i < 20; i++) bytes[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return decodePeerId(bytes);
}

/** 'Transmission 3.00', 'qBittorrent 4.5.2', or 'unknown client'. */
export function peerIdLabel(decoded: PeerIdClient): string {
  if (decoded.style === 'unknown') return 'unknown client';
  return decoded.version === '' ? decoded.client : `${decoded.client} ${decoded.version}`;
}
