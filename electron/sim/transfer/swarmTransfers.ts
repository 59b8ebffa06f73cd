// The flow-level transfer model of one torrent: which simulated peer sends how many bytes to which,
// given the connections the caller made (only to peers the tracker returned). Pieces, interest,
// choking and rarest-first are modelled; packets, requests and TCP are not.
//
// Per tick: rechoke when due (rechoke.ts), then move bytes (flows.ts, piecePicker.ts), then close
// connections between two seeders. Every loop walks peers by ascending id and each peer's
// connections by ascending neighbour id, so the PRNG is drawn in an order only the inputs fix.
import type { Prng } from '../../../shared/prng';
import { fillPieces, holdsPiece } from './bitfield';
import { ChokeSchedule } from './chokeSchedule';
import { NBR, REV } from './connectionTable';
import { moveBytes, TickScratch } from './flows';
import { bytesOfPieces, type PieceLayout } from './layout';
import { drawPieces, validatePeer } from './peerInit';
import { Rechoker } from './rechoke';
import { closeBothSeeding, closeConnection, isSeeding } from './seedingClosure';
import { captureState, emptyState, restoreState, type TransfersSnapshot } from './snapshot';
import type { SwarmState } from './swarmState';
import type { ConnectOutcome, TickResult, TorrentShape, TransferOptions, TransferPeerInit } from './types';

export type { TransfersSnapshot } from './snapshot';

const DEFAULTS: Required<TransferOptions> = {
  rechokeEveryMs: 10_000,
  optimisticEveryMs: 30_000,
  uploadSlots: 4,
};

export class SwarmTransfers {
  private state: SwarmState;
  private readonly options: Required<TransferOptions>;
  private schedule: ChokeSchedule;
  private readonly rechoker: Rechoker;
  /** Connections made between two seeders; closed (and reported) at the next tick. */
  private seedingPairs: [number, number][] = [];
  private readonly scratch = new TickScratch();

  constructor(torrent: TorrentShape, rng: Prng, options: TransferOptions = {}) {
    this.options = { ...DEFAULTS, ...options };
    const { rechokeEveryMs, optimisticEveryMs, uploadSlots } = this.options;
    if (!Number.isInteger(uploadSlots) || uploadSlots < 1 || uploadSlots > 255) {
      throw new RangeError(`uploadSlots ${uploadSlots}: an integer in 1..255`);
    }
    this.schedule = new ChokeSchedule(rechokeEveryMs, optimisticEveryMs);
    this.rechoker = new Rechoker(uploadSlots);
    this.state = this.adopt(emptyState(torrent, rng, uploadSlots));
  }

  /** A model that continues exactly as the snapshotted one, given a PRNG in the same state. */
  static restore(snapshot: TransfersSnapshot, rng: Prng): SwarmTransfers {
    const { torrent, options, schedule, seedingPairs } = snapshot;
    const model = new SwarmTransfers(torrent, rng, options);
    model.state = model.adopt(restoreState(snapshot, rng));
    model.schedule = new ChokeSchedule(options.rechokeEveryMs, options.optimisticEveryMs, schedule);
    model.seedingPairs = seedingPairs.map(([a, b]) => [a, b]);
    return model;
  }

  snapshot(): TransfersSnapshot {
    return {
      version: 1,
      ...captureState(this.state),
      options: { ...this.options },
      schedule: this.schedule.data(),
      seedingPairs: this.seedingPairs.map(([a, b]) => [a, b]),
    };
  }

  get layout(): PieceLayout {
    return this.state.layout;
  }

  addPeer(init: TransferPeerInit): void {
    validatePeer(init, this.has(init.id));
    const { peers, layout, availability, rng, links } = this.state;
    const slot = peers.allocate(init.id);
    this.fitSlots();
    links.open(slot, init.maxConnections);
    this.state.inflight.open(slot);
    peers.upload[slot] = init.uploadCapacity;
    peers.download[slot] = init.downloadCapacity;
    const base = slot * peers.words;
    if (init.have === 'all') {
      fillPieces(peers.bits, base, layout.pieces);
      peers.haveCount[slot] = layout.pieces;
    } else if (init.have !== 'none') {
      peers.haveCount[slot] = drawPieces(peers.bits, base, layout.pieces, init.have, rng);
    }
    availability.applyBitfield(peers.bits, base, peers.words, 1);
  }

  /** Removes the peer and its connections; returns the ids it was connected to, ascending. */
  removePeer(id: number): number[] {
    const slot = this.state.peers.slotOf(id);
    if (slot === undefined) return [];
    const neighbours = this.disconnectAll(id);
    const { peers, availability, inflight, unchokes, links } = this.state;
    links.close(slot);
    availability.applyBitfield(peers.bits, slot * peers.words, peers.words, -1);
    inflight.close(slot);
    unchokes.reset(slot);
    peers.release(slot);
    return neighbours;
  }

  /** An inactive peer (paused, offline, crashed) moves no bytes and is neither unchoked nor unchoking. */
  setActive(id: number, active: boolean): void {
    const slot = this.slot(id);
    const { peers, links, unchokes } = this.state;
    if (!active && peers.active[slot] === 1) {
      const end = links.base[slot]! + links.degree[slot]!;
      for (let q = links.base[slot]!; q < end; q++) {
        unchokes.choke(this.state, slot, q);
        unchokes.choke(this.state, links.ints[2 * q + NBR]!, links.ints[2 * q + REV]!);
      }
    }
    peers.active[slot] = active ? 1 : 0;
  }

