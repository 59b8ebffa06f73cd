import { describe, expect, it } from 'vitest';
import type { SwarmTransfers } from '../../../electron/sim/transfer/swarmTransfers';
import { KiB, MiB, moved, peer, run, swarm } from './helpers';

/** The regular unchokes: all unchokes but the optimistic one. */
function regular(model: SwarmTransfers, id: number): number[] {
  return model.unchoked(id).filter((other) => other !== model.optimisticUnchoke(id));
}

describe('choking', () => {
  it('a leecher unchokes the three peers that sent it the most in the last period', () => {
    for (const seed of [1, 2, 3]) {
      const model = swarm({ size: 64 * MiB, pieceSize: MiB, seed });
      // Each of peers 1..5 has U (peer 9) as its only connection, so unchokes it and sends at its capacity.
      const rates = new Map([1, 2, 3, 4, 5].map((id) => [id, id * 100 * KiB]));
      model.addPeer(peer(9, { have: 0.5 }));
      for (const [id, rate] of rates) {
        model.addPeer(peer(id, { uploadCapacity: rate, have: 0.5 }));
        model.connect(9, id);
      }
      run(model, 2); // the first period: 10 s
      model.tick(15_000, 5_000); // the second rechoke ranks by those 10 s
      const optimistic = model.optimisticUnchoke(9);
      const expected = [5, 4, 3, 2, 1].filter((id) => id !== optimistic).slice(0, 3);
      expect(regular(model, 9)).toEqual(expected.sort());
      expect(model.unchoked(9)).toHaveLength(4);
    }
  });

  it('a seeder keeps unchoking the peers it uploaded to fastest', () => {
    for (const seed of [1, 2, 3]) {
      const model = swarm({ size: 1024 * MiB, pieceSize: MiB, seed });
      model.addPeer(peer(1, { uploadCapacity: 100 * MiB, have: 'all' }));
      for (const id of [2, 3, 4, 5, 6]) {
        model.addPeer(peer(id, { downloadCapacity: id * 100 * KiB }));
        model.connect(1, id);
      }
      run(model, 5); // rechokes at 5, 15 and 25 s
      const served = model.unchoked(1);
      model.tick(30_000, 5_000);
      model.tick(35_000, 5_000); // rechoke with rotation: every candidate is ranked
      const fastest = [...served].sort((a, b) => b - a).slice(0, 3);
      expect(regular(model, 1)).toEqual(fastest.sort());
    }
  });

  it('the optimistic unchoke stays for 30 s and then rotates', () => {
    const model = swarm({ size: 1024 * MiB, pieceSize: MiB, seed: 4 });
    model.addPeer(peer(1, { have: 'all' }));
    for (let id = 2; id <= 12; id++) {
      model.addPeer(peer(id));
      model.connect(1, id);
    }
    const optimistic = Array.from({ length: 24 }, (_, t) => {
      model.tick((t + 1) * 5_000, 5_000);
      const id = model.optimisticUnchoke(1)!;
      expect(model.unchoked(1)).toContain(id);
      expect(regular(model, 1)).not.toContain(id);
      return id;
    });
    // Rotations at 5, 35, 65 and 95 s: ticks 0, 6, 12 and 18.
    for (const start of [0, 6, 12, 18]) {
      expect(new Set(optimistic.slice(start, start + 6)).size).toBe(1);
    }
    expect(new Set([0, 6, 12, 18].map((t) => optimistic[t])).size).toBeGreaterThan(1);
  });

  it('unchokes change only at rechokes, every 10 s', () => {
    const model = swarm({ size: 1024 * MiB, pieceSize: MiB, seed: 2 });
    model.addPeer(peer(1, { have: 'all' }));
    for (let id = 2; id <= 12; id++) {
      model.addPeer(peer(id));
      model.connect(1, id);
    }
    const sets = Array.from({ length: 8 }, (_, t) => {
      model.tick((t + 1) * 5_000, 5_000);
      return model.unchoked(1).join();
    });
    // Rechokes at 5, 15, 25 and 35 s; the tick after each keeps the set.
    for (const t of [0, 2, 4, 6]) expect(sets[t + 1]).toBe(sets[t]);
  });

  it('a new connection waits for the next rechoke to be unchoked', () => {
    const model = swarm({ size: 10 * MiB, pieceSize: MiB });
    model.addPeer(peer(1, { have: 'all' }));
    model.addPeer(peer(2));
    model.tick(5_000, 5_000);
    model.connect(1, 2);
    expect(moved(model.tick(10_000, 5_000), 2).down).toBe(0);
    expect(moved(model.tick(15_000, 5_000), 2).down).toBe(5 * MiB);
  });

  it('an inactive peer neither sends nor receives, and its share goes to the others', () => {
    const model = swarm({ size: 100 * MiB, pieceSize: MiB, options: { rechokeEveryMs: 1_000 } });
    model.addPeer(peer(1, { uploadCapacity: 2 * MiB, have: 'all' }));
    model.addPeer(peer(2));
    model.addPeer(peer(3));
    model.connect(1, 2);
    model.connect(1, 3);
    expect(run(model, 1, 1_000)[0]).toMatchObject({ clients: [1, 2, 3], downloaded: [0, MiB, MiB] });
    model.setActive(2, false);
    expect(model.tick(2_000, 1_000)).toMatchObject({ clients: [1, 3], downloaded: [0, 2 * MiB] });
    expect(model.unchoked(1)).toEqual([3]);
    model.setActive(1, false);
    expect(model.tick(3_000, 1_000).clients).toEqual([]);
    model.setActive(1, true);
    model.setActive(2, true);
    expect(model.tick(4_000, 1_000)).toMatchObject({ clients: [1, 2, 3], downloaded: [0, MiB, MiB] });
  });
});
