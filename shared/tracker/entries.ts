// The tracker's peer entries as the events describe them. Responses name the peers they returned by
// entry number (compact logs: a 50-peer answer is 50 numbers); this resolves them, for the views,
// the exports and the tests. Removed entries are kept, so old answers still resolve.
import type { PeerRemovalReason, SelectionReason, TrackerEvent } from './events';

export interface PeerEntry {
  entry: number;
  infoHash: string;
  peerId: string;
  ip: string;
  port: number;
  seeder: boolean;
  paused: boolean;
  user: string | null;
  /** Still in the tracker's peer list. */
  listed: boolean;
  /** When and why it left the list (null while listed). */
  removedAt: number | null;
  removedReason: PeerRemovalReason | null;
  /** When the tracker last heard from it before it left (the removal's lastSeen). */
  lastSeen: number | null;
}

export interface ReturnedPeer extends PeerEntry {
  reason: SelectionReason;
}

export class PeerEntries {
  private readonly entries = new Map<number, PeerEntry>();

  apply(event: TrackerEvent): void {
    switch (event.type) {
      case 'peerAdded':
        this.entries.set(event.entry, {
          entry: event.entry,
          infoHash: event.infoHash,
          peerId: event.peerId,
          ip: event.ip,
          port: event.port,
          seeder: event.seeder,
          paused: false,
          user: event.user,
          listed: true,
          removedAt: null,
          removedReason: null,
          lastSeen: event.t,
        });
        break;
      case 'peerChanged': {
        const e = this.entries.get(event.entry);
        if (e) {
          Object.assign(e, {
            ip: event.ip,
            port: event.port,
            seeder: event.seeder,
            paused: event.paused,
            lastSeen: event.t,
          });
        }
        break;
      }
      case 'peerRemoved': {
        const e = this.entries.get(event.entry);
        if (e)
          Object.assign(e, {
            listed: false,
            removedAt: event.t,
            removedReason: event.reason,
            lastSeen: event.lastSeen,
          });
        break;
      }
      default:
        break;
    }
  }

  /** A copy whose entries are independent of this one's (for checkpoints). */
  clone(): PeerEntries {
    const copy = new PeerEntries();
    for (const [k, v] of this.entries) copy.entries.set(k, { ...v });
    return copy;
  }

  get(entry: number): PeerEntry | undefined {
    return this.entries.get(entry);
  }

  /** The peers of an `announceAnswered`, with the reason each was chosen. */
  returned(answer: { peers: readonly number[]; reasons: readonly SelectionReason[] }): ReturnedPeer[] {
    return answer.peers.map((entry, i) => {
      const e = this.entries.get(entry);
      if (!e) throw new Error(`unknown peer entry ${entry}`);
      return { ...e, reason: answer.reasons[i]! };
    });
  }

  /** Entries currently listed, in entry order. */
  listed(): PeerEntry[] {
    return [...this.entries.values()].filter((e) => e.listed);
  }
}

/** Applies a whole event history. */
export function peerEntriesOf(events: Iterable<{ type: string }>): PeerEntries {
  const entries = new PeerEntries();
  for (const e of events) entries.apply(e as TrackerEvent);
  return entries;
}
