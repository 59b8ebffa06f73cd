// Who may open the browser mode's bridge: only the page this server served. The Origin must match
// the Host (no cross-site WebSocket hijacking), and the Host must name this server by an IP address
// or `localhost`: a page on another site whose DNS name was re-pointed at this machine (DNS
// rebinding) sends a matching Origin and Host, but with its own name in them.
import { isIP } from 'node:net';

export function bridgeRequestAllowed(
  headers: { origin?: string | undefined; host?: string | undefined },
  port: number,
): boolean {
  const host = headers.host;
  if (host === undefined || headers.origin !== `http://${host}`) return false;
  const m = /^(\[[0-9a-fA-F:.]+\]|[^:]+):(\d+)$/.exec(host);
  if (!m || Number(m[2]) !== port) return false;
  const name = m[1]!.replace(/^\[|\]$/g, '');
  return name === 'localhost' || isIP(name) !== 0;
}
