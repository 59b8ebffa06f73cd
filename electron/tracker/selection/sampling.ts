// Sampling primitives shared by the strategies. All randomness comes from the injected PRNG.
import type { Prng } from '../../../shared/prng';

/**
 * k distinct positions from 0..n-1, uniformly, in random order: a partial Fisher–Yates shuffle that
 * records only the swapped cells, so it costs O(k) even in a swarm of 100,000.
 */
export function samplePositions(n: number, k: number, rng: Prng): number[] {
  const count = Math.min(n, k);
  const swapped = new Map<number, number>();
  const out = new Array<number>(count);
  for (let i = 0; i < count; i++) {
    const j = rng.int(i, n - 1);
    const atJ = swapped.get(j) ?? j;
    swapped.set(j, swapped.get(i) ?? i);
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
