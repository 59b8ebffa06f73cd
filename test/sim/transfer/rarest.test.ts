import { describe, expect, it } from 'vitest';
import { createPrng } from '../../../shared/prng';
import { SwarmTransfers } from '../../../electron/sim/transfer/swarmTransfers';
import { checkInvariants } from './invariants';
import { KiB, peer, sum } from './helpers';

/** Holders of each piece among `ids`. */
function availability(model: SwarmTransfers, ids: number[], pieces: number): number[] {
  return Array.from({ length: pieces }, (_, p) => ids.filter((id) => model.holdsPiece(id, p)).length);
}

describe('rarest first at scale', () => {
  it.each([
    ['the walk from the rarest pieces', 1],
    ['the word scan, when the rarest pieces are ones the uploader lacks', 0.3],
  ])('picks a piece of least availability by %s', (_, uploaderShare) => {
    for (const seed of [1, 2, 3, 4]) {
      const pieces = 4096;
      const model = new SwarmTransfers({ size: pieces * KiB, pieceSize: KiB }, createPrng(seed));
      // Peer 1 holds everything and is connected to nobody; 2 and 3 shape the availability.
      model.addPeer(peer(1, { have: 'all' }));
      model.addPeer(peer(2, { have: 0.3 }));
      model.addPeer(peer(3, { have: 0.3 }));
      model.addPeer(peer(4, { uploadCapacity: KiB, have: uploaderShare }));
      model.addPeer(peer(5));
      model.connect(4, 5);
      const ids = [1, 2, 3, 4, 5];
      const before = availability(model, ids, pieces);
      const offered = before.map((_, p) => p).filter((p) => model.holdsPiece(4, p));
      const least = Math.min(...offered.map((p) => before[p]!));
      model.tick(1_000, 1_000);
      const got = offered.filter((p) => model.holdsPiece(5, p));
      expect(got).toHaveLength(1);
      expect(before[got[0]!]).toBe(least);
    }
  });

  it('a torrent of 65,536 pieces keeps exact books and finishes', () => {
    const pieces = 65_536;
    const model = new SwarmTransfers({ size: pieces * KiB - 100, pieceSize: KiB }, createPrng(9));
    const ids = [1, 2, 3, 4, 5, 6];
    for (const id of ids) {
      model.addPeer(peer(id, { uploadCapacity: 2048 * KiB, have: id === 1 ? 'all' : id < 4 ? 0.5 : 'none' }));
    }
    for (const a of ids) for (const b of ids) model.connect(a, b);
    let completed = 0;
    for (let t = 1; t <= 12; t++) {
      const r = model.tick(t * 5_000, 5_000);
      expect(sum(r.uploaded)).toBe(sum(r.downloaded));
      completed += r.completed.length;
      if (t % 4 === 0) checkInvariants(model);
    }
    expect(completed).toBe(5);
    expect(ids.map((id) => model.left(id))).toEqual([0, 0, 0, 0, 0, 0]);
  });
});
