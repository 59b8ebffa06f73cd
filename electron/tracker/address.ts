// Peer addresses as bytes. IPv4 peers are kept as their 4 bytes (BEP 23 compact form), IPv6 as 16
// (BEP 7 `peers6`). An IPv4-mapped IPv6 socket address (`::ffff:1.2.3.4`) is an IPv4 peer.
import ipaddr from 'ipaddr.js';

export interface PeerAddress {
  family: 4 | 6;
  bytes: Uint8Array;
  text: string;
}

const DOTTED_QUAD = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

function parseDottedQuad(text: string): Uint8Array | null {
  const m = DOTTED_QUAD.exec(text);
  if (!m) return null;
  const out = new Uint8Array(4);
  for (let i = 0; i < 4; i++) {
    const part = m[i + 1]!;
    const n = Number(part);
    if (n > 255 || (part.length > 1 && part[0] === '0')) return null;
    out[i] = n;
  }
  return out;
}

export function formatIPv4(bytes: Uint8Array, offset = 0): string {
  return `${bytes[offset]}.${bytes[offset + 1]}.${bytes[offset + 2]}.${bytes[offset + 3]}`;
}

export function formatIPv6(bytes: Uint8Array, offset = 0): string {
  return ipaddr.fromByteArray(Array.from(bytes.subarray(offset, offset + 16))).toString();
}

/** Parses a socket address or an `ip=` value; null when it is not an IP address. */
export function parseAddress(text: string): PeerAddress | null {
  const v4 = parseDottedQuad(text);
  if (v4) return { family: 4, bytes: v4, text };
  if (!text.includes(':') || !ipaddr.IPv6.isValid(text)) return null;
  const v6 = ipaddr.IPv6.parse(text);
  if (v6.isIPv4MappedAddress()) {
    const bytes = Uint8Array.from(v6.toIPv4Address().toByteArray());
    return { family: 4, bytes, text: formatIPv4(bytes) };
  }
  const bytes = Uint8Array.from(v6.toByteArray());
  return { family: 6, bytes, text: formatIPv6(bytes) };
}

export function isLoopback(address: PeerAddress): boolean {
  if (address.family === 4) return address.bytes[0] === 127;
  return address.bytes.every((b, i) => b === (i === 15 ? 1 : 0));
}

/** Same /24 for IPv4, same /64 for IPv6: the "same subnet" used by same-subnet-first selection. */
export function subnetPrefixLength(family: 4 | 6): number {
  return family === 4 ? 3 : 8;
}
