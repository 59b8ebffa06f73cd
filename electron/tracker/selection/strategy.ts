// The peer-selection strategy interface. A strategy picks which peers go into one announce response
// and says why each was picked; the tracker records that in the `announceAnswered` event.
import type { Prng } from '../../../shared/prng';
import type { SelectionReason } from '../../../shared/tracker/events';
import type { SelectionStrategyName } from '../../../shared/tracker/settings';
import type { PeerStore } from '../store/peerStore';
import type { SwarmPools } from './pool';

export interface SelectionInput {
  store: PeerStore;
  pools: SwarmPools;
  /** The requester's compact address (its subnet matters to same-subnet-first). */
  requesterCompact: Uint8Array;
  numwant: number;
  rng: Prng;
}

export interface Selection {
  slots: number[];
  reasons: SelectionReason[];
}

export interface SelectionStrategy {
  readonly name: SelectionStrategyName;
  select(input: SelectionInput): Selection;
}
