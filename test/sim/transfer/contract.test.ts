import { describe, expect, it } from 'vitest';
import { createPrng } from '../../../shared/prng';
import { SwarmTransfers } from '../../../electron/sim/transfer/swarmTransfers';
import { MiB, peer, swarm } from './helpers';

describe('the contract at its edges', () => {
  it('rejects a torrent, options or peers that make no sense', () => {
    const rng = createPrng(1);
    expect(() => new SwarmTransfers({ size: 0, pieceSize: MiB }, rng)).toThrow(RangeError);
    expect(() => new SwarmTransfers({ size: MiB, pieceSize: 0.5 }, rng)).toThrow(RangeError);
    expect(() => swarm({ size: MiB, pieceSize: MiB, options: { uploadSlots: 0 } })).toThrow(RangeError);
    expect(() => swarm({ size: MiB, pieceSize: MiB, options: { rechokeEveryMs: 0 } })).toThrow(RangeError);
    const model = swarm({ size: MiB, pieceSize: MiB });
    model.addPeer(peer(1));
    expect(() => model.addPeer(peer(1))).toThrow(/already present/);
    expect(() => model.addPeer(peer(2, { have: 1.5 }))).toThrow(RangeError);
    expect(() => model.addPeer(peer(2, { uploadCapacity: -1 }))).toThrow(RangeError);
    expect(() => model.addPeer(peer(2, { maxConnections: 2.5 }))).toThrow(RangeError);
    expect(() => model.tick(5_000, -1)).toThrow(RangeError);
    expect(model.has(2)).toBe(false);
  });

  it('queries about an unknown peer throw; changes to one report that nothing happened', () => {
    const model = swarm({ size: MiB, pieceSize: MiB });
    model.addPeer(peer(1));
    expect(() => model.left(9)).toThrow(/unknown peer 9/);
    expect(() => model.connections(9)).toThrow(RangeError);
    expect(() => model.setActive(9, false)).toThrow(RangeError);
    expect(model.connect(1, 9)).toBe('unknown');
    expect(model.disconnect(1, 9)).toBe(false);
    expect(model.disconnectAll(9)).toEqual([]);
    expect(model.removePeer(9)).toEqual([]);
    expect(model.has(9)).toBe(false);
  });

  it('pieces are ceil(size / pieceSize), the last one holding the remainder', () => {
    expect(swarm({ size: 10 * MiB + 1, pieceSize: MiB }).layout).toMatchObject({
      pieces: 11,
      lastPieceSize: 1,
    });
    expect(swarm({ size: 1024 * MiB, pieceSize: 4 * MiB }).layout).toMatchObject({
      pieces: 256,
      lastPieceSize: 4 * MiB,
    });
  });

  it('a seeder starts with nothing left; a peer with no pieces has the whole size left', () => {
    const model = swarm({ size: 10 * MiB + 1, pieceSize: MiB });
    model.addPeer(peer(1, { have: 'all' }));
    model.addPeer(peer(2));
    model.addPeer(peer(3, { have: 0 }));
    expect([model.left(1), model.left(2), model.left(3)]).toEqual([0, 10 * MiB + 1, 10 * MiB + 1]);
    expect([model.isSeeder(1), model.isSeeder(2)]).toEqual([true, false]);
  });

  it('a snapshot is plain data that survives structuredClone', () => {
    const model = swarm({ size: 10 * MiB, pieceSize: MiB });
    model.addPeer(peer(1, { have: 'all' }));
    model.addPeer(peer(2));
    model.connect(1, 2);
    model.tick(5_000, 5_000);
    const snapshot = model.snapshot();
    expect(structuredClone(snapshot)).toEqual(snapshot);
    // Typed arrays are copies: ticking on does not change a snapshot already taken.
    const before = structuredClone(snapshot);
    model.tick(10_000, 5_000);
    expect(snapshot).toEqual(before);
  });
});
