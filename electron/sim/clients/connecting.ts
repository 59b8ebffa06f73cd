// Turning a peer list into connections. A client only ever connects to peers the tracker returned,
// so a stale list (ghosts, moved peers) shows up here as unreachable addresses.
import type { SimClient, SimContext } from '../context';
import type { ReturnedPeer } from './announceResponse';

export function addressKey(ip: string, port: number): string {
  return `${ip}:${port}`;
}

export function openConnections(
  ctx: SimContext,
  c: SimClient,
  announceId: number,
  returned: ReturnedPeer[],
): void {
  const transfers = ctx.transfers[c.torrent]!;
  const opened: number[] = [];
  const unreachable: number[] = [];
  let full = 0;
  let notSimulated = 0;
  const selfSeeding = transfers.left(c.id) === 0;
  for (const peer of returned) {
    const id = ctx.addressBook.get(addressKey(peer.ip, peer.port));
    if (id === undefined) {
      notSimulated++;
      continue;
    }
    const target = ctx.clients[id]!;
    const reachable =
      id !== c.id &&
      target.torrent === c.torrent &&
      target.lifecycle === 'running' &&
      target.online &&
      !target.paused &&
      target.ip === peer.ip;
    if (!reachable) {
      unreachable.push(id);
      continue;
    }
    // Two seeders have nothing to say to each other; real clients drop such connections at once.
    if (selfSeeding && transfers.left(id) === 0) continue;
    const outcome = transfers.connect(c.id, id);
    if (outcome === 'connected') opened.push(id);
    else if (outcome === 'full') full++;
  }
  if (opened.length + unreachable.length + full + notSimulated === 0) return;
  ctx.emit({
    type: 'connectionsOpened',
    t: ctx.now,
    clientId: c.id,
    announceId,
    peers: opened,
    unreachable,
    full,
    notSimulated,
  });
}
