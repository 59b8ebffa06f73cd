import { describe, expect, it } from 'vitest';
import { KiB, MiB, moved, peer, run, sum, swarm } from './helpers';

describe('rates', () => {
  it('a leecher gets 10 MiB from a 1 MiB/s seeder in exactly 10 s (two 5 s ticks)', () => {
    const model = swarm({ size: 10 * MiB, pieceSize: MiB });
    model.addPeer(peer(1, { uploadCapacity: MiB, have: 'all' }));
    model.addPeer(peer(2, { downloadCapacity: 4 * MiB }));
    model.connect(1, 2);
    const first = model.tick(5_000, 5_000);
    expect(first).toEqual({
      clients: [1, 2],
      uploaded: [5 * MiB, 0],
      downloaded: [0, 5 * MiB],
      completed: [],
      closedBothSeeding: [],
    });
    expect(model.left(2)).toBe(5 * MiB);
    const second = model.tick(10_000, 5_000);
    expect(second.completed).toEqual([2]);
    expect(moved(second, 2).down).toBe(5 * MiB);
    expect(model.left(2)).toBe(0);
    expect(model.isSeeder(2)).toBe(true);
  });

  it('a download cap below the upload capacity rules: 1 MiB/s takes 10 s whatever the seeder offers', () => {
    const model = swarm({ size: 10 * MiB, pieceSize: MiB });
    model.addPeer(peer(1, { uploadCapacity: 8 * MiB, have: 'all' }));
    model.addPeer(peer(2, { downloadCapacity: MiB }));
    model.connect(1, 2);
    const results = run(model, 10, 1_000);
    expect(results.map((r) => moved(r, 2).down)).toEqual(Array(10).fill(MiB));
    expect(results.map((r) => r.completed)).toEqual([...Array(9).fill([]), [2]]);
  });

  it('the download cap splits across two uploaders in proportion to what they offer', () => {
    const model = swarm({ size: 100 * MiB, pieceSize: MiB });
    model.addPeer(peer(1, { uploadCapacity: 3 * MiB, have: 'all' }));
    model.addPeer(peer(2, { uploadCapacity: MiB, have: 'all' }));
    model.addPeer(peer(3, { downloadCapacity: 2 * MiB }));
    model.connect(3, 1);
    model.connect(3, 2);
    const [result] = run(model, 1, 1_000);
    // 4 MiB/s offered against a 2 MiB/s cap: each flow is halved.
    expect(result).toMatchObject({ clients: [1, 2, 3], uploaded: [1.5 * MiB, 0.5 * MiB, 0] });
    expect(moved(result!, 3).down).toBe(2 * MiB);
  });

  it('an upload capacity splits equally among the unchoked peers', () => {
    const model = swarm({ size: 100 * MiB, pieceSize: MiB });
    model.addPeer(peer(1, { uploadCapacity: 3 * MiB, have: 'all' }));
    for (const id of [2, 3, 4]) {
      model.addPeer(peer(id));
      model.connect(1, id);
    }
    const [result] = run(model, 1, 1_000);
    expect(result).toMatchObject({ clients: [1, 2, 3, 4], downloaded: [0, MiB, MiB, MiB] });
  });

  it('fractions of a byte are carried to the next tick, so a short tick keeps the exact rate', () => {
    const model = swarm({ size: 100 * MiB, pieceSize: MiB });
    model.addPeer(peer(1, { uploadCapacity: 1001, have: 'all' }));
    model.addPeer(peer(2));
    model.connect(1, 2);
    // 1001 B/s × 1/8 s = 125.125 bytes per tick.
    const down = run(model, 8, 125).map((r) => moved(r, 2).down);
    expect(down).toEqual([125, 125, 125, 125, 125, 125, 125, 126]);
  });

  it.each([
    [480, 125],
    [600, 100],
    [12, 5_000],
    [1, 60_000],
  ])('a minute moves the same bytes in %i ticks of %i ms', (ticks, dtMs) => {
    const model = swarm({ size: 1024 * MiB, pieceSize: MiB });
    model.addPeer(peer(1, { uploadCapacity: 1_000_001, have: 'all' }));
    model.addPeer(peer(2));
    model.connect(1, 2);
    const total = sum(run(model, ticks, dtMs).map((r) => moved(r, 2).down));
    // 0.1 s is not a binary fraction: its carries may fall one byte short.
    expect(60_000_060 - total).toBeLessThanOrEqual(dtMs === 100 ? 1 : 0);
    expect(total).toBeLessThanOrEqual(60_000_060);
  });

  it('several pieces can complete within one tick', () => {
    const model = swarm({ size: 10 * 64 * KiB, pieceSize: 64 * KiB });
    model.addPeer(peer(1, { have: 'all' }));
    model.addPeer(peer(2));
    model.connect(1, 2);
    const [result] = run(model, 1, 1_000);
    expect(result).toMatchObject({ clients: [1, 2], uploaded: [640 * KiB, 0], completed: [2] });
  });

  it('an uploader with nothing the downloader lacks sends nothing, and the seeder does not download', () => {
    const model = swarm({ size: 4 * MiB, pieceSize: MiB });
    model.addPeer(peer(1, { have: 'all' }));
    model.addPeer(peer(2, { have: 'all' }));
    model.addPeer(peer(3));
    model.connect(1, 3);
    const [result] = run(model, 1, 1_000);
    expect(result).toMatchObject({ clients: [1, 3], uploaded: [MiB, 0], downloaded: [0, MiB] });
  });
});
