// A client's drawable state, derived from its lifecycle flags, and the event when it changes.
import type { ClientState } from '../../../shared/sim/events';
import type { SimClient, SimContext } from '../context';

export function deriveState(ctx: SimContext, c: SimClient): ClientState {
  switch (c.lifecycle) {
    case 'idle':
      return 'idle';
    case 'crashed':
      return 'crashed';
    case 'stopped':
      return 'stopped';
    case 'running':
      if (!c.online) return 'offline';
      if (c.paused) return 'paused';
      return ctx.transfers[c.torrent]!.left(c.id) === 0 ? 'seeding' : 'leeching';
  }
}

/** Re-derives the state and reports a change; also tells the transfer model whether it may move bytes. */
export function refreshState(ctx: SimContext, c: SimClient, cause: string): void {
  const state = deriveState(ctx, c);
  const transfers = ctx.transfers[c.torrent]!;
  if (transfers.has(c.id)) transfers.setActive(c.id, c.lifecycle === 'running' && c.online && !c.paused);
  if (state === c.state) return;
  const previous = c.state;
  c.state = state;
  ctx.emit({ type: 'clientStateChanged', t: ctx.now, clientId: c.id, state, previous, cause });
}

export function closeConnections(
  ctx: SimContext,
  c: SimClient,
  reason: 'left' | 'crashed' | 'offline' | 'paused' | 'ip-change',
): void {
  const transfers = ctx.transfers[c.torrent]!;
  if (!transfers.has(c.id)) return;
  const peers = transfers.disconnectAll(c.id);
  if (peers.length > 0) {
    ctx.emit({
      type: 'connectionsClosed',
      t: ctx.now,
      clientId: c.id,
      peers: [...peers].sort((a, b) => a - b),
      reason,
    });
  }
}
