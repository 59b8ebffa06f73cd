// Reading one stored peer back out as the things events and responses need.
import type { AnswerPeer } from './encode';
import { COMPACT4_BYTES, COMPACT6_BYTES, PeerFlag, type PeerTable } from './store/peerTable';
import type { PeerStore } from './store/peerStore';

export function peerIp(store: PeerStore, slot: number): string {
  return store.table.ipOf(slot);
}

export function answerPeer(store: PeerStore, slot: number): AnswerPeer {
  return {
    peerId: store.table.peerIdOf(slot),
    compact: store.table.compactOf(slot),
    ip: peerIp(store, slot),
    port: store.table.portOf(slot),
  };
}

/**
 * The selected peers, to be written in BEP 23 / BEP 7 compact form straight from the table into the
 * response buffer (no intermediate copy: this is the hot path of every answer).
 */
export class CompactPeers {
  readonly count6: number;

  constructor(
    private readonly table: PeerTable,
    readonly slots: readonly number[],
  ) {
    let count6 = 0;
    if (table.compact6.size > 0) for (const slot of slots) if (table.hasFlag(slot, PeerFlag.IPv6)) count6++;
    this.count6 = count6;
  }

  get bytes4(): number {
    return (this.slots.length - this.count6) * COMPACT4_BYTES;
  }

  get bytes6(): number {
    return this.count6 * COMPACT6_BYTES;
  }

  /** Writes the IPv4 peers (6 bytes each) at `at4` and the IPv6 peers (18 bytes each) at `at6`. */
  writeInto(out: Uint8Array, at4: number, at6: number): void {
    const t = this.table;
    const src = t.compact4;
    let o4 = at4;
    let o6 = at6;
    for (const slot of this.slots) {
      if (this.count6 > 0 && t.hasFlag(slot, PeerFlag.IPv6)) {
        out.set(t.compact6.get(slot)!, o6);
        o6 += COMPACT6_BYTES;
        continue;
      }
      const from = slot * COMPACT4_BYTES; // 6 bytes, unrolled
      out[o4] = src[from]!;
      out[o4 + 1] = src[from + 1]!;
      out[o4 + 2] = src[from + 2]!;
      out[o4 + 3] = src[from + 3]!;
      out[o4 + 4] = src[from + 4]!;
      out[o4 + 5] = src[from + 5]!;
      o4 += COMPACT4_BYTES;
    }
  }

  /** The two compact strings as separate arrays (tests, UDP). */
  lists(): { v4: Uint8Array; v6: Uint8Array } {
    const out = new Uint8Array(this.bytes4 + this.bytes6);
    this.writeInto(out, 0, this.bytes4);
    return { v4: out.subarray(0, this.bytes4), v6: out.subarray(this.bytes4) };
  }
}

export function isSeeder(store: PeerStore, slot: number): boolean {
  return store.table.hasFlag(slot, PeerFlag.Seeder);
}

export function compactAddress(address: { family: 4 | 6; bytes: Uint8Array }, port: number): Uint8Array {
  const out = new Uint8Array(address.bytes.length + 2);
  out.set(address.bytes);
  out[address.bytes.length] = port >> 8;
  out[address.bytes.length + 1] = port & 0xff;
  return out;
}
