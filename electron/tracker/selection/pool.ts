// The peers a response may draw from: the swarm's leechers and (unless withheld) seeders, minus the
// requester. Positions 0..size-1 index the concatenation without materialising it.
import type { PeerStore } from '../store/peerStore';
import type { SlotList } from '../store/slotList';
import type { Swarm } from '../store/swarm';

interface Segment {
  list: SlotList;
  /** Position of the requester in this list, or -1. */
  skip: number;
  size: number;
}

export class CandidatePool {
  private readonly segments: Segment[] = [];
  readonly size: number;

  constructor(lists: SlotList[], requester: number, store: PeerStore) {
    let size = 0;
    for (const list of lists) {
      let skip = -1;
      if (requester !== -1) {
        const pos = store.table.listPos[requester]!;
        if (pos < list.length && list.at(pos) === requester) skip = pos;
      }
      const segmentSize = list.length - (skip === -1 ? 0 : 1);
      this.segments.push({ list, skip, size: segmentSize });
      size += segmentSize;
    }
    this.size = size;
  }

  at(position: number): number {
    let p = position;
    for (const seg of this.segments) {
      if (p < seg.size) return seg.list.at(seg.skip !== -1 && p >= seg.skip ? p + 1 : p);
      p -= seg.size;
    }
    throw new RangeError(`pool position ${position} out of ${this.size}`);
  }

  toArray(): number[] {
    const out = new Array<number>(this.size);
    for (let i = 0; i < this.size; i++) out[i] = this.at(i);
    return out;
  }
}

export interface SwarmPools {
  leechers: CandidatePool;
  seeders: CandidatePool;
  /** Seeders left out because the requester seeds and seeders-to-seeders is off. */
  seedersWithheld: number;
}

export function swarmPools(
  store: PeerStore,
  swarm: Swarm,
  requester: number,
  requesterSeeder: boolean,
  seedersToSeeders: boolean,
): SwarmPools {
  const leechers = new CandidatePool([swarm.leechers], requester, store);
  const allSeeders = new CandidatePool([swarm.seeders], requester, store);
  if (requesterSeeder && !seedersToSeeders) {
    return { leechers, seeders: new CandidatePool([], -1, store), seedersWithheld: allSeeders.size };
  }
  return { leechers, seeders: allSeeders, seedersWithheld: 0 };
}
