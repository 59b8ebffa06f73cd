// What the tracker's handlers share: the store, the users, the settings, the PRNG and the event sink.
import type { Prng } from '../../shared/prng';
import type { TrackerEvent } from '../../shared/tracker/events';
import type { TrackerSettings } from '../../shared/tracker/settings';
import type { PeerStore } from './store/peerStore';
import type { UserAccounts } from './users';

export interface TrackerState {
  readonly store: PeerStore;
  readonly users: UserAccounts;
  readonly settings: TrackerSettings;
  readonly rng: Prng;
  /** True when someone listens, so handlers can skip building events nobody reads. */
  readonly observed: boolean;
  /** Which peers are simulated (live mode); absent: every peer is alike. */
  readonly simulatedPeers?: SimulatedPeers;
  emit(event: TrackerEvent): void;
}

/**
 * The simulated peers, by peer_id (the engine registers its clients'); any other peer is a real
 * client. Without `simulatedPeersToRealClients`, a real client is never sent a simulated peer.
 */
export interface SimulatedPeers {
  isSimulated(peerId: Uint8Array): boolean;
}

export function hex(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex');
}