  connect(a: number, b: number): ConnectOutcome {
    if (a === b) return 'self';
    const { peers, links } = this.state;
    const sa = peers.slotOf(a);
    const sb = peers.slotOf(b);
    if (sa === undefined || sb === undefined) return 'unknown';
    if (links.find(sa, sb) >= 0) return 'already-connected';
    if (links.full(sa) || links.full(sb)) return 'full';
    links.link(sa, sb, peers.ids);
    if (isSeeding(this.state, sa) && isSeeding(this.state, sb)) {
      this.seedingPairs.push(a < b ? [a, b] : [b, a]);
    }
    return 'connected';
  }

  disconnect(a: number, b: number): boolean {
    const { peers, links } = this.state;
    const sa = peers.slotOf(a);
    const sb = peers.slotOf(b);
    const q = sa === undefined || sb === undefined ? -1 : links.find(sa, sb);
    if (q < 0) return false;
    closeConnection(this.state, sa!, q);
    return true;
  }

  /** Closes every connection of the peer; returns the ids it was connected to, ascending. */
  disconnectAll(id: number): number[] {
    if (!this.has(id)) return [];
    const neighbours = [...this.connections(id)];
    const slot = this.slot(id);
    const links = this.state.links;
    while (links.degree[slot]! > 0) closeConnection(this.state, slot, links.base[slot]!);
    return neighbours;
  }

  /** Ids of the peer's connections, ascending. */
  connections(id: number): readonly number[] {
    const slot = this.slot(id);
    const { peers, links } = this.state;
    const ids: number[] = [];
    const end = links.base[slot]! + links.degree[slot]!;
    for (let q = links.base[slot]!; q < end; q++) ids.push(peers.ids[links.ints[2 * q + NBR]!]!);
    return ids;
  }

  /** Ids of the peers this peer currently unchokes, ascending. */
  unchoked(id: number): number[] {
    const { peers, links, unchokes } = this.state;
    return unchokes
      .records(this.slot(id))
      .map((q) => peers.ids[links.ints[2 * q + NBR]!]!)
      .sort((x, y) => x - y);
  }

  /** Id of this peer's optimistic unchoke, or null. */
  optimisticUnchoke(id: number): number | null {
    const { peers, links, unchokes } = this.state;
    const q = unchokes.optimistic[this.slot(id)]!;
    return q < 0 ? null : peers.ids[links.ints[2 * q + NBR]!]!;
  }

  /** Bytes of the pieces not yet held; a partly received piece counts as missing. */
  left(id: number): number {
    const slot = this.slot(id);
    const { peers, layout } = this.state;
    const count = peers.haveCount[slot]!;
    if (count === 0) return layout.size;
    const holdsLast = holdsPiece(peers.bits, slot * peers.words, layout.pieces - 1);
    return layout.size - bytesOfPieces(layout, count, holdsLast);
  }

  /** Whether the peer holds the whole of `piece` (0-based). */
  holdsPiece(id: number, piece: number): boolean {
    const slot = this.slot(id);
    if (!Number.isInteger(piece) || piece < 0 || piece >= this.state.layout.pieces) {
      throw new RangeError(`piece ${piece} of ${this.state.layout.pieces}`);
    }
    return holdsPiece(this.state.peers.bits, slot * this.state.peers.words, piece);
  }

  isSeeder(id: number): boolean {
    return isSeeding(this.state, this.slot(id));
  }

  has(id: number): boolean {
    return this.state.peers.slotOf(id) !== undefined;
  }

  /** Advances transfers by dtMs of virtual time ending at `now`. */
  tick(now: number, dtMs: number): TickResult {
    if (!Number.isFinite(now) || !Number.isFinite(dtMs) || dtMs < 0) {
      throw new RangeError(`tick(${now}, ${dtMs}): finite time and a non-negative step`);
    }
    const due = this.schedule.due(now);
    if (due !== 'none') this.rechoker.run(this.state, due === 'rechoke-and-rotate');
    const finished: number[] = [];
    moveBytes(this.state, this.scratch, dtMs, finished);
    const { peers } = this.state;
    const completed = finished.map((slot) => peers.ids[slot]!).sort((x, y) => x - y);
    const closedBothSeeding = closeBothSeeding(this.state, finished, this.seedingPairs);
    this.seedingPairs = [];
    const result: TickResult = { clients: [], uploaded: [], downloaded: [], completed, closedBothSeeding };
    const { sent, received } = this.scratch;
    for (let i = 0; i < peers.size; i++) {
      const slot = peers.order[i]!;
      if (sent[slot] === 0 && received[slot] === 0) continue;
      result.clients.push(peers.ids[slot]!);
      result.uploaded.push(sent[slot]!);
      result.downloaded.push(received[slot]!);
      sent[slot] = 0;
      received[slot] = 0;
    }
    return result;
  }

  private slot(id: number): number {
    const slot = this.state.peers.slotOf(id);
    if (slot === undefined) throw new RangeError(`unknown peer ${id}`);
    return slot;
  }

  /** Wires the parts together and sizes every per-slot structure to the peer table's capacity. */
  private adopt(state: SwarmState): SwarmState {
    state.links.onShift = (owner, from, to, delta) =>
      state.unchokes.shift(state.links, owner, from, to, delta);
    this.state = state;
    this.fitSlots();
    return state;
  }

  private fitSlots(): void {
    const { peers, links, inflight, unchokes } = this.state;
    links.ensureSlots(peers.capacity);
    inflight.ensureSlots(peers.capacity);
    unchokes.ensureSlots(peers.capacity);
    this.scratch.ensureSlots(peers.capacity, unchokes.slotsPerPeer);
  }
}
