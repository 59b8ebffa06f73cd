// The built-in strategies. Each one is small; the shared parts (pools, sampling) live beside them.
import type { SelectionReason } from '../../../shared/tracker/events';
import type { SelectionStrategyName } from '../../../shared/tracker/settings';
import { PeerFlag } from '../store/peerTable';
import type { CandidatePool } from './pool';
import { sampleFrom, samplePositions, topK } from './sampling';
import type { Selection, SelectionInput, SelectionStrategy } from './strategy';

function allCandidates(input: SelectionInput): number[] {
  return [...input.pools.leechers.toArray(), ...input.pools.seeders.toArray()];
}

function poolSize(input: SelectionInput): number {
  return input.pools.leechers.size + input.pools.seeders.size;
}

/** Uniform sample without replacement over one or more pools taken as one. */
function randomFrom(
  pools: CandidatePool[],
  k: number,
  input: SelectionInput,
  reason: SelectionReason,
): Selection {
  const slots = sampleFrom(pools, k, input.rng);
  return { slots, reasons: new Array<SelectionReason>(slots.length).fill(reason) };
}

function ranked(input: SelectionInput, score: (slot: number) => number, reason: SelectionReason): Selection {
  const salt = input.rng.int(0, 0x7fffffff);
  const slots = topK(allCandidates(input), input.numwant, score, salt);
  return { slots, reasons: slots.map(() => reason) };
}

/** Candidates in `first` (random order) then the rest (random order), up to numwant. */
function tiered(
  input: SelectionInput,
  inFirstTier: (slot: number) => boolean,
  reasons: [SelectionReason, SelectionReason],
): Selection {
  const first: number[] = [];
  const rest: number[] = [];
  for (const slot of allCandidates(input)) (inFirstTier(slot) ? first : rest).push(slot);
  const out: Selection = { slots: [], reasons: [] };
  for (const [tier, reason] of [
    [first, reasons[0]],
    [rest, reasons[1]],
  ] as const) {
    const want = input.numwant - out.slots.length;
    for (const position of samplePositions(tier.length, want, input.rng)) {
      out.slots.push(tier[position]!);
      out.reasons.push(reason);
    }
  }
  return out;
}

const random: SelectionStrategy = {
  name: 'random',
  select: (input) => randomFrom([input.pools.leechers, input.pools.seeders], input.numwant, input, 'random'),
};

const newest: SelectionStrategy = {
  name: 'newest',
  select: (input) => ranked(input, (slot) => input.store.table.firstSeen[slot]!, 'newest'),
};

const oldest: SelectionStrategy = {
  name: 'oldest',
  select: (input) => ranked(input, (slot) => -input.store.table.firstSeen[slot]!, 'oldest'),
};

const seedersFirst: SelectionStrategy = {
  name: 'seeders-first',
  select: (input) =>
    tiered(input, (slot) => input.store.table.hasFlag(slot, PeerFlag.Seeder), [
      'seeder-first',
      'leecher-after-seeders',
    ]),
};

const speedNormal: SelectionStrategy = {
  name: 'speed-normal',
  select: (input) =>
    randomFrom([input.pools.leechers, input.pools.seeders], input.numwant, input, 'no-speed-bias'),
};

const speedHigh: SelectionStrategy = {
  name: 'speed-high',
  select: (input) => ranked(input, (slot) => input.store.table.uploadRate[slot]!, 'fastest'),
};

const speedLow: SelectionStrategy = {
  name: 'speed-low',
  select: (input) => ranked(input, (slot) => -input.store.table.uploadRate[slot]!, 'slowest'),
};

const sameSubnetFirst: SelectionStrategy = {
  name: 'same-subnet-first',
  select: (input) => {
    const own = input.requesterCompact;
    const prefix = own.length === 6 ? 3 : 8;
    return tiered(
      input,
      (slot) => {
        const other = input.store.table.compactOf(slot);
        if (other.length !== own.length) return false;
        for (let i = 0; i < prefix; i++) if (other[i] !== own[i]) return false;
        return true;
      },
      ['same-subnet', 'other-subnet'],
    );
  },
};

export const selectionStrategies: Record<SelectionStrategyName, SelectionStrategy> = {
  random,
  newest,
  oldest,
  'seeders-first': seedersFirst,
  'speed-normal': speedNormal,
  'speed-high': speedHigh,
  'speed-low': speedLow,
  'same-subnet-first': sameSubnetFirst,
};

export function selectPeers(name: SelectionStrategyName, input: SelectionInput): Selection {
  if (input.numwant <= 0 || poolSize(input) === 0) return { slots: [], reasons: [] };
  return selectionStrategies[name].select(input);
}
