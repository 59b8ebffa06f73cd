// The peers a response may draw from: the swarm's leechers and (unless withheld) seeders, minus the
// requester. Positions 0..size-1 index a list without the requester, without copying it.
import type { PeerStore } from '../store/peerStore';
import { SlotList } from '../store/slotList';
import type { Swarm } from '../store/swarm';

const NO_PEERS = new SlotList();

export class CandidatePool {
  readonly size: number;

  /** `skip`: the requester's position in `list`, or -1 when it is not in it. */
  constructor(
    private readonly list: SlotList,
    private readonly skip: number,
  ) {
    this.size = list.length - (skip === -1 ? 0 : 1);
  }

  at(position: number): number {
    if (position < 0 || position >= this.size)
      throw new RangeError(`pool position ${position} out of ${this.size}`);
    return this.list.at(this.skip !== -1 && position >= this.skip ? position + 1 : position);
  }

  /** Copies the pool's slots, in position order, into `target` from `offset`; returns the count. */
  copyInto(target: Int32Array, offset: number): number {
    return this.list.copyInto(target, offset, this.skip);
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

function poolOf(list: SlotList, requester: number, store: PeerStore): CandidatePool {
  let skip = -1;
  if (requester !== -1) {
    const pos = store.table.listPos[requester]!;
    if (pos < list.length && list.at(pos) === requester) skip = pos;
  }
  return new CandidatePool(list, skip);
}

export function swarmPools(
  store: PeerStore,
  swarm: Swarm,
  requester: number,
  requesterSeeder: boolean,
  seedersToSeeders: boolean,
): SwarmPools {
  const leechers = poolOf(swarm.leechers, requester, store);
  const seeders = poolOf(swarm.seeders, requester, store);
  if (requesterSeeder && !seedersToSeeders) {
    return { leechers, seeders: new CandidatePool(NO_PEERS, -1), seedersWithheld: seeders.size };
  }
  return { leechers, seeders, seedersWithheld: 0 };
}
