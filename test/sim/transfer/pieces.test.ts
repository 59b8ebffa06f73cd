import { describe, expect, it } from 'vitest';
import type { SwarmTransfers } from '../../../electron/sim/transfer/swarmTransfers';
import { KiB, MiB, moved, peer, run, swarm } from './helpers';

function held(model: SwarmTransfers, id: number, pieces: number): number[] {
  return Array.from({ length: pieces }, (_, p) => p).filter((p) => model.holdsPiece(id, p));
}

describe('pieces', () => {
  it('a leecher fetches the rarest piece first: the one only the seeder holds', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const model = swarm({ size: 8 * MiB, pieceSize: MiB, seed });
      model.addPeer(peer(1, { uploadCapacity: MiB, have: 'all' }));
      // Peer 2 holds 7 of the 8 pieces and is connected to nobody: availability is global.
      model.addPeer(peer(2, { have: 7 / 8 }));
      model.addPeer(peer(3));
      model.connect(1, 3);
      const [rare] = [0, 1, 2, 3, 4, 5, 6, 7].filter((p) => !model.holdsPiece(2, p));
      run(model, 1, 1_000);
      expect(held(model, 3, 8)).toEqual([rare]);
    }
  });

  it('a peer joining with a fraction holds that share of pieces, drawn from the PRNG', () => {
    const draws = [1, 2].map((seed) => {
      const model = swarm({ size: 64 * MiB, pieceSize: MiB, seed });
      model.addPeer(peer(1, { have: 0.25 }));
      expect(model.left(1)).toBe(48 * MiB);
      return held(model, 1, 64);
    });
    expect(draws[0]).toHaveLength(16);
    expect(draws[0]).not.toEqual(draws[1]);
  });

  it('left counts only whole pieces, and the last piece is shorter', () => {
    // 2.5 MiB: pieces of 1 MiB, 1 MiB and 0.5 MiB.
    const model = swarm({ size: 2.5 * MiB, pieceSize: MiB });
    model.addPeer(peer(1, { uploadCapacity: 0.75 * MiB, have: 'all' }));
    model.addPeer(peer(2));
    model.connect(1, 2);
    expect(model.left(2)).toBe(2.5 * MiB);
    const [result] = run(model, 1, 1_000);
    expect(moved(result!, 2).down).toBe(0.75 * MiB);
    // 0.75 MiB completes the last piece (and starts another) or only part of a full one.
    expect(model.left(2)).toBe(model.holdsPiece(2, 2) ? 2 * MiB : 2.5 * MiB);
    run(model, 3, 1_000, 1_000);
    expect(model.left(2)).toBe(0);
    expect(model.isSeeder(2)).toBe(true);
  });

  it('a piece half received from an uploader that leaves is finished by another', () => {
    const model = swarm({ size: 2 * MiB, pieceSize: MiB, options: { rechokeEveryMs: 1_000 } });
    model.addPeer(peer(1, { uploadCapacity: 0.5 * MiB, have: 'all' }));
    model.addPeer(peer(2, { uploadCapacity: 0.5 * MiB, have: 'all' }));
    model.addPeer(peer(3));
    model.connect(1, 3);
    model.tick(1_000, 1_000);
    expect(model.left(3)).toBe(2 * MiB);
    model.disconnect(1, 3);
    model.connect(2, 3);
    const result = model.tick(2_000, 1_000);
    // Half a piece from peer 2 finishes the piece peer 1 started.
    expect(moved(result, 2).up).toBe(0.5 * MiB);
    expect(model.left(3)).toBe(MiB);
  });

  it('a choked download keeps its partial piece for the next uploader', () => {
    const model = swarm({ size: 2 * MiB, pieceSize: MiB, options: { rechokeEveryMs: 1_000 } });
    model.addPeer(peer(1, { uploadCapacity: 0.5 * MiB, have: 'all' }));
    model.addPeer(peer(2, { uploadCapacity: 0.5 * MiB, have: 'all' }));
    model.addPeer(peer(3));
    model.connect(1, 3);
    model.tick(1_000, 1_000);
    model.setActive(1, false); // pausing chokes everything it uploads
    model.connect(2, 3);
    model.tick(2_000, 1_000);
    expect(model.left(3)).toBe(MiB);
  });

  it('two uploaders never fetch the same piece for one downloader', () => {
    const model = swarm({ size: 2 * MiB, pieceSize: MiB });
    model.addPeer(peer(1, { uploadCapacity: 0.5 * MiB, have: 'all' }));
    model.addPeer(peer(2, { uploadCapacity: 0.5 * MiB, have: 'all' }));
    model.addPeer(peer(3));
    model.connect(1, 3);
    model.connect(2, 3);
    // 1 s at 0.5 MiB/s each: two different half pieces, then both finish in the next second.
    run(model, 1, 1_000);
    expect(model.left(3)).toBe(2 * MiB);
    const [second] = run(model, 1, 1_000, 1_000);
    expect(second!.completed).toEqual([3]);
  });

  it('an uploader whose pieces are all in flight elsewhere sends nothing more', () => {
    const model = swarm({ size: 64 * KiB * 2, pieceSize: 64 * KiB });
    model.addPeer(peer(1, { uploadCapacity: 16 * KiB, have: 'all' }));
    model.addPeer(peer(2, { uploadCapacity: 16 * KiB, have: 'all' }));
    model.addPeer(peer(3, { uploadCapacity: 16 * KiB, have: 'all' }));
    model.addPeer(peer(4));
    for (const id of [1, 2, 3]) model.connect(id, 4);
    const [result] = run(model, 1, 1_000);
    // Two pieces, three uploaders: one of them has nothing left to send.
    const sent = [1, 2, 3].map((id) => moved(result!, id).up);
    expect(sent.sort((a, b) => a - b)).toEqual([0, 16 * KiB, 16 * KiB]);
    expect(moved(result!, 4).down).toBe(32 * KiB);
  });
});
