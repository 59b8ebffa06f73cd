// Where a live tracker listens, and what to tell the user about it: loopback keeps real clients on
// this machine; anything else lets the network in, which deserves a clear warning.
import { isLoopback, parseAddress } from '../tracker/address';

/** An address as it goes into a URL: IPv6 in brackets. */
export function urlHost(address: string): string {
  return address.includes(':') ? `[${address}]` : address;
}

export function isLoopbackHost(host: string): boolean {
  if (host === 'localhost') return true;
  const address = parseAddress(host);
  return address !== null && isLoopback(address);
}

export function isWildcardHost(host: string): boolean {
  return host === '0.0.0.0' || host === '::';
}

/** null on loopback; otherwise the one-line warning to show (stderr in the CLI, a banner in the app). */
export function exposureWarning(host: string): string | null {
  if (isLoopbackHost(host)) return null;
  const where = isWildcardHost(host) ? `every interface (${host})` : host;
  return (
    `WARNING: the tracker listens on ${where}, beyond loopback: real clients on the network can reach ` +
    `it and announce. Simulated peers have loopback addresses (127.x.y.z), useless to other machines.`
  );
}

/** A host parameter as typed by a user: an IP address or `localhost`; null when it is neither. */
export function validBindHost(host: string): boolean {
  return host === 'localhost' || parseAddress(host) !== null;
}

export interface InterfaceAddress {
  address: string;
  family: 'IPv4' | 'IPv6' | 4 | 6;
  internal: boolean;
}

/**
 * The addresses other machines can use when the tracker is bound to a wildcard: the machine's
 * non-internal IPv4 addresses (link-local IPv6 addresses need a zone and are left out).
 */
export function reachableAddresses(host: string, interfaces: readonly InterfaceAddress[]): string[] {
  if (!isWildcardHost(host)) return [];
  return interfaces
    .filter((i) => !i.internal && (i.family === 'IPv4' || i.family === 4))
    .map((i) => i.address);
}
