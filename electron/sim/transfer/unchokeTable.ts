// Whom each peer unchokes, and the state of each unchoked direction: up to uploadSlots entries per
// uploader, each naming the connection record, the downloader, the piece being fetched over it and
// how much of it has arrived, where the downloader's tally of this connection is, the fraction of
// a byte owed, and the bytes sent this period. A tick touches these entries (a few per uploader,
// contiguous) rather than the connection records, which keeps the flows' working set small.
import { NBR, REV, type ConnectionTable } from './connectionTable';
import type { SwarmState } from './swarmState';

/** Entry fields: ints[ENTRY * e + …] and nums[2 * e + …]. */
export const ENTRY = 5;
export const REC = 0;
export const DOWN = 1;
export const PIECE = 2;
export const FETCHED = 3;
/** Position of the twin record (the downloader's, where its received bytes are tallied). */
export const TWIN = 4;
export const CARRY = 0;
export const SENT = 1;

export interface UnchokeTableData {
  slotsPerPeer: number;
  ints: Int32Array;
  nums: Float64Array;
  counts: Uint8Array;
  optimistic: Int32Array;
}

export class UnchokeTable {
  readonly slotsPerPeer: number;
  /** Entry e = slot * slotsPerPeer + j, for j < counts[slot]. */
  ints = new Int32Array(0);
  nums = new Float64Array(0);
  counts = new Uint8Array(0);
  /** Per slot: the record position of its optimistic unchoke, or -1. */
  optimistic = new Int32Array(0);
  private capacity = 0;
  private readonly spareInts: Int32Array;
  private readonly spareNums: Float64Array;

  constructor(slotsPerPeer: number, data?: UnchokeTableData) {
    this.slotsPerPeer = slotsPerPeer;
    this.spareInts = new Int32Array(ENTRY * slotsPerPeer);
    this.spareNums = new Float64Array(2 * slotsPerPeer);
    if (!data) return;
    this.capacity = data.counts.length;
    this.ints = data.ints.slice();
    this.nums = data.nums.slice();
    this.counts = data.counts.slice();
    this.optimistic = data.optimistic.slice();
  }

  data(slots: number): UnchokeTableData {
    const entries = slots * this.slotsPerPeer;
    return {
      slotsPerPeer: this.slotsPerPeer,
      ints: this.ints.slice(0, ENTRY * entries),
      nums: this.nums.slice(0, 2 * entries),
      counts: this.counts.slice(0, slots),
      optimistic: this.optimistic.slice(0, slots),
    };
  }

  ensureSlots(slots: number): void {
    if (slots <= this.capacity) return;
    const ints = new Int32Array(ENTRY * slots * this.slotsPerPeer);
    ints.set(this.ints);
    const nums = new Float64Array(2 * slots * this.slotsPerPeer);
    nums.set(this.nums);
    const counts = new Uint8Array(slots);
    counts.set(this.counts);
    const optimistic = new Int32Array(slots).fill(-1);
    optimistic.set(this.optimistic);
    this.ints = ints;
    this.nums = nums;
    this.counts = counts;
    this.optimistic = optimistic;
    this.capacity = slots;
  }

  reset(slot: number): void {
    this.counts[slot] = 0;
    this.optimistic[slot] = -1;
  }

  /** Record positions `slot` currently uploads over. */
  records(slot: number): number[] {
    const first = slot * this.slotsPerPeer;
    const out: number[] = [];
    for (let e = first; e < first + this.counts[slot]!; e++) out.push(this.ints[ENTRY * e + REC]!);
    return out;
  }

