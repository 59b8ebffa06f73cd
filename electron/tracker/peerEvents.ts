// Removing peers and reporting count changes: shared by announce, sweep and restart.
import type { PeerRemovalReason } from '../../shared/tracker/events';
import { isSeeder, peerIp } from './peerView';
import type { TrackerState } from './state';
import type { Swarm } from './store/swarm';

export interface SwarmCounts {
  complete: number;
  incomplete: number;
  downloaded: number;
  downloaders: number;
}

export function countsOf(swarm: Swarm): SwarmCounts {
  return {
    complete: swarm.complete,
    incomplete: swarm.incomplete,
    downloaded: swarm.snatches,
    downloaders: swarm.downloaders,
  };
}

export function emitCountsIfChanged(
  state: TrackerState,
  swarm: Swarm,
  before: SwarmCounts,
  now: number,
): void {
  if (!state.observed) return;
  const after = countsOf(swarm);
  if (
    after.complete !== before.complete ||
    after.incomplete !== before.incomplete ||
    after.downloaded !== before.downloaded ||
    after.downloaders !== before.downloaders
  ) {
    state.emit({ type: 'countsChanged', t: now, infoHash: swarm.infoHashHex, ...after });
  }
}

/** Reports a removal; the caller removes the peer (one by one, or all at once on a restart). */
export function emitPeerRemoved(
  state: TrackerState,
  slot: number,
  reason: PeerRemovalReason,
  requestId: number | null,
  now: number,
): void {
  if (!state.observed) return;
  const { store } = state;
  state.emit({
    type: 'peerRemoved',
    t: now,
    requestId,
    entry: store.table.entry[slot]!,
    infoHash: store.swarmOf(slot).infoHashHex,
    peerId: store.peerIdHex(slot),
    ip: peerIp(store, slot),
    port: store.table.portOf(slot),
    seeder: isSeeder(store, slot),
    reason,
    lastSeen: store.table.lastSeen[slot]!,
  });
}

export function removePeer(
  state: TrackerState,
  slot: number,
  reason: PeerRemovalReason,
  requestId: number | null,
  now: number,
): void {
  emitPeerRemoved(state, slot, reason, requestId, now);
  state.store.remove(slot);
}
