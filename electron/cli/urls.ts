// The announce URLs to hand to a client for a listening tracker.

/** A bound UDP socket (node's AddressInfo fits). */
export interface UdpEndpoint {
  address: string;
  port: number;
}

/** A host as it goes into a URL: wildcards become loopback of the same family, IPv6 in brackets. */
function hostForUrl(host: string, ipv6Wildcard = '127.0.0.1'): string {
  if (host === '0.0.0.0') return '127.0.0.1';
  if (host === '::') return ipv6Wildcard;
  return host.includes(':') ? `[${host}]` : host;
}

/** `127.0.0.1:6969 and [::1]:6969`. */
export function endpointList(endpoints: readonly UdpEndpoint[]): string {
  return endpoints
    .map((e) => `${e.address.includes(':') ? `[${e.address}]` : e.address}:${e.port}`)
    .join(' and ');
}

/**
 * Lines naming the announce URL(s): HTTP, then one UDP URL (BEP 15) per UDP socket. For a private
 * tracker each passkey gets the `?passkey=` form first: libtorrent-based clients (qBittorrent,
 * Deluge) refuse loopback tracker URLs whose path does not start with /announce; the seed's
 * `/<passkey>/announce` form is listed beside it. A UDP client sends either form as BEP 41 URLData.
 */
export function announceUrls(
  host: string,
  port: number,
  passkeys: readonly string[],
  udp: readonly UdpEndpoint[] = [],
): string[] {
  const bases = [
    `http://${hostForUrl(host)}:${port}`,
    ...udp.map((e) => `udp://${hostForUrl(e.address, '[::1]')}:${e.port}`),
  ];
  if (passkeys.length === 0) return bases.map((base) => `announce URL: ${base}/announce`);
  return passkeys.flatMap((key) =>
    bases.flatMap((base) => [
      `announce URL (${key}): ${base}/announce?passkey=${key}`,
      `  also accepted:  ${base}/${key}/announce`,
    ]),
  );
}
