// All swarms and their peers, with the two lookups announces need: by (torrent, peer_id) and by
// (torrent, compact address). It keeps list membership, flags and indexes consistent; the rules
// for *when* to add, move or remove a peer live in the tracker, not here.
import { COMPACT4_BYTES, PEER_ID_BYTES, PeerFlag, PeerTable, type PeerTableSnapshot } from './peerTable';
import { SlotList } from './slotList';
import { fnv1a, SlotIndex } from './slotIndex';
import { Swarm } from './swarm';

export interface PeerIdProbe {
  swarm: number;
  peerId: Uint8Array;
}

export interface AddressProbe {
  swarm: number;
  compact: Uint8Array;
}

export interface NewPeer {
  peerId: Uint8Array;
  compact: Uint8Array;
  user: number;
  keyHash: number | null;
  seeder: boolean;
  now: number;
}

export interface SwarmSnapshot {
  index: number;
  infoHash: Uint8Array;
  infoHashHex: string;
  seeders: Int32Array;
  leechers: Int32Array;
  snatches: number;
  pausedLeechers: number;
}

export interface PeerStoreSnapshot {
  nextEntry: number;
  table: PeerTableSnapshot;
  swarms: (SwarmSnapshot | null)[];
  byPeerId: { cells: Int32Array; size: number };
  byAddress: { cells: Int32Array; size: number };
}

export class PeerStore {
  private table_ = new PeerTable();
  private readonly swarmsByHex = new Map<string, Swarm>();
  private swarms: (Swarm | undefined)[] = [];
  private nextEntry = 1;

  get table(): PeerTable {
    return this.table_;
  }

  private readonly byPeerId = new SlotIndex<PeerIdProbe>({
    hashSlot: (slot) =>
      fnv1a(this.table_.peerId, slot * PEER_ID_BYTES, PEER_ID_BYTES, this.table_.swarm[slot]!),
    hashProbe: (p) => fnv1a(p.peerId, 0, PEER_ID_BYTES, p.swarm),
    matches: (slot, p) => this.table_.swarm[slot] === p.swarm && this.peerIdEquals(slot, p.peerId),
  });

  private readonly byAddress = new SlotIndex<AddressProbe>({
    hashSlot: (slot) => {
      const c = this.table_.compactOf(slot);
      return fnv1a(c, 0, c.length, this.table_.swarm[slot]!);
    },
    hashProbe: (p) => fnv1a(p.compact, 0, p.compact.length, p.swarm),
    matches: (slot, p) => this.table_.swarm[slot] === p.swarm && this.compactEquals(slot, p.compact),
  });

  get peerCount(): number {
    return this.table_.count;
  }

  get torrentCount(): number {
    return this.swarmsByHex.size;
  }

  swarm(infoHashHex: string): Swarm | undefined {
    return this.swarmsByHex.get(infoHashHex);
  }

  swarmOf(slot: number): Swarm {
    return this.swarms[this.table_.swarm[slot]!]!;
  }

  swarmOrCreate(infoHash: Uint8Array, infoHashHex: string): Swarm {
    let swarm = this.swarmsByHex.get(infoHashHex);
    if (!swarm) {
      swarm = new Swarm(this.swarms.length, infoHash.slice(), infoHashHex);
      this.swarms.push(swarm);
      this.swarmsByHex.set(infoHashHex, swarm);
    }
    return swarm;
  }

  allSwarms(): IterableIterator<Swarm> {
    return this.swarmsByHex.values();
  }

  /** Forgets swarms with no peers and no snatches (nothing left to report about them). */
  pruneEmptySwarms(): void {
    for (const swarm of this.swarmsByHex.values()) {
      if (swarm.size === 0 && swarm.snatches === 0) {
        this.swarmsByHex.delete(swarm.infoHashHex);
        this.swarms[swarm.index] = undefined;
      }
    }
  }

  findByPeerId(swarm: Swarm, peerId: Uint8Array, accept?: (slot: number) => boolean): number {
    return this.byPeerId.find({ swarm: swarm.index, peerId }, accept);
  }

  findByAddress(swarm: Swarm, compact: Uint8Array): number {
    return this.byAddress.find({ swarm: swarm.index, compact });
  }

  add(swarm: Swarm, peer: NewPeer): number {
    const t = this.table;
    const slot = t.allocate(swarm.index);
    t.entry[slot] = this.nextEntry++;
    t.peerId.set(peer.peerId, slot * PEER_ID_BYTES);
    t.flags[slot] = 0;
    t.setCompact(slot, peer.compact);
    t.user[slot] = peer.user;
    t.keyHash[slot] = peer.keyHash ?? 0;
    t.setFlag(slot, PeerFlag.HasKey, peer.keyHash !== null);
    t.announces[slot] = 0;
    t.uploaded[slot] = 0;
    t.downloaded[slot] = 0;
    t.left[slot] = 0;
    t.corrupt[slot] = 0;
    t.uploadRate[slot] = 0;
    t.firstSeen[slot] = peer.now;
    t.lastSeen[slot] = peer.now;
    t.setFlag(slot, PeerFlag.Seeder, peer.seeder);
    t.listPos[slot] = (peer.seeder ? swarm.seeders : swarm.leechers).push(slot);
    this.byPeerId.insert(slot);
    this.byAddress.insert(slot);
    return slot;
  }

