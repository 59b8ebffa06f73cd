// The open-addressing slot index (linear probing, backward-shift deletion, multimap) checked against a
// plain Map model over long random insert/remove sequences, with hashes chosen to make clusters long
// and to wrap around the end of the table.
import { describe, expect, it } from 'vitest';
import { fnv1a, SlotIndex } from '../../electron/tracker/store/slotIndex';
import { createPrng } from '../../shared/prng';

const KEYS = 40;

const hashes: [string, (key: number) => number][] = [
  ['a good hash (fnv1a)', (key) => fnv1a(Uint8Array.of(key), 0, 1, 0)],
  ['three buckets: long clusters', (key) => key % 3],
  // Homes in the last cells and the first: clusters wrap around the end and meet the ones at the start.
  ['homes at both ends: clusters wrap around', (key) => (key % 2 === 0 ? 0xffffffff - (key % 5) : key % 5)],
];

class Model {
  readonly keyOf = new Map<number, number>();
  readonly index: SlotIndex<number>;

  constructor(hash: (key: number) => number) {
    this.index = new SlotIndex<number>({
      hashSlot: (slot) => hash(this.keyOf.get(slot)!),
      hashProbe: (key) => hash(key),
      matches: (slot, key) => this.keyOf.get(slot) === key,
    });
  }

  insert(slot: number, key: number): void {
    this.keyOf.set(slot, key);
    this.index.insert(slot);
  }

  remove(slot: number): void {
    this.index.remove(slot); // the index asks for the slot's key while removing it
    this.keyOf.delete(slot);
  }

  /** Every slot the index finds under `key`, by asking again for one not yet seen. */
  found(key: number): Set<number> {
    const seen = new Set<number>();
    for (;;) {
      const slot = this.index.find(key, (s) => !seen.has(s));
      if (slot === -1) return seen;
      seen.add(slot);
    }
  }

  expected(key: number): Set<number> {
    return new Set([...this.keyOf].filter(([, k]) => k === key).map(([slot]) => slot));
  }

  check(): void {
    expect(this.index.count).toBe(this.keyOf.size);
    for (let key = 0; key < KEYS + 2; key++) expect(this.found(key)).toEqual(this.expected(key));
    // load factor at most 1/2: cells are Int32 (4 bytes)
    expect(this.index.byteLength / 4).toBeGreaterThanOrEqual(2 * this.index.count);
  }
}

describe('SlotIndex', () => {
  it.each(hashes)('agrees with a Map model over random inserts and removes: %s', (_name, hash) => {
    const rng = createPrng(20240607);
    const model = new Model(hash);
    const live: number[] = [];
    let nextSlot = 0;
    const free: number[] = [];
    for (let step = 0; step < 3000; step++) {
      // Grow for the first half, shrink in the second: exercises grow() and emptying clusters.
      const insertChance = step < 1500 ? 0.65 : 0.35;
      if (live.length === 0 || rng.float() < insertChance) {
        const slot = free.length > 0 && rng.float() < 0.5 ? free.pop()! : nextSlot++;
        model.insert(slot, rng.int(0, KEYS - 1));
        live.push(slot);
      } else {
        const at = rng.int(0, live.length - 1);
        const slot = live[at]!;
        live[at] = live[live.length - 1]!;
        live.pop();
        model.remove(slot);
        free.push(slot);
      }
      if (step % 20 === 0) model.check();
    }
    model.check();
    for (const slot of [...live]) model.remove(slot);
    model.check();
    expect(model.index.count).toBe(0);
  });

  it('finds the first accepted slot among several with the same key', () => {
    const model = new Model((key) => key);
    for (const slot of [5, 9, 13]) model.insert(slot, 1);
    model.insert(7, 2);
    expect(model.index.find(1, (s) => s > 8)).toBeOneOf([9, 13]);
    expect(model.index.find(1, (s) => s === 13)).toBe(13);
    expect(model.index.find(1, () => false)).toBe(-1);
    expect(model.index.find(3)).toBe(-1);
  });

  it('throws when asked to remove a slot it does not hold', () => {
    const model = new Model((key) => key);
    model.insert(1, 1);
    model.keyOf.set(2, 1);
    expect(() => model.index.remove(2)).toThrow('slot 2 is not in the index');
  });

  it('clear() forgets every slot', () => {
    const model = new Model((key) => key % 3);
    for (let slot = 0; slot < 100; slot++) model.insert(slot, slot % KEYS);
    model.index.clear();
    model.keyOf.clear();
    model.check();
    expect(model.index.find(0)).toBe(-1);
  });
});
