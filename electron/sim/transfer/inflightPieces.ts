// Pieces a downloader has started but not finished, as (piece, bytes) pairs. While a piece is being
// fetched its bytes are tallied on the unchoke entry (unchokeTable.ts) and the pair says FETCHING;
// when the uploader chokes or leaves, the bytes move here and the pair becomes an abandoned partial
// that any uploader holding the piece can continue, so no received byte is thrown away. Each slot
// owns a small block of pairs in one pool (moved to a block twice the size when it fills up); the
// pairs are touched only when a piece starts, ends or is abandoned.
import { BlockPool, type BlockPoolData } from './blockPool';
import { widened } from '../../../shared/typedArrays';

export const FETCHING = -1;
const FIRST_ROOM = 8;

export interface InflightPiecesData {
  pool: BlockPoolData;
  pairs: Int32Array;
  base: Int32Array;
  room: Int32Array;
  count: Int32Array;
}

export class InflightPieces {
  /** pairs[2p] = piece, pairs[2p + 1] = bytes received or FETCHING; slot s owns p ∈ [base, base + count). */
  pairs = new Int32Array(0);
  base = new Int32Array(0);
  room = new Int32Array(0);
  count = new Int32Array(0);
  private pool = new BlockPool();

  constructor(data?: InflightPiecesData) {
    if (!data) return;
    this.pool = new BlockPool(data.pool);
    this.pairs = data.pairs.slice();
    this.base = data.base.slice();
    this.room = data.room.slice();
    this.count = data.count.slice();
  }

  data(slots: number): InflightPiecesData {
    return {
      pool: this.pool.data(),
      pairs: this.pairs.slice(0, 2 * this.pool.used),
      base: this.base.slice(0, slots),
      room: this.room.slice(0, slots),
      count: this.count.slice(0, slots),
    };
  }

  ensureSlots(slots: number): void {
    if (slots <= this.base.length) return;
    this.base = widened(this.base, slots, (n) => new Int32Array(n));
    this.room = widened(this.room, slots, (n) => new Int32Array(n));
    this.count = widened(this.count, slots, (n) => new Int32Array(n));
  }

  open(slot: number): void {
    this.base[slot] = this.take(FIRST_ROOM);
    this.room[slot] = FIRST_ROOM;
    this.count[slot] = 0;
  }

  close(slot: number): void {
    this.pool.give(this.base[slot]!, this.room[slot]!);
    this.room[slot] = 0;
    this.count[slot] = 0;
  }

  /** Pair index of `piece` in the slot's block, or -1. */
  indexOf(slot: number, piece: number): number {
    const start = this.base[slot]!;
    const end = start + this.count[slot]!;
    for (let p = start; p < end; p++) if (this.pairs[2 * p] === piece) return p;
    return -1;
  }

  add(slot: number, piece: number, bytes: number): void {
    const n = this.count[slot]!;
    if (n === this.room[slot]) this.relocate(slot, 2 * n);
    const p = this.base[slot]! + n;
    this.pairs[2 * p] = piece;
    this.pairs[2 * p + 1] = bytes;
    this.count[slot] = n + 1;
  }

  /** Drops pair p (the slot's last pair takes its place). */
  drop(slot: number, p: number): void {
    const last = this.base[slot]! + this.count[slot]! - 1;
    this.pairs[2 * p] = this.pairs[2 * last]!;
    this.pairs[2 * p + 1] = this.pairs[2 * last + 1]!;
    this.count[slot]!--;
  }

  /** The downloader stops fetching `piece` with `bytes` of it received (choked, disconnected, paused). */
  abandon(slot: number, piece: number, bytes: number): void {
    const p = this.indexOf(slot, piece);
    if (bytes > 0) this.pairs[2 * p + 1] = bytes;
    else this.drop(slot, p);
  }

  private relocate(slot: number, room: number): void {
    const base = this.take(room);
    const old = this.base[slot]!;
    this.pairs.copyWithin(2 * base, 2 * old, 2 * (old + this.count[slot]!));
    this.pool.give(old, this.room[slot]!);
    this.base[slot] = base;
    this.room[slot] = room;
  }

  private take(room: number): number {
    const base = this.pool.take(room);
    if (2 * this.pool.used > this.pairs.length) {
      const next = new Int32Array(Math.max(1024, 2 * this.pool.used, 2 * this.pairs.length));
      next.set(this.pairs);
      this.pairs = next;
    }
    return base;
  }
}
