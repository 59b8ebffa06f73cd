// Which pieces a downloader fetches next from an uploader that unchokes it.
//
// 1. Strict priority (Cohen, "Incentives Build Robustness in BitTorrent", 2003, §2.2.1): abandoned
//    partial pieces the uploader holds are continued first, the rarest first, so partial pieces do
//    not pile up.
// 2. Rarest first (ibid. §2.2.2): then the pieces with the fewest holders among those the uploader
//    holds, the downloader lacks and is not already fetching elsewhere (pieces in flight are masked
//    into D's bitfield for the duration). Pieces are walked from the rarest (availability.ts keeps
//    them sorted), each bucket of equally rare ones from a random offset so ties go to a random
//    piece. When a short walk finds too few — the rare pieces are ones U lacks or D already holds —
//    the words of U ∧ ¬D are scanned instead (pieces / 32 steps plus one per candidate).
//
// One call picks as many pieces as the flow's bytes can reach this tick. Only this downloader's
// own completions happen between its picks, and they change no other candidate's count, so the
// batch is the sequence that picking one piece at a time would give (ties aside); with small
// pieces (65,536 of them) it saves a walk per piece.
import { addPiece, dropPiece, holdsPiece, lowestBit } from './bitfield';
import { FETCHING } from './inflightPieces';
import type { SwarmState } from './swarmState';

/** Pieces the rarest-first walk visits before it falls back to scanning words (at least). */
const WALK_AT_LEAST = 32;
/** Fresh pieces one call picks at most (a flow that needs more picks again). */
const BATCH_LIMIT = 1024;
/** Scan keys are count · 2^22 + discovery rank, so ties keep scan order (pieces < 2^22). */
const RANK = 2 ** 22;

export class PiecePicker {
  /** The last pick: `resumed` abandoned partials first, then fresh pieces; `size` in all. */
  readonly batch = new Int32Array(BATCH_LIMIT);
  size = 0;
  resumed = 0;
  private readonly heapKeys = new Float64Array(BATCH_LIMIT);
  private readonly heapPieces = new Int32Array(BATCH_LIMIT);

  /** Picks for downloader D from uploader U: up to `fresh` fresh pieces after any partials. */
  pick(state: SwarmState, uploader: number, downloader: number, fresh: number): number {
    const { peers, inflight } = state;
    const { bits, words } = peers;
    const uploaderBase = uploader * words;
    const downloaderBase = downloader * words;
    this.size = 0;
    this.takePartials(state, uploaderBase, downloader);
    this.resumed = this.size;
    if (this.size > 0 && this.size >= fresh) return this.size;
    const { pairs } = inflight;
    const first = inflight.base[downloader]!;
    const end = first + inflight.count[downloader]!;
    for (let p = first; p < end; p++) addPiece(bits, downloaderBase, pairs[2 * p]!);
    this.takeRarest(state, uploaderBase, downloaderBase, Math.min(fresh, BATCH_LIMIT - this.size));
    for (let p = first; p < end; p++) dropPiece(bits, downloaderBase, pairs[2 * p]!);
    return this.size;
  }

  /** Appends the downloader's abandoned partials that the uploader holds, rarest first. */
  private takePartials(state: SwarmState, uploaderBase: number, downloader: number): void {
    const bits = state.peers.bits;
    const counts = state.availability.counts;
    const { pairs, base, count } = state.inflight;
    for (let p = base[downloader]!; p < base[downloader]! + count[downloader]!; p++) {
      const piece = pairs[2 * p]!;
      if (pairs[2 * p + 1] === FETCHING || !holdsPiece(bits, uploaderBase, piece)) continue;
      if (this.size === BATCH_LIMIT) return;
      let at = this.size++;
      while (at > 0 && counts[this.batch[at - 1]!]! > counts[piece]!) {
        this.batch[at] = this.batch[at - 1]!;
        at--;
      }
      this.batch[at] = piece;
    }
  }

