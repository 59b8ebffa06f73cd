// The peers a response may draw from: the swarm's leechers and (unless withheld) seeders, minus the
// requester. Positions 0..size-1 index a list without the requester, without copying it.
import type { PeerStore } from '../store/peerStore';
import { PeerFlag } from '../store/peerTable';
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

/**
 * The peers of `list` in one address family (null: either) and not withheld, minus the requester
 * (a copy: mixed swarms are rare).
 */
function filteredPool(
  list: SlotList,
  requester: number,
  store: PeerStore,
  family: 4 | 6 | null,
  withhold: ((slot: number) => boolean) | null,
): CandidatePool {
  const t = store.table;
  if (family === 6 && t.compact6.size === 0) return new CandidatePool(NO_PEERS, -1);
  const kept = new SlotList();
  const items = list.view();
  for (let i = 0; i < items.length; i++) {
    const slot = items[i]!;
    if (slot === requester) continue;
    if (family !== null && t.hasFlag(slot, PeerFlag.IPv6) !== (family === 6)) continue;
    if (withhold?.(slot)) continue;
    kept.push(slot);
  }
  return new CandidatePool(kept, -1);
}

/**
 * `family`: only peers of that address family (a UDP answer, BEP 15); null: both. `withhold`: peers
 * never to return (simulated peers, to a real client in live mode). Filtering copies the lists, so
 * it only happens when the table holds IPv6 peers, an IPv6 requester asks, or peers are withheld.
 */
export function swarmPools(
  store: PeerStore,
  swarm: Swarm,
  requester: number,
  requesterSeeder: boolean,
  seedersToSeeders: boolean,
  family: 4 | 6 | null = null,
  withhold: ((slot: number) => boolean) | null = null,
): SwarmPools {
  const only = family === 6 || (family === 4 && store.table.compact6.size > 0) ? family : null;
  const copy = only !== null || withhold !== null;
  const leechers = copy
    ? filteredPool(swarm.leechers, requester, store, only, withhold)
    : poolOf(swarm.leechers, requester, store);
  const seeders = copy
    ? filteredPool(swarm.seeders, requester, store, only, withhold)
    : poolOf(swarm.seeders, requester, store);
  if (requesterSeeder && !seedersToSeeders) {
    return { leechers, seeders: new CandidatePool(NO_PEERS, -1), seedersWithheld: seeders.size };
  }
  return { leechers, seeders, seedersWithheld: 0 };
}
