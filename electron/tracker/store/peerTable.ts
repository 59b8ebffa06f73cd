// Peers stored column-wise in typed arrays, one slot per peer. A million peers must fit in well under
// 250 bytes each (issue #2), and the compact 6-byte address doubles as the BEP 23 wire form, so a
// response is a copy of bytes rather than a formatting job.
import { formatIPv6 } from '../address';
import { widened } from '../../../shared/typedArrays';

export const PEER_ID_BYTES = 20;
export const COMPACT4_BYTES = 6; // BEP 23: 4-byte IPv4 + 2-byte port, network order
export const COMPACT6_BYTES = 18; // BEP 7: 16-byte IPv6 + 2-byte port

export const PeerFlag = {
  Seeder: 1,
  Paused: 2,
  Snatched: 4,
  HasKey: 8,
  IPv6: 16,
} as const;
export type PeerFlag = (typeof PeerFlag)[keyof typeof PeerFlag];

const FREE = -1;

const COLUMN_NAMES = [
  'entry',
  'peerId',
  'compact4',
  'swarm',
  'user',
  'listPos',
  'flags',
  'keyHash',
  'announces',
  'uploaded',
  'downloaded',
  'left',
  'corrupt',
  'firstSeen',
  'lastSeen',
  'uploadRate',
] as const;
type ColumnName = (typeof COLUMN_NAMES)[number];

export interface PeerTableSnapshot {
  capacity: number;
  liveCount: number;
  freeSlots: number[];
  nextUnused: number;
  compact6: [number, Uint8Array][];
  columns: { [K in ColumnName]: PeerTable[K] };
}

export class PeerTable {
  capacity: number;
  private liveCount = 0;
  private peerIdBuffer: Buffer | null = null;
  private freeSlots: number[] = [];
  private nextUnused = 0;

  /** The entry number events use for this peer (monotonic over the tracker's life). */
  entry: Uint32Array;
  peerId: Uint8Array;
  compact4: Uint8Array;
  /** IPv6 peers are rare here, so their 18-byte compact form lives in a side map. */
  readonly compact6 = new Map<number, Uint8Array>();
  swarm: Int32Array;
  user: Int32Array;
  listPos: Int32Array;
  flags: Uint8Array;
  keyHash: Int32Array;
  announces: Uint32Array;
  uploaded: Float64Array;
  downloaded: Float64Array;
  left: Float64Array;
  corrupt: Float64Array;
  firstSeen: Float64Array;
  lastSeen: Float64Array;
  /** Upload rate in bytes/s derived from the last two announces (the speed-aware strategies rank by it). */
  uploadRate: Float32Array;

  constructor(initialCapacity = 1024) {
    this.capacity = initialCapacity;
    this.entry = new Uint32Array(initialCapacity);
    this.peerId = new Uint8Array(initialCapacity * PEER_ID_BYTES);
    this.compact4 = new Uint8Array(initialCapacity * COMPACT4_BYTES);
    this.swarm = new Int32Array(initialCapacity).fill(FREE);
    this.user = new Int32Array(initialCapacity);
    this.listPos = new Int32Array(initialCapacity);
    this.flags = new Uint8Array(initialCapacity);
    this.keyHash = new Int32Array(initialCapacity);
    this.announces = new Uint32Array(initialCapacity);
    this.uploaded = new Float64Array(initialCapacity);
    this.downloaded = new Float64Array(initialCapacity);
    this.left = new Float64Array(initialCapacity);
    this.corrupt = new Float64Array(initialCapacity);
    this.firstSeen = new Float64Array(initialCapacity);
    this.lastSeen = new Float64Array(initialCapacity);
    this.uploadRate = new Float32Array(initialCapacity);
  }

  get count(): number {
    return this.liveCount;
  }

  /** Slots ever handed out; every live slot is below this. */
  get highWater(): number {
    return this.nextUnused;
  }

  isLive(slot: number): boolean {
    return this.swarm[slot] !== FREE;
  }

  allocate(swarmIndex: number): number {
    let slot = this.freeSlots.pop();
    if (slot === undefined) {
      if (this.nextUnused === this.capacity) this.grow();
      slot = this.nextUnused++;
    }
    this.swarm[slot] = swarmIndex;
    this.liveCount++;
    return slot;
  }

  release(slot: number): void {
    this.swarm[slot] = FREE;
    this.flags[slot] = 0;
    this.compact6.delete(slot);
    this.freeSlots.push(slot);
    this.liveCount--;
  }

  clear(): void {
    this.swarm.fill(FREE);
    this.flags.fill(0);
    this.compact6.clear();
    this.freeSlots = [];
    this.nextUnused = 0;
    this.liveCount = 0;
  }

  hasFlag(slot: number, flag: PeerFlag): boolean {
    return (this.flags[slot]! & flag) !== 0;
  }

  setFlag(slot: number, flag: PeerFlag, on: boolean): void {
    this.flags[slot] = on ? this.flags[slot]! | flag : this.flags[slot]! & ~flag;
  }

