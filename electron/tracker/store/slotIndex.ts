// An open-addressing hash index from a key derived from a peer slot to the slot itself. Keys are never
// stored: the index asks the table to hash and compare them, so an index costs 8 bytes per peer at
// most (Int32Array at load ≤ 0.5) instead of a Map entry plus a key string per peer.
// Linear probing with backward-shift deletion (no tombstones). It is a multimap: several slots may
// share a key, and `find` takes a predicate to pick among them.

const EMPTY = -1;

export interface SlotKeyOps<Probe> {
  /** Hash of the key stored in `slot`. */
  hashSlot(slot: number): number;
  /** Hash of a key that is not (yet) in the table; must equal hashSlot for an equal key. */
  hashProbe(probe: Probe): number;
  /** Does `slot` carry the key `probe`? */
  matches(slot: number, probe: Probe): boolean;
}

export class SlotIndex<Probe> {
  private cells: Int32Array;
  private mask: number;
  private size = 0;

  constructor(
    private readonly ops: SlotKeyOps<Probe>,
    initialCapacity = 16,
  ) {
    let cap = 16;
    while (cap < initialCapacity * 2) cap *= 2;
    this.cells = new Int32Array(cap).fill(EMPTY);
    this.mask = cap - 1;
  }

  get count(): number {
    return this.size;
  }

  /** The first slot with key `probe` that satisfies `accept`, or -1. */
  find(probe: Probe, accept?: (slot: number) => boolean): number {
    let i = this.ops.hashProbe(probe) & this.mask;
    for (;;) {
      const slot = this.cells[i]!;
      if (slot === EMPTY) return -1;
      if (this.ops.matches(slot, probe) && (accept === undefined || accept(slot))) return slot;
      i = (i + 1) & this.mask;
    }
  }

  insert(slot: number): void {
    if ((this.size + 1) * 2 > this.cells.length) this.grow();
    this.place(slot);
    this.size++;
  }

  /** Removes `slot` (which must be indexed under its current key). */
  remove(slot: number): void {
    let i = this.ops.hashSlot(slot) & this.mask;
    while (this.cells[i] !== slot) {
      if (this.cells[i] === EMPTY) throw new Error(`slot ${slot} is not in the index`);
      i = (i + 1) & this.mask;
    }
    // Backward-shift: pull later members of the cluster into the hole when that keeps them reachable.
    let hole = i;
    let j = i;
    for (;;) {
      j = (j + 1) & this.mask;
      const moved = this.cells[j]!;
      if (moved === EMPTY) break;
      const home = this.ops.hashSlot(moved) & this.mask;
      const reachable = hole <= j ? home > hole && home <= j : home > hole || home <= j;
      if (!reachable) {
        this.cells[hole] = moved;
        hole = j;
      }
    }
    this.cells[hole] = EMPTY;
    this.size--;
  }

  clear(): void {
    this.cells.fill(EMPTY);
    this.size = 0;
  }

  snapshot(): { cells: Int32Array; size: number } {
    return { cells: this.cells.slice(), size: this.size };
  }

  restore(snapshot: { cells: Int32Array; size: number }): void {
    this.cells = snapshot.cells.slice();
    this.mask = this.cells.length - 1;
    this.size = snapshot.size;
  }

  /** Bytes held by the index (for the memory benchmark). */
  get byteLength(): number {
    return this.cells.byteLength;
  }

  private place(slot: number): void {
    let i = this.ops.hashSlot(slot) & this.mask;
    while (this.cells[i] !== EMPTY) i = (i + 1) & this.mask;
    this.cells[i] = slot;
  }

  private grow(): void {
    const old = this.cells;
    this.cells = new Int32Array(old.length * 2).fill(EMPTY);
    this.mask = this.cells.length - 1;
    for (const slot of old) if (slot !== EMPTY) this.place(slot);
  }
}

/** FNV-1a over `length` bytes of `bytes` from `offset`, seeded with `seed` (e.g. the swarm number). */
export function fnv1a(bytes: Uint8Array, offset: number, length: number, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = offset, end = offset + length; i < end; i++) {
    h ^= bytes[i]!;
    h = Math.imul(h, 0x01000193);
  }
  // Final avalanche so that the low bits used for the bucket depend on every byte.
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h >>> 0;
}
