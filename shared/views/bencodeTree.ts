// Bencode (BEP 3) read into a tree that keeps every byte: dictionary keys stay bytes (a scrape's
// `files` is keyed by raw 20-byte info hashes, which no text decoding preserves), integers stay
// digit strings (they may pass 2^53). Then the tree for people: keys and strings as text when they
// read as text, hex otherwise, and `peers`/`peers6` split into ip:port entries (BEP 23, BEP 7).
import { isPrintableAscii, toHex } from '../bytes';
import { latin1 } from './requestTarget';

export type BNode =
  | { kind: 'int'; value: string }
  | { kind: 'bytes'; bytes: Uint8Array }
  | { kind: 'list'; items: BNode[] }
  | { kind: 'dict'; entries: { key: Uint8Array; value: BNode }[] };

export type BDecodeResult = { ok: true; value: BNode } | { ok: false; error: string; offset: number };

const MAX_DEPTH = 64;

class BencodeError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

export function decodeBencode(bytes: Uint8Array): BDecodeResult {
  let at = 0;
  const fail = (message: string): never => {
    throw new BencodeError(message, at);
  };
  const readUntil = (stop: number): string => {
    const end = bytes.indexOf(stop, at);
    if (end === -1) fail('unterminated value');
    const s = latin1(bytes.subarray(at, end));
    at = end + 1;
    return s;
  };
  const node = (depth: number): BNode => {
    if (depth > MAX_DEPTH) fail('nested too deeply');
    const c = bytes[at];
    if (c === undefined) return fail('unexpected end of data');
    if (c === 0x69 /* i */) {
      at++;
      const value = readUntil(0x65 /* e */);
      if (!/^(0|-?[1-9]\d*)$/.test(value)) fail(`bad integer ${JSON.stringify(value)}`);
      return { kind: 'int', value };
    }
    if (c >= 0x30 && c <= 0x39) {
      const length = readUntil(0x3a /* : */);
      if (!/^(0|[1-9]\d*)$/.test(length)) fail(`bad string length ${JSON.stringify(length)}`);
      const n = Number(length);
      if (at + n > bytes.length) fail('string runs past the end');
      const out = bytes.subarray(at, at + n);
      at += n;
      return { kind: 'bytes', bytes: out };
    }
    if (c === 0x6c /* l */ || c === 0x64 /* d */) {
      at++;
      const items: BNode[] = [];
      const entries: { key: Uint8Array; value: BNode }[] = [];
      while (bytes[at] !== 0x65) {
        if (at >= bytes.length) fail('unterminated list or dictionary');
        if (c === 0x6c) {
          items.push(node(depth + 1));
          continue;
        }
        const key = node(depth + 1);
        if (key.kind !== 'bytes') fail('dictionary key is not a string');
        entries.push({ key: (key as { bytes: Uint8Array }).bytes, value: node(depth + 1) });
      }
      at++;
      return c === 0x6c ? { kind: 'list', items } : { kind: 'dict', entries };
    }
    return fail(`unexpected byte 0x${c.toString(16).padStart(2, '0')}`);
  };
  try {
    const value = node(0);
    if (at !== bytes.length) fail('trailing bytes after the value');
    return { ok: true, value };
  } catch (e) {
    if (e instanceof BencodeError) return { ok: false, error: e.message, offset: e.offset };
    throw e;
  }
}

/** Text when the bytes read as text (printable, or UTF-8 without control characters), else null. */
export function readableText(bytes: Uint8Array): string | null {
  if (isPrintableAscii(bytes)) return latin1(bytes);
  try {
    const s = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c === 0xfeff) return null;
    }
    return s;
  } catch {
    return null;
  }
}

export interface CompactPeer {
  ip: string;
  port: number;
}

function ipv6Text(b: Uint8Array): string {
  const groups: number[] = [];
  for (let i = 0; i < 16; i += 2) groups.push((b[i]! << 8) | b[i + 1]!);
  // RFC 5952: the longest run (2 or more) of zero groups becomes `::`.
  let best = -1;
  let bestLen = 1;
  for (let i = 0; i < 8;) {
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen) [best, bestLen] = [i, j - i];
    i = j === i ? i + 1 : j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (best < 0) return hex.join(':');
  return `${hex.slice(0, best).join(':')}::${hex.slice(best + bestLen).join(':')}`;
}

/** Splits a compact peer string: 6 bytes per IPv4 peer (BEP 23), 18 per IPv6 peer (BEP 7). */
export function compactPeers(bytes: Uint8Array, family: 4 | 6): CompactPeer[] | null {
  const size = family === 4 ? 6 : 18;
  if (bytes.length % size !== 0) return null;
  const out: CompactPeer[] = [];
  for (let i = 0; i < bytes.length; i += size) {
    const addr = bytes.subarray(i, i + size - 2);
    const ip = family === 4 ? Array.from(addr).join('.') : ipv6Text(addr);
    out.push({ ip, port: (bytes[i + size - 2]! << 8) | bytes[i + size - 1]! });
  }
  return out;
}

/** The tree as shown: one node per value, labelled by its key or list position. */
export interface ReadableNode {
  /** The dictionary key (text or hex) or `[i]`; '' for the root. */
  label: string;
  /** True when the key is shown as hex (not readable as text). */
  labelIsHex: boolean;
  kind: 'int' | 'text' | 'hex' | 'list' | 'dict' | 'peers';
  /** The value for leaves: the integer, the text, or the hex. */
  value: string;
  /** Byte length for strings. */
  length: number | null;
  children: ReadableNode[];
  /** For `peers`/`peers6` compact strings: the entries. */
  peers: CompactPeer[] | null;
}

export function readableTree(node: BNode, label = '', labelIsHex = false): ReadableNode {
  const base = { label, labelIsHex, value: '', length: null, children: [], peers: null };
  switch (node.kind) {
    case 'int':
      return { ...base, kind: 'int', value: node.value };
    case 'bytes': {
      const family = label === 'peers' ? 4 : label === 'peers6' ? 6 : null;
      const peers = family === null ? null : compactPeers(node.bytes, family);
      if (peers)
        return { ...base, kind: 'peers', value: toHex(node.bytes), length: node.bytes.length, peers };
      const text = readableText(node.bytes);
      return text === null
        ? { ...base, kind: 'hex', value: toHex(node.bytes), length: node.bytes.length }
        : { ...base, kind: 'text', value: text, length: node.bytes.length };
    }
    case 'list':
      return { ...base, kind: 'list', children: node.items.map((item, i) => readableTree(item, `[${i}]`)) };
    case 'dict':
      return {
        ...base,
        kind: 'dict',
        children: node.entries.map(({ key, value }) => {
          // 20-byte keys are info hashes (a scrape's `files`): always hex.
          const text = key.length === 20 ? null : readableText(key);
          return readableTree(value, text ?? toHex(key), text === null);
        }),
      };
  }
}
