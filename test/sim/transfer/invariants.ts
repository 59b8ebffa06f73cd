// Internal consistency of a transfer model, for the randomized tests: every cross-reference in
// the typed arrays (twin records, unchoke entries, pieces in flight, availability buckets) agrees.
import { holdsPiece } from '../../../electron/sim/transfer/bitfield';
import { NBR, REV } from '../../../electron/sim/transfer/connectionTable';
import { FETCHING } from '../../../electron/sim/transfer/inflightPieces';
import { pieceLength } from '../../../electron/sim/transfer/layout';
import type { SwarmState } from '../../../electron/sim/transfer/swarmState';
import type { SwarmTransfers } from '../../../electron/sim/transfer/swarmTransfers';
import { DOWN, ENTRY, FETCHED, PIECE, REC, TWIN } from '../../../electron/sim/transfer/unchokeTable';

function fail(message: string): never {
  throw new Error(`invariant: ${message}`);
}

export function checkInvariants(model: SwarmTransfers): void {
  const state = (model as unknown as { state: SwarmState }).state;
  const { layout, peers, links, unchokes, inflight, availability } = state;
  const slots = Array.from(peers.order.subarray(0, peers.size));
  const counts = new Uint32Array(layout.pieces);
  const fetching = new Map<number, number[]>();
  for (const [i, s] of slots.entries()) {
    if (i > 0 && peers.ids[slots[i - 1]!]! >= peers.ids[s]!) fail('order is not by ascending id');
    let held = 0;
    for (let p = 0; p < layout.pieces; p++) {
      if (holdsPiece(peers.bits, s * peers.words, p)) {
        held++;
        counts[p]!++;
      }
    }
    if (held !== peers.haveCount[s]) fail(`haveCount of slot ${s}`);
    const base = links.base[s]!;
    if (links.degree[s]! > links.room[s]!) fail(`slot ${s} has more connections than room`);
    for (let q = base; q < base + links.degree[s]!; q++) {
      const n = links.ints[2 * q + NBR]!;
      const twin = links.ints[2 * q + REV]!;
      if (links.ints[2 * twin + NBR] !== s || links.ints[2 * twin + REV] !== q) fail(`twin of record ${q}`);
      if (q > base && peers.ids[links.ints[2 * (q - 1) + NBR]!]! >= peers.ids[n]!)
        fail(`block of ${s} unsorted`);
    }
    const first = s * unchokes.slotsPerPeer;
    const entries: number[] = [];
    for (let e = first; e < first + unchokes.counts[s]!; e++) {
      const q = unchokes.ints[ENTRY * e + REC]!;
      entries.push(q);
      if (q < base || q >= base + links.degree[s]!) fail(`entry ${e} points outside its block`);
      const d = links.ints[2 * q + NBR]!;
      if (unchokes.ints[ENTRY * e + DOWN] !== d) fail(`entry ${e} downloader`);
      if (unchokes.ints[ENTRY * e + TWIN] !== links.ints[2 * q + REV]) fail(`entry ${e} twin`);
      const piece = unchokes.ints[ENTRY * e + PIECE]!;
      if (piece >= 0) {
        if (holdsPiece(peers.bits, d * peers.words, piece)) fail(`entry ${e} fetches a held piece`);
        if (unchokes.ints[ENTRY * e + FETCHED]! >= pieceLength(layout, piece)) fail(`entry ${e} overfull`);
        fetching.set(d, [...(fetching.get(d) ?? []), piece]);
      }
    }
    const optimistic = unchokes.optimistic[s]!;
    if (optimistic >= 0 && !entries.includes(optimistic)) fail(`optimistic of ${s} is not unchoked`);
  }
  for (const s of slots) {
    const pieces: number[] = [];
    const inFlight: number[] = [];
    for (let p = inflight.base[s]!; p < inflight.base[s]! + inflight.count[s]!; p++) {
      const piece = inflight.pairs[2 * p]!;
      const bytes = inflight.pairs[2 * p + 1]!;
      if (holdsPiece(peers.bits, s * peers.words, piece)) fail(`slot ${s} has a held piece in flight`);
      if (bytes === FETCHING) inFlight.push(piece);
      else if (bytes <= 0 || bytes >= pieceLength(layout, piece)) fail(`partial of ${bytes} bytes`);
      pieces.push(piece);
    }
    if (new Set(pieces).size !== pieces.length) fail(`slot ${s} lists a piece twice`);
    const expected = (fetching.get(s) ?? []).sort((a, b) => a - b);
    if (inFlight.sort((a, b) => a - b).join() !== expected.join()) fail(`pieces in flight of ${s}`);
  }
  for (let p = 0; p < layout.pieces; p++)
    if (availability.counts[p] !== counts[p]) fail(`availability of ${p}`);
  for (let i = 0; i < layout.pieces; i++) {
    const c = availability.counts[availability.order[i]!]!;
    if (i > 0 && availability.counts[availability.order[i - 1]!]! > c) fail('order is not by count');
    if (availability.bucketStart[c]! > i || availability.bucketStart[c + 1]! <= i) fail('bucket bounds');
  }
}
