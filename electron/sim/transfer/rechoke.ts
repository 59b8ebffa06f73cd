// Choosing whom to unchoke. BEP 3 and Cohen 2003 §2.3: every rechoke period (10 s) a peer unchokes
// the uploadSlots − 1 interested peers that gave it the most in the last period (tit-for-tat; a
// seeder, which downloads nothing, ranks by what it uploaded to each, so the fastest takers get
// served), plus one optimistic unchoke among the other interested peers, rotated every 30 s
// (§2.4). Ties at the cut are broken with the PRNG; ties wholly above or below it draw nothing.
import { holdsPieceLackedBy } from './bitfield';
import { NBR } from './connectionTable';
import { ENTRY, REC, SENT } from './unchokeTable';
import type { SwarmState } from './swarmState';

export class Rechoker {
  // Scratch for one peer, sized to the largest degree seen; never part of the model's state.
  private candidates = new Int32Array(64);
  private measure = new Float64Array(64);
  private chosen = new Uint8Array(64);
  private ties = new Int32Array(64);
  private sentByOffset = new Float64Array(64);
  private readonly top: Float64Array;

  constructor(private readonly slotsPerPeer: number) {
    this.top = new Float64Array(slotsPerPeer);
  }

  /**
   * Recomputes every active peer's unchokes, in ascending id order, and starts a new period. A
   * peer's tallies are read only by its own rechoke, so each is zeroed right after.
   */
  run(state: SwarmState, rotateOptimistic: boolean): void {
    const { peers, links, unchokes } = state;
    const got = links.got;
    for (let i = 0; i < peers.size; i++) {
      const slot = peers.order[i]!;
      if (peers.active[slot] === 1) this.rechokePeer(state, slot, rotateOptimistic);
      got.fill(0, links.base[slot]!, links.base[slot]! + links.degree[slot]!);
      const first = slot * this.slotsPerPeer;
      for (let e = first; e < first + unchokes.counts[slot]!; e++) unchokes.nums[2 * e + SENT] = 0;
    }
  }

  private rechokePeer(state: SwarmState, uploader: number, rotateOptimistic: boolean): void {
    const { peers, links, layout, unchokes } = state;
    const { bits, words, haveCount, active } = peers;
    const uploaderBase = uploader * words;
    const uploaderCount = haveCount[uploader]!;
    if (uploaderCount === 0 && unchokes.counts[uploader] === 0) return; // nothing to offer anyone
    const pieces = layout.pieces;
    const seeding = uploaderCount === pieces;
    const base = links.base[uploader]!;
    const end = base + links.degree[uploader]!;
    // + 1: the new set may hold every candidate plus a kept optimistic unchoke.
    if (end - base + 1 > this.candidates.length) this.grow(end - base + 1);
    // A seeder ranks by bytes sent, which only its current unchokes have (tallied per entry).
    const first = uploader * this.slotsPerPeer;
    const current = unchokes.counts[uploader]!;
    if (seeding) {
      for (let e = first; e < first + current; e++) {
        this.sentByOffset[unchokes.ints[ENTRY * e + REC]! - base] = unchokes.nums[2 * e + SENT]!;
      }
    }
    const measure = seeding ? this.sentByOffset : links.got;
    const offset = seeding ? base : 0;
    const optimistic = unchokes.optimistic[uploader]!;
    let kept = -1;
    let n = 0;
    for (let q = base; q < end; q++) {
      const downloader = links.ints[2 * q + NBR]!;
      if (active[downloader] !== 1) continue;
      const dc = haveCount[downloader]!;
      if (!holdsPieceLackedBy(bits, uploaderBase, uploaderCount, downloader * words, dc, words, pieces)) {
        continue;
      }
      if (q === optimistic && !rotateOptimistic) {
        kept = q;
        continue;
      }
      this.candidates[n] = q;
      this.measure[n] = measure[q - offset]!;
      this.chosen[n] = 0;
      n++;
    }
    if (seeding) this.sentByOffset.fill(0, 0, end - base);
    const regular = this.chooseTop(state, n, this.slotsPerPeer - 1);
    let nextOptimistic = kept;
    if (nextOptimistic < 0 && n > regular) {
      let k = state.rng.int(0, n - regular - 1);
      for (let i = 0; i < n; i++) {
        if (this.chosen[i] === 1 || k-- > 0) continue;
        this.chosen[i] = 1;
        nextOptimistic = this.candidates[i]!;
        break;
      }
    }
    // The new set: regular unchokes in id order, the optimistic one last.
    let next = 0;
    for (let i = 0; i < n; i++) {
      const q = this.candidates[i]!;
      if (this.chosen[i] === 1 && q !== nextOptimistic) this.ties[next++] = q;
    }
    if (nextOptimistic >= 0) this.ties[next++] = nextOptimistic;
    unchokes.install(state, uploader, this.ties, next, nextOptimistic);
  }

  /**
   * Marks the `slots` best candidates as chosen; returns how many were chosen. One pass finds the
   * cut (the slots-th largest measure), a second chooses everything above it and, when more tie
   * at the cut than places remain, draws those places among the tied (partial Fisher–Yates).
   */
  private chooseTop(state: SwarmState, n: number, slots: number): number {
    if (n <= slots) {
      this.chosen.fill(1, 0, n);
      return n;
    }
    if (slots === 0) return 0;
    const top = this.top;
    top.fill(-1, 0, slots);
    for (let i = 0; i < n; i++) {
      const m = this.measure[i]!;
      if (m <= top[slots - 1]!) continue;
      let at = slots - 1;
      while (at > 0 && top[at - 1]! < m) {
        top[at] = top[at - 1]!;
        at--;
      }
      top[at] = m;
    }
    const cut = top[slots - 1]!;
    let above = 0;
    let tied = 0;
    for (let i = 0; i < n; i++) {
      const m = this.measure[i]!;
      if (m > cut) {
        this.chosen[i] = 1;
        above++;
      } else if (m === cut) this.ties[tied++] = i;
    }
    const left = slots - above;
    for (let t = 0; t < left; t++) {
      // Every tied candidate fits when tied === left, and no draw is needed.
      const r = tied === left ? t : state.rng.int(t, tied - 1);
      const pick = this.ties[r]!;
      this.ties[r] = this.ties[t]!;
      this.chosen[pick] = 1;
    }
    return slots;
  }

  private grow(degree: number): void {
    const n = Math.max(degree, this.candidates.length * 2);
    this.candidates = new Int32Array(n);
    this.measure = new Float64Array(n);
    this.chosen = new Uint8Array(n);
    this.ties = new Int32Array(n);
    this.sentByOffset = new Float64Array(n);
  }
}