  /** The peer's compact address: 6 bytes (IPv4) or 18 bytes (IPv6), as a view. */
  compactOf(slot: number): Uint8Array {
    if (this.hasFlag(slot, PeerFlag.IPv6)) return this.compact6.get(slot)!;
    return this.compact4.subarray(slot * COMPACT4_BYTES, slot * COMPACT4_BYTES + COMPACT4_BYTES);
  }

  setCompact(slot: number, compact: Uint8Array): void {
    if (compact.length === COMPACT6_BYTES) {
      this.compact6.set(slot, compact.slice());
      this.setFlag(slot, PeerFlag.IPv6, true);
    } else {
      this.compact4.set(compact, slot * COMPACT4_BYTES);
      this.compact6.delete(slot);
      this.setFlag(slot, PeerFlag.IPv6, false);
    }
  }

  portOf(slot: number): number {
    const c = this.compactOf(slot);
    return (c[c.length - 2]! << 8) | c[c.length - 1]!;
  }

  /** The peer_id as hex, straight from the column (no per-call view: events ask for it a lot). */
  peerIdHex(slot: number): string {
    if (this.peerIdBuffer === null || this.peerIdBuffer.buffer !== this.peerId.buffer) {
      this.peerIdBuffer = Buffer.from(this.peerId.buffer, this.peerId.byteOffset, this.peerId.byteLength);
    }
    return this.peerIdBuffer.toString('hex', slot * PEER_ID_BYTES, slot * PEER_ID_BYTES + PEER_ID_BYTES);
  }

  /** The peer's IP address as text. */
  ipOf(slot: number): string {
    if (this.hasFlag(slot, PeerFlag.IPv6)) return formatIPv6(this.compact6.get(slot)!);
    const c = this.compact4;
    const o = slot * COMPACT4_BYTES;
    return `${c[o]}.${c[o + 1]}.${c[o + 2]}.${c[o + 3]}`;
  }

  peerIdOf(slot: number): Uint8Array {
    return this.peerId.subarray(slot * PEER_ID_BYTES, slot * PEER_ID_BYTES + PEER_ID_BYTES);
  }

  snapshot(): PeerTableSnapshot {
    const columns = {} as PeerTableSnapshot['columns'];
    for (const name of COLUMN_NAMES) columns[name] = this[name].slice() as never;
    return {
      capacity: this.capacity,
      liveCount: this.liveCount,
      freeSlots: [...this.freeSlots],
      nextUnused: this.nextUnused,
      compact6: [...this.compact6].map(([slot, bytes]) => [slot, bytes.slice()]),
      columns,
    };
  }

  static restore(snapshot: PeerTableSnapshot): PeerTable {
    const table = new PeerTable(snapshot.capacity);
    for (const name of COLUMN_NAMES) table[name] = snapshot.columns[name].slice() as never;
    table.liveCount = snapshot.liveCount;
    table.freeSlots = [...snapshot.freeSlots];
    table.nextUnused = snapshot.nextUnused;
    for (const [slot, bytes] of snapshot.compact6) table.compact6.set(slot, bytes.slice());
    return table;
  }

  /** Bytes held by the columns (for the memory benchmark). */
  get byteLength(): number {
    return COLUMN_NAMES.reduce((sum, name) => sum + this[name].byteLength, 0);
  }

  private grow(): void {
    const cap = this.capacity * 2;
    this.entry = widened(this.entry, cap, (n) => new Uint32Array(n));
    this.peerId = widened(this.peerId, cap * PEER_ID_BYTES, (n) => new Uint8Array(n));
    this.compact4 = widened(this.compact4, cap * COMPACT4_BYTES, (n) => new Uint8Array(n));
    this.swarm = widened(this.swarm, cap, (n) => new Int32Array(n).fill(FREE));
    this.user = widened(this.user, cap, (n) => new Int32Array(n));
    this.listPos = widened(this.listPos, cap, (n) => new Int32Array(n));
    this.flags = widened(this.flags, cap, (n) => new Uint8Array(n));
    this.keyHash = widened(this.keyHash, cap, (n) => new Int32Array(n));
    this.announces = widened(this.announces, cap, (n) => new Uint32Array(n));
    this.uploaded = widened(this.uploaded, cap, (n) => new Float64Array(n));
    this.downloaded = widened(this.downloaded, cap, (n) => new Float64Array(n));
    this.left = widened(this.left, cap, (n) => new Float64Array(n));
    this.corrupt = widened(this.corrupt, cap, (n) => new Float64Array(n));
    this.firstSeen = widened(this.firstSeen, cap, (n) => new Float64Array(n));
    this.lastSeen = widened(this.lastSeen, cap, (n) => new Float64Array(n));
    this.uploadRate = widened(this.uploadRate, cap, (n) => new Float32Array(n));
    this.capacity = cap;
  }
}
