// How a simulated client looks on the wire: peer_id, key and port per its profile's habits, and a
// loopback address of its own (every simulated peer lives in 127.0.0.0/8).
import type { Prng } from '../../../shared/prng';
import type { ClientProfile, KeyFormat, PeerIdSuffix } from '../../../shared/sim/profiles';

const LOWER_ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const HEX_UPPER = '0123456789ABCDEF';

function pick(alphabet: string, length: number, rng: Prng): string {
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[rng.int(0, alphabet.length - 1)];
  return out;
}

function suffixBytes(kind: PeerIdSuffix, length: number, rng: Prng): number[] {
  if (kind === 'bytes') return Array.from({ length }, () => rng.int(0, 255));
  const text = pick(kind === 'alnum-lower' ? LOWER_ALNUM : ALNUM, length, rng);
  return Array.from(text, (c) => c.charCodeAt(0));
}

/** Azureus-style peer_id: the profile's 8-character prefix and 12 random characters (BEP 20). */
export function makePeerId(profile: ClientProfile, rng: Prng): Uint8Array {
  const prefix = Array.from(profile.peerIdPrefix, (c) => c.charCodeAt(0));
  return Uint8Array.from([...prefix, ...suffixBytes(profile.peerIdSuffix, 20 - prefix.length, rng)]);
}

export function makeKey(format: KeyFormat, rng: Prng): string | null {
  switch (format) {
    case 'alnum-lower-10':
      return pick(LOWER_ALNUM, 10, rng);
    case 'hex-upper-8':
      return pick(HEX_UPPER, 8, rng);
    case null:
      return null;
  }
}

export function makePort(profile: ClientProfile, rng: Prng): number {
  return profile.port ?? rng.int(10_000, 60_000);
}

/**
 * The n-th client of group g gets 127.(10+g).(n div 254).(2 + n mod 254): each group has its own
 * /16 (so same-subnet selection has something to find), and .0, .1 and .255 are never used.
 */
export function groupAddress(group: number, n: number): string {
  return `127.${10 + (group % 200)}.${Math.floor(n / 254) % 256}.${2 + (n % 254)}`;
}

/** Addresses handed out on an IP change: 127.250.x.y, counting up. */
export function movedAddress(n: number): string {
  return `127.${250 + Math.floor(n / 65_024)}.${Math.floor(n / 254) % 256}.${2 + (n % 254)}`;
}
