// Which peers are simulated, for the tracker's live-mode rule (simulated peers are not sent to real
// clients): every peer_id a simulated client announced with, learned from the event log. Any other
// peer that reaches the tracker is a real client.
import type { LoggedEvent } from '../../shared/events';
import type { SimulatedPeers } from '../tracker/state';

export class SimulatedPeerIds implements SimulatedPeers {
  private readonly ids = new Set<string>();

  /** Feed it the log: clients' peer_ids arrive with `clientCreated` and `clientIdentityChanged`. */
  observe(event: LoggedEvent): void {
    if (event.type === 'clientCreated' || event.type === 'clientIdentityChanged') this.ids.add(event.peerId);
  }

  isSimulated(peerId: Uint8Array): boolean {
    return this.ids.has(Buffer.from(peerId.buffer, peerId.byteOffset, peerId.byteLength).toString('hex'));
  }

  get size(): number {
    return this.ids.size;
  }
}
