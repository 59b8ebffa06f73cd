// The announce URLs to hand to a client for a listening tracker.

function hostForUrl(host: string): string {
  if (host === '0.0.0.0' || host === '::') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}

/**
 * Lines naming the announce URL(s). For a private tracker each passkey gets the `?passkey=` form
 * first: libtorrent-based clients (qBittorrent, Deluge) refuse loopback tracker URLs whose path does
 * not start with /announce; the seed's `/<passkey>/announce` form is listed beside it.
 */
export function announceUrls(host: string, port: number, passkeys: readonly string[]): string[] {
  const base = `http://${hostForUrl(host)}:${port}`;
  if (passkeys.length === 0) return [`announce URL: ${base}/announce`];
  return passkeys.flatMap((key) => [
    `announce URL (${key}): ${base}/announce?passkey=${key}`,
    `  also accepted:  ${base}/${key}/announce`,
  ]);
}