  /** Chokes the direction of record q (owner → its neighbour), if unchoked. */
  choke(state: SwarmState, owner: number, q: number): void {
    const first = owner * this.slotsPerPeer;
    const end = first + this.counts[owner]!;
    let e = first;
    while (e < end && this.ints[ENTRY * e + REC] !== q) e++;
    if (e === end) return;
    this.release(state, e);
    this.ints.copyWithin(ENTRY * e, ENTRY * (e + 1), ENTRY * end);
    this.nums.copyWithin(2 * e, 2 * (e + 1), 2 * end);
    this.counts[owner]!--;
    if (this.optimistic[owner] === q) this.optimistic[owner] = -1;
  }

  /** Follows owner's records [from, to) that moved by delta: its own entries, and its neighbours' twins. */
  shift(links: ConnectionTable, owner: number, from: number, to: number, delta: number): void {
    const { ints, slotsPerPeer } = this;
    const first = owner * slotsPerPeer;
    for (let e = first; e < first + this.counts[owner]!; e++) {
      const q = ints[ENTRY * e + REC]!;
      if (q >= from && q < to) ints[ENTRY * e + REC] = q + delta;
    }
    const o = this.optimistic[owner]!;
    if (o >= from && o < to) this.optimistic[owner] = o + delta;
    for (let q = from + delta; q < to + delta; q++) {
      const neighbour = links.ints[2 * q + NBR]!;
      const twin = links.ints[2 * q + REV]!;
      const start = neighbour * slotsPerPeer;
      for (let e = start; e < start + this.counts[neighbour]!; e++) {
        if (ints[ENTRY * e + REC] === twin) ints[ENTRY * e + TWIN] = q;
      }
    }
  }

  /**
   * Makes `records[0..n)` the uploader's unchokes, in that order. A direction that stays unchoked
   * keeps its piece, carry and tally; one that is choked hands its partial piece back to the
   * downloader (inflightPieces.ts), where another uploader can continue it.
   */
  install(state: SwarmState, uploader: number, records: Int32Array, n: number, optimistic: number): void {
    const first = uploader * this.slotsPerPeer;
    const end = first + this.counts[uploader]!;
    const { ints, nums, spareInts, spareNums } = this;
    const links = state.links;
    for (let k = 0; k < n; k++) {
      const q = records[k]!;
      let e = first;
      while (e < end && ints[ENTRY * e + REC] !== q) e++;
      if (e < end) {
        for (let f = 0; f < ENTRY; f++) spareInts[ENTRY * k + f] = ints[ENTRY * e + f]!;
        spareNums[2 * k + CARRY] = nums[2 * e + CARRY]!;
        spareNums[2 * k + SENT] = nums[2 * e + SENT]!;
        ints[ENTRY * e + REC] = -1; // taken over: not released below
      } else {
        spareInts[ENTRY * k + REC] = q;
        spareInts[ENTRY * k + DOWN] = links.ints[2 * q + NBR]!;
        spareInts[ENTRY * k + PIECE] = -1;
        spareInts[ENTRY * k + FETCHED] = 0;
        spareInts[ENTRY * k + TWIN] = links.ints[2 * q + REV]!;
        spareNums[2 * k + CARRY] = 0;
        spareNums[2 * k + SENT] = 0;
      }
    }
    for (let e = first; e < end; e++) if (ints[ENTRY * e + REC]! >= 0) this.release(state, e);
    for (let i = 0; i < ENTRY * n; i++) ints[ENTRY * first + i] = spareInts[i]!;
    for (let i = 0; i < 2 * n; i++) nums[2 * first + i] = spareNums[i]!;
    this.counts[uploader] = n;
    this.optimistic[uploader] = optimistic;
  }

  /** The downloader stops fetching over entry e; its partial piece stays with it. */
  private release(state: SwarmState, e: number): void {
    const piece = this.ints[ENTRY * e + PIECE]!;
    if (piece < 0) return;
    state.inflight.abandon(this.ints[ENTRY * e + DOWN]!, piece, this.ints[ENTRY * e + FETCHED]!);
    this.ints[ENTRY * e + PIECE] = -1;
    this.ints[ENTRY * e + FETCHED] = 0;
  }
}
