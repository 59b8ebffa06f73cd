// Reading one stored peer back out as the things events and responses need.
import { formatIPv4, formatIPv6 } from './address';
import type { AnswerPeer } from './encode';
import { PeerFlag } from './store/peerTable';
import type { PeerStore } from './store/peerStore';

export function peerIp(store: PeerStore, slot: number): string {
  const compact = store.table.compactOf(slot);
  return compact.length === 6 ? formatIPv4(compact) : formatIPv6(compact);
}

export function answerPeer(store: PeerStore, slot: number): AnswerPeer {
  return {
    peerId: store.table.peerIdOf(slot),
    compact: store.table.compactOf(slot),
    ip: peerIp(store, slot),
    port: store.table.portOf(slot),
  };
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