  remove(slot: number): void {
    const swarm = this.swarmOf(slot);
    this.unlist(swarm, slot);
    this.byPeerId.remove(slot);
    this.byAddress.remove(slot);
    this.table_.release(slot);
  }

  /** Moves a peer between the leecher and seeder lists. */
  setSeeder(slot: number, seeder: boolean): void {
    const t = this.table;
    if (t.hasFlag(slot, PeerFlag.Seeder) === seeder) return;
    const swarm = this.swarmOf(slot);
    this.unlist(swarm, slot);
    t.setFlag(slot, PeerFlag.Seeder, seeder);
    t.listPos[slot] = (seeder ? swarm.seeders : swarm.leechers).push(slot);
    if (t.hasFlag(slot, PeerFlag.Paused) && !seeder) swarm.pausedLeechers++;
  }

  setPaused(slot: number, paused: boolean): void {
    const t = this.table;
    if (t.hasFlag(slot, PeerFlag.Paused) === paused) return;
    t.setFlag(slot, PeerFlag.Paused, paused);
    if (!t.hasFlag(slot, PeerFlag.Seeder)) this.swarmOf(slot).pausedLeechers += paused ? 1 : -1;
  }

  /** A peer that moved (IP change recognised by peer_id or key): re-index it under its new address. */
  setAddress(slot: number, compact: Uint8Array): void {
    this.byAddress.remove(slot);
    this.table_.setCompact(slot, compact);
    this.byAddress.insert(slot);
  }

  /** Drops every peer but keeps the swarms' snatch counts (a restart that loses in-memory state). */
  clearPeers(): void {
    for (const swarm of this.swarmsByHex.values()) {
      swarm.seeders.clear();
      swarm.leechers.clear();
      swarm.pausedLeechers = 0;
    }
    this.byPeerId.clear();
    this.byAddress.clear();
    this.table_.clear();
  }

  /** Every live slot, in slot order (deterministic). */
  *slots(): IterableIterator<number> {
    const t = this.table;
    for (let slot = 0; slot < t.highWater; slot++) if (t.isLive(slot)) yield slot;
  }

  peerIdHex(slot: number): string {
    return this.table_.peerIdHex(slot);
  }

  snapshot(): PeerStoreSnapshot {
    return {
      nextEntry: this.nextEntry,
      table: this.table_.snapshot(),
      swarms: this.swarms.map((s) =>
        s === undefined
          ? null
          : {
              index: s.index,
              infoHash: s.infoHash.slice(),
              infoHashHex: s.infoHashHex,
              seeders: s.seeders.snapshot(),
              leechers: s.leechers.snapshot(),
              snatches: s.snatches,
              pausedLeechers: s.pausedLeechers,
            },
      ),
      byPeerId: this.byPeerId.snapshot(),
      byAddress: this.byAddress.snapshot(),
    };
  }

  restore(snapshot: PeerStoreSnapshot): void {
    this.nextEntry = snapshot.nextEntry;
    this.table_ = PeerTable.restore(snapshot.table);
    this.swarmsByHex.clear();
    this.swarms = snapshot.swarms.map((s) => {
      if (s === null) return undefined;
      const swarm = new Swarm(
        s.index,
        s.infoHash.slice(),
        s.infoHashHex,
        SlotList.restore(s.seeders),
        SlotList.restore(s.leechers),
      );
      swarm.snatches = s.snatches;
      swarm.pausedLeechers = s.pausedLeechers;
      this.swarmsByHex.set(s.infoHashHex, swarm);
      return swarm;
    });
    this.byPeerId.restore(snapshot.byPeerId);
    this.byAddress.restore(snapshot.byAddress);
  }

  /** Bytes held by the typed-array columns and indexes (not counting per-swarm objects). */
  get byteLength(): number {
    return this.table_.byteLength + this.byPeerId.byteLength + this.byAddress.byteLength;
  }

  private unlist(swarm: Swarm, slot: number): void {
    const t = this.table;
    const seeder = t.hasFlag(slot, PeerFlag.Seeder);
    const list = seeder ? swarm.seeders : swarm.leechers;
    const moved = list.removeAt(t.listPos[slot]!);
    if (moved !== -1) t.listPos[moved] = t.listPos[slot]!;
    if (!seeder && t.hasFlag(slot, PeerFlag.Paused)) swarm.pausedLeechers--;
  }

  private peerIdEquals(slot: number, peerId: Uint8Array): boolean {
    const ids = this.table_.peerId;
    const base = slot * PEER_ID_BYTES;
    for (let i = 0; i < PEER_ID_BYTES; i++) if (ids[base + i] !== peerId[i]) return false;
    return true;
  }

  /** Does the peer in `slot` have this compact address? */
  hasAddress(slot: number, compact: Uint8Array): boolean {
    return this.compactEquals(slot, compact);
  }

  private compactEquals(slot: number, compact: Uint8Array): boolean {
    const t = this.table_;
    if (compact.length === COMPACT4_BYTES && !t.hasFlag(slot, PeerFlag.IPv6)) {
      const from = slot * COMPACT4_BYTES;
      const own = t.compact4;
      for (let i = 0; i < COMPACT4_BYTES; i++) if (own[from + i] !== compact[i]) return false;
      return true;
    }
    const own = t.compactOf(slot);
    if (own.length !== compact.length) return false;
    for (let i = 0; i < own.length; i++) if (own[i] !== compact[i]) return false;
    return true;
  }
}

export { COMPACT4_BYTES, PEER_ID_BYTES, PeerFlag };
