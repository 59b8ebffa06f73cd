// One tick of bytes. Each active uploader splits its capacity equally among the peers it unchokes
// that are still active and interested; each downloader's incoming total is capped at its download
// capacity by scaling its flows proportionally; capacity nobody can use is simply unused. Bytes
// are whole: each direction carries the fraction of a byte it could not send to the next tick, so
// long-run rates are exact, and every byte counted as sent is counted as received.
import { addPiece, holdsPieceLackedBy } from './bitfield';
import { pieceLength } from './layout';
import { FETCHING } from './inflightPieces';
import { PiecePicker } from './piecePicker';
import { CARRY, DOWN, ENTRY, FETCHED, PIECE, SENT, TWIN } from './unchokeTable';
import type { SwarmState } from './swarmState';

/** Per-slot and per-flow figures of one tick; reused from tick to tick. */
export class TickScratch {
  sent = new Float64Array(0);
  received = new Float64Array(0);
  incoming = new Float64Array(0);
  /** This tick's flows: unchoke entry, both ends, and the rate offered. */
  entries = new Int32Array(0);
  uploaders = new Int32Array(0);
  downloaders = new Int32Array(0);
  offers = new Float64Array(0);
  readonly picker = new PiecePicker();

  ensureSlots(slots: number, slotsPerPeer: number): void {
    if (slots <= this.sent.length) return;
    this.sent = new Float64Array(slots);
    this.received = new Float64Array(slots);
    this.incoming = new Float64Array(slots);
    this.entries = new Int32Array(slots * slotsPerPeer);
    this.uploaders = new Int32Array(slots * slotsPerPeer);
    this.downloaders = new Int32Array(slots * slotsPerPeer);
    this.offers = new Float64Array(slots * slotsPerPeer);
  }
}

/** Moves dtMs worth of bytes; pushes the slots that finished their download onto `completed`. */
export function moveBytes(state: SwarmState, scratch: TickScratch, dtMs: number, completed: number[]): void {
  const flowCount = offerRates(state, scratch);
  const { ints, nums } = state.unchokes;
  const got = state.links.got;
  const download = state.peers.download;
  const { sent, received, incoming, entries, uploaders, downloaders, offers } = scratch;
  const seconds = dtMs / 1000;
  for (let f = 0; f < flowCount; f++) {
    const e = entries[f]!;
    const downloader = downloaders[f]!;
    const total = incoming[downloader]!;
    const cap = download[downloader]!;
    const rate = total > cap ? offers[f]! * (cap / total) : offers[f]!;
    const owed = rate * seconds + nums[2 * e + CARRY]!;
    const bytes = Math.floor(owed);
    if (bytes === 0) {
      nums[2 * e + CARRY] = owed;
      continue;
    }
    // The common case inline: the piece in flight takes every byte without completing.
    const piece = ints[ENTRY * e + PIECE]!;
    let moved = bytes;
    if (piece >= 0 && bytes < pieceLength(state.layout, piece) - ints[ENTRY * e + FETCHED]!) {
      ints[ENTRY * e + FETCHED]! += bytes;
    } else {
      moved = deliver(state, scratch.picker, e, uploaders[f]!, downloader, bytes, completed);
    }
    nums[2 * e + CARRY] = moved === bytes ? owed - bytes : 0;
    if (moved === 0) continue;
    sent[uploaders[f]!]! += moved;
    received[downloader]! += moved;
    nums[2 * e + SENT]! += moved;
    got[ints[ENTRY * e + TWIN]!]! += moved;
  }
  for (let f = 0; f < flowCount; f++) incoming[downloaders[f]!] = 0;
}

/** Lists this tick's flows (uploaders by ascending id) with their offered rates; returns the count. */
function offerRates(state: SwarmState, scratch: TickScratch): number {
  const { peers, unchokes, layout } = state;
  const { order, active, bits, haveCount, upload, words } = peers;
  const { ints, counts, slotsPerPeer } = unchokes;
  const { incoming, entries, uploaders, downloaders, offers } = scratch;
  const pieces = layout.pieces;
  let flowCount = 0;
  for (let i = 0; i < peers.size; i++) {
    const uploader = order[i]!;
    const unchoked = counts[uploader]!;
    if (unchoked === 0 || active[uploader] !== 1) continue;
    const uploaderBase = uploader * words;
    const uploaderCount = haveCount[uploader]!;
    const first = flowCount;
    for (let e = uploader * slotsPerPeer; e < uploader * slotsPerPeer + unchoked; e++) {
      const downloader = ints[ENTRY * e + DOWN]!;
      if (active[downloader] !== 1) continue;
      const dc = haveCount[downloader]!;
      if (holdsPieceLackedBy(bits, uploaderBase, uploaderCount, downloader * words, dc, words, pieces)) {
        entries[flowCount] = e;
        uploaders[flowCount] = uploader;
        downloaders[flowCount++] = downloader;
      }
    }
    if (flowCount === first) continue;
    const share = upload[uploader]! / (flowCount - first);
    for (let f = first; f < flowCount; f++) {
      offers[f] = share;
      incoming[downloaders[f]!]! += share;
    }
  }
  return flowCount;
}

/** Puts `bytes` into the downloader's pieces from this uploader; returns the bytes that fitted. */
function deliver(
  state: SwarmState,
  picker: PiecePicker,
  e: number,
  uploader: number,
  downloader: number,
  bytes: number,
  completed: number[],
): number {
  const { peers, inflight, layout, availability } = state;
  const ints = state.unchokes.ints;
  let left = bytes;
  let next = 0;
  let picked = 0;
  while (left > 0) {
    let piece = ints[ENTRY * e + PIECE]!;
    if (piece < 0) {
      if (next === picked) {
        picked = picker.pick(state, uploader, downloader, Math.ceil(left / layout.pieceSize));
        next = 0;
        if (picked === 0) break;
      }
      piece = picker.batch[next]!;
      if (next++ < picker.resumed) {
        const p = inflight.indexOf(downloader, piece);
        ints[ENTRY * e + FETCHED] = inflight.pairs[2 * p + 1]!;
        inflight.pairs[2 * p + 1] = FETCHING;
      } else {
        inflight.add(downloader, piece, FETCHING);
        ints[ENTRY * e + FETCHED] = 0;
      }
      ints[ENTRY * e + PIECE] = piece;
    }
    const need = pieceLength(layout, piece) - ints[ENTRY * e + FETCHED]!;
    if (left < need) {
      ints[ENTRY * e + FETCHED]! += left;
      left = 0;
      break;
    }
    left -= need;
    inflight.drop(downloader, inflight.indexOf(downloader, piece));
    ints[ENTRY * e + PIECE] = -1;
    ints[ENTRY * e + FETCHED] = 0;
    addPiece(peers.bits, downloader * peers.words, piece);
    availability.gain(piece);
    if (++peers.haveCount[downloader]! === layout.pieces) {
      completed.push(downloader);
      break;
    }
  }
  return bytes - left;
}
