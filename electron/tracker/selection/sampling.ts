// Sampling primitives shared by the strategies. All randomness comes from the injected PRNG.
import type { Prng } from '../../../shared/prng';
import type { CandidatePool } from './pool';

/** Up to this many candidates the shuffle runs in a reused array; above it, in a sparse map. */
const DENSE_LIMIT = 8192;
let scratch = new Int32Array(256);

/**
 * k distinct positions from 0..n-1, uniformly, in random order: a partial Fisher–Yates shuffle.
 * Small pools shuffle a reused array; large ones record only the swapped cells, so it costs O(k)
 * even in a swarm of 100,000. Both consume the PRNG identically and give the same answer.
 */
export function samplePositions(n: number, k: number, rng: Prng): number[] {
  const count = Math.min(n, k);
  const out = new Array<number>(count);
  if (n <= DENSE_LIMIT) {
    if (scratch.length < n) scratch = new Int32Array(Math.max(n, scratch.length * 2));
    const cells = scratch;
    for (let i = 0; i < n; i++) cells[i] = i;
    for (let i = 0; i < count; i++) {
      const j = rng.int(i, n - 1);
      const atJ = cells[j]!;
      cells[j] = cells[i]!;
      cells[i] = atJ;
      out[i] = atJ;
    }
    return out;
  }
  const swapped = new Map<number, number>();
  for (let i = 0; i < count; i++) {
    const j = rng.int(i, n - 1);
    const atJ = swapped.get(j) ?? j;
    swapped.set(j, swapped.get(i) ?? i);
    out[i] = atJ;
  }
  return out;
}

/**
 * k distinct slots, uniformly, from the pools taken as one list — the same answer as sampling
 * positions and looking them up, but shuffling the slots themselves when the pools are small.
 */
export function sampleFrom(pools: readonly CandidatePool[], k: number, rng: Prng): number[] {
  let n = 0;
  for (const pool of pools) n += pool.size;
  if (n > DENSE_LIMIT) {
    return samplePositions(n, k, rng).map((position) => {
      let p = position;
      for (const pool of pools) {
        if (p < pool.size) return pool.at(p);
        p -= pool.size;
      }
      throw new RangeError('position outside the pools');
    });
  }
  if (scratch.length < n) scratch = new Int32Array(Math.max(n, scratch.length * 2));
  const cells = scratch;
  let filled = 0;
  for (const pool of pools) filled += pool.copyInto(cells, filled);
  const count = Math.min(n, k);
  const out = new Array<number>(count);
  for (let i = 0; i < count; i++) {
    const j = rng.int(i, n - 1);
    const atJ = cells[j]!;
    cells[j] = cells[i]!;
    cells[i] = atJ;
    out[i] = atJ;
  }
  return out;
}

/** A cheap deterministic per-request tiebreak, so equal scores do not always favour low slots. */
export function tiebreak(slot: number, salt: number): number {
  let h = Math.imul(slot ^ salt, 0x9e3779b1);
  h ^= h >>> 15;
  h = Math.imul(h, 0x85ebca6b);
  return (h ^ (h >>> 13)) >>> 0;
}

/**
 * The k best slots of `candidates` by `score` (higher first), ties broken by `tiebreak`. A bounded
 * selection: O(n log k), no full sort of a large swarm.
 */
export function topK(
  candidates: number[],
  k: number,
  score: (slot: number) => number,
  salt: number,
): number[] {
  const better = (a: number, b: number): boolean => {
    const sa = score(a);
    const sb = score(b);
    return sa !== sb ? sa > sb : tiebreak(a, salt) > tiebreak(b, salt);
  };
  if (k <= 0) return [];
  // Min-heap (by `better`) of the best k seen so far.
  const heap: number[] = [];
  const siftUp = (i: number): void => {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!better(heap[parent]!, heap[i]!)) break;
      [heap[parent], heap[i]] = [heap[i]!, heap[parent]!];
      i = parent;
    }
  };
  const siftDown = (i: number): void => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let worst = i;
      if (l < heap.length && better(heap[worst]!, heap[l]!)) worst = l;
      if (r < heap.length && better(heap[worst]!, heap[r]!)) worst = r;
      if (worst === i) return;
      [heap[worst], heap[i]] = [heap[i]!, heap[worst]!];
      i = worst;
    }
  };
  for (const slot of candidates) {
    if (heap.length < k) {
      heap.push(slot);
      siftUp(heap.length - 1);
    } else if (better(slot, heap[0]!)) {
      heap[0] = slot;
      siftDown(0);
    }
  }
  return heap.sort((a, b) => (better(a, b) ? -1 : better(b, a) ? 1 : 0));
}