  /** Appends up to `wanted` of the rarest candidates, rarest first. */
  private takeRarest(state: SwarmState, uploaderBase: number, downloaderBase: number, wanted: number): void {
    const { layout, peers, availability } = state;
    const bits = peers.bits;
    const words = layout.words;
    if (wanted <= 0) return;
    // Nothing to pick (everything the uploader offers is held or in flight): no draw, no walk.
    let any = 0;
    while (any < words && (bits[uploaderBase + any]! & ~bits[downloaderBase + any]!) === 0) any++;
    if (any === words) return;
    const draw = state.rng.int(0, 0x3fff_ffff);
    const { order, counts, bucketStart } = availability;
    const walkFrom = this.size;
    const goal = walkFrom + wanted;
    const budget = Math.max(WALK_AT_LEAST, words);
    let visited = 0;
    let floor = -1;
    for (let at = 0; at < layout.pieces && floor < 0;) {
      const count = counts[order[at]!]!;
      const end = bucketStart[count + 1]!;
      const size = end - at;
      const offset = draw % size;
      for (let k = 0; k < size; k++) {
        if (visited++ === budget) {
          floor = count;
          break;
        }
        const piece = order[offset + k < size ? at + offset + k : at + offset + k - size]!;
        if (!holdsPiece(bits, uploaderBase, piece) || holdsPiece(bits, downloaderBase, piece)) continue;
        this.batch[this.size++] = piece;
        if (this.size === goal) return;
      }
      at = end;
    }
    if (floor < 0) return; // the walk saw every piece
    // No candidate is rarer than the bucket where the walk stopped; those found are masked.
    const found = this.size;
    for (let i = walkFrom; i < found; i++) addPiece(bits, downloaderBase, this.batch[i]!);
    this.scanWords(state, uploaderBase, downloaderBase, draw % layout.pieces, floor, goal - found);
    for (let i = walkFrom; i < found; i++) dropPiece(bits, downloaderBase, this.batch[i]!);
  }

  /**
   * Appends the `wanted` rarest pieces of U ∧ ¬D (a bounded max-heap of keys), scanning from piece
   * `start`; stops early once the heap is full of pieces with only `floor` holders.
   */
  private scanWords(
    state: SwarmState,
    uploaderBase: number,
    downloaderBase: number,
    start: number,
    floor: number,
    wanted: number,
  ): void {
    const bits = state.peers.bits;
    const counts = state.availability.counts;
    const words = state.layout.words;
    const { heapKeys, heapPieces } = this;
    const startWord = start >>> 5;
    const fromStart = -1 << (start & 31);
    let n = 0;
    let rank = 0;
    // words + 1 steps: the start word's upper bits first, its lower bits last.
    scan: for (let i = 0; i <= words; i++) {
      let w = startWord + i;
      if (w >= words) w -= words;
      let candidates = bits[uploaderBase + w]! & ~bits[downloaderBase + w]!;
      if (i === 0) candidates &= fromStart;
      else if (i === words) candidates &= ~fromStart;
      for (; candidates !== 0; candidates &= candidates - 1) {
        const piece = (w << 5) | lowestBit(candidates);
        const key = counts[piece]! * RANK + rank++;
        if (n < wanted) {
          siftUp(heapKeys, heapPieces, n++, key, piece);
        } else if (key < heapKeys[0]!) {
          siftDown(heapKeys, heapPieces, n, key, piece);
        } else continue;
        if (n === wanted && heapKeys[0]! < (floor + 1) * RANK) break scan;
      }
    }
    // Pop the largest to the back: the batch gets them in ascending key order.
    const at = this.size;
    for (let k = n - 1; k >= 0; k--) {
      this.batch[at + k] = heapPieces[0]!;
      siftDown(heapKeys, heapPieces, k, heapKeys[k]!, heapPieces[k]!);
    }
    this.size = at + n;
  }
}

function siftUp(keys: Float64Array, pieces: Int32Array, at: number, key: number, piece: number): void {
  while (at > 0) {
    const parent = (at - 1) >> 1;
    if (keys[parent]! >= key) break;
    keys[at] = keys[parent]!;
    pieces[at] = pieces[parent]!;
    at = parent;
  }
  keys[at] = key;
  pieces[at] = piece;
}

/** Replaces the root of a max-heap of n entries with (key, piece) and restores the order. */
function siftDown(keys: Float64Array, pieces: Int32Array, n: number, key: number, piece: number): void {
  let at = 0;
  for (;;) {
    let child = 2 * at + 1;
    if (child >= n) break;
    if (child + 1 < n && keys[child + 1]! > keys[child]!) child++;
    if (keys[child]! <= key) break;
    keys[at] = keys[child]!;
    pieces[at] = pieces[child]!;
    at = child;
  }
  keys[at] = key;
  pieces[at] = piece;
}
