// Connections, stored per peer: each slot owns a block of records in one pool, kept sorted by the
// neighbour's id and moved to one twice the size (up to maxConnections) when it fills, so a peer's
// connections are contiguous in memory (the rechoke walks every connection of every peer; with one
// record per edge spread over the pool it spent most of its time waiting for cache misses). A
// connection has two records, one in each end's block; the record at position q in U's block holds
//
//   ints[2q]: the neighbour's slot    ints[2q + 1]: the position of the twin record in its block
//   got[q]: bytes U received from the neighbour this rechoke period (the tit-for-tat measure)
//
// Records move when a block gains or loses one, or grows; `onShift` tells the holder of positions
// (the unchoke table) so it can follow. What flows over an unchoked direction is kept there.
import { BlockPool, type BlockPoolData } from './blockPool';
import { widened } from '../../../shared/typedArrays';

/** Records a new block has room for; it doubles when full. */
const FIRST_ROOM = 8;

export const NBR = 0;
export const REV = 1;

export interface ConnectionTableData {
  pool: BlockPoolData;
  ints: Int32Array;
  got: Float64Array;
  base: Int32Array;
  room: Int32Array;
  degree: Int32Array;
  limit: Int32Array;
}

export class ConnectionTable {
  private pool = new BlockPool();
  private capacity = 0;
  ints = new Int32Array(0);
  got = new Float64Array(0);
  /** Per slot: where its block starts, its room, the records in use, and maxConnections. */
  base = new Int32Array(0);
  room = new Int32Array(0);
  degree = new Int32Array(0);
  limit = new Int32Array(0);
  /** Called after owner's records [from, to) moved by delta (±1) and their twins were updated. */
  onShift: (owner: number, from: number, to: number, delta: number) => void = () => {};

  constructor(data?: ConnectionTableData) {
    if (!data) return;
    this.pool = new BlockPool(data.pool);
    this.capacity = this.pool.used;
    this.ints = data.ints.slice();
    this.got = data.got.slice();
    this.base = data.base.slice();
    this.room = data.room.slice();
    this.degree = data.degree.slice();
    this.limit = data.limit.slice();
  }

  data(slots: number): ConnectionTableData {
    const used = this.pool.used;
    return {
      pool: this.pool.data(),
      ints: this.ints.slice(0, 2 * used),
      got: this.got.slice(0, used),
      base: this.base.slice(0, slots),
      room: this.room.slice(0, slots),
      degree: this.degree.slice(0, slots),
      limit: this.limit.slice(0, slots),
    };
  }

  ensureSlots(slots: number): void {
    if (slots <= this.base.length) return;
    this.base = widened(this.base, slots, (n) => new Int32Array(n));
    this.room = widened(this.room, slots, (n) => new Int32Array(n));
    this.degree = widened(this.degree, slots, (n) => new Int32Array(n));
    this.limit = widened(this.limit, slots, (n) => new Int32Array(n));
  }

  /** Gives a new peer's slot an empty block; it grows (moves) as connections come, up to the limit. */
  open(slot: number, maxConnections: number): void {
    const room = Math.min(maxConnections, FIRST_ROOM);
    this.base[slot] = this.take(room);
    this.room[slot] = room;
    this.degree[slot] = 0;
    this.limit[slot] = maxConnections;
  }

  /** Returns an empty block to the pool (the slot's connections are already closed). */
  close(slot: number): void {
    this.pool.give(this.base[slot]!, this.room[slot]!);
    this.room[slot] = 0;
  }

  full(slot: number): boolean {
    return this.degree[slot]! >= this.limit[slot]!;
  }

  /** Position of the record for a → b in a's block, or -1. */
  find(a: number, b: number): number {
    const start = this.base[a]!;
    const end = start + this.degree[a]!;
    for (let q = start; q < end; q++) if (this.ints[2 * q] === b) return q;
    return -1;
  }

  /** Connects two slots (not connected, neither full); returns the position in a's block. */
  link(a: number, b: number, ids: Float64Array): number {
    const qa = this.insert(a, b, ids);
    const qb = this.insert(b, a, ids);
    this.ints[2 * qa + REV] = qb;
    this.ints[2 * qb + REV] = qa;
    return qa;
  }

  /** Removes both records of the connection at q in owner's block (nothing may use them now). */
  unlink(owner: number, q: number): void {
    // The twin's block holds no other record whose twin is in the owner's block, so q stays put.
    this.remove(this.ints[2 * q + NBR]!, this.ints[2 * q + REV]!);
    this.remove(owner, q);
  }

  private insert(owner: number, neighbour: number, ids: Float64Array): number {
    if (this.degree[owner] === this.room[owner]) this.relocate(owner);
    const base = this.base[owner]!;
    const id = ids[neighbour]!;
    let q = base + this.degree[owner]!;
    while (q > base && ids[this.ints[2 * (q - 1)]!]! > id) q--;
    this.move(owner, q, base + this.degree[owner]!, 1);
    this.degree[owner]!++;
    this.ints[2 * q + NBR] = neighbour;
    this.got[q] = 0;
    return q;
  }

  private remove(owner: number, q: number): void {
    const end = this.base[owner]! + this.degree[owner]!;
    this.move(owner, q + 1, end, -1);
    this.degree[owner]!--;
  }

  /** Moves records [from, to) of owner's block by delta, keeping their twins pointing at them. */
  private move(owner: number, from: number, to: number, delta: number): void {
    if (from >= to) return;
    this.ints.copyWithin(2 * (from + delta), 2 * from, 2 * to);
    this.got.copyWithin(from + delta, from, to);
    for (let q = from + delta; q < to + delta; q++) this.ints[2 * this.ints[2 * q + REV]! + REV] = q;
    this.onShift(owner, from, to, delta);
  }

  /** Moves a full block to one twice the size (at most the limit). */
  private relocate(owner: number): void {
    const old = this.base[owner]!;
    const room = Math.min(Math.max(2 * this.room[owner]!, 4), this.limit[owner]!);
    const base = this.take(room);
    this.move(owner, old, old + this.degree[owner]!, base - old);
    this.pool.give(old, this.room[owner]!);
    this.base[owner] = base;
    this.room[owner] = room;
  }

  private take(room: number): number {
    const base = this.pool.take(room);
    if (this.pool.used > this.capacity) this.grow(Math.max(1024, this.pool.used, this.capacity * 2));
    return base;
  }

  private grow(capacity: number): void {
    const ints = new Int32Array(2 * capacity);
    ints.set(this.ints);
    const got = new Float64Array(capacity);
    got.set(this.got);
    this.ints = ints;
    this.got = got;
    this.capacity = capacity;
  }
}
