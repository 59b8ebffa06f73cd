import { describe, expect, it } from 'vitest';
import { MiB, moved, peer, run, swarm } from './helpers';

describe('connections', () => {
  it('connect reports self, unknown, already-connected and full (the limit is per peer)', () => {
    const model = swarm({ size: MiB, pieceSize: MiB });
    model.addPeer(peer(1, { maxConnections: 2 }));
    for (const id of [2, 3, 4]) model.addPeer(peer(id));
    model.addPeer(peer(5, { maxConnections: 0 }));
    expect(model.connect(1, 1)).toBe('self');
    expect(model.connect(1, 99)).toBe('unknown');
    expect(model.connect(1, 2)).toBe('connected');
    expect(model.connect(2, 1)).toBe('already-connected');
    expect(model.connect(3, 1)).toBe('connected');
    expect(model.connect(1, 4)).toBe('full');
    expect(model.connect(4, 1)).toBe('full');
    expect(model.connect(4, 5)).toBe('full');
    expect(model.connect(4, 2)).toBe('connected');
    expect(model.disconnect(1, 2)).toBe(true);
    expect(model.disconnect(1, 2)).toBe(false);
    expect(model.connect(1, 4)).toBe('connected');
    expect(model.connections(1)).toEqual([3, 4]);
  });

  it('connections are listed by ascending id whatever the order they were made in', () => {
    const model = swarm({ size: MiB, pieceSize: MiB });
    for (const id of [50, 7, 31, 2, 19]) model.addPeer(peer(id));
    for (const id of [31, 2, 50, 19]) model.connect(7, id);
    expect(model.connections(7)).toEqual([2, 19, 31, 50]);
    expect(model.connections(31)).toEqual([7]);
  });

  it('removing a peer closes its connections and returns the peers it was connected to', () => {
    const model = swarm({ size: 10 * MiB, pieceSize: MiB });
    for (const id of [1, 2, 3, 4]) model.addPeer(peer(id, { have: id === 1 ? 'all' : 'none' }));
    for (const id of [4, 2, 3]) model.connect(1, id);
    run(model, 1);
    expect(model.removePeer(1)).toEqual([2, 3, 4]);
    expect(model.has(1)).toBe(false);
    expect(model.connections(2)).toEqual([]);
    expect(model.removePeer(1)).toEqual([]);
    expect(run(model, 1, 5_000, 5_000)[0]!.clients).toEqual([]);
    // The id can come back as a new peer.
    model.addPeer(peer(1));
    expect(model.left(1)).toBe(10 * MiB);
  });

  it('disconnectAll closes every connection and returns the former neighbours', () => {
    const model = swarm({ size: MiB, pieceSize: MiB });
    for (const id of [1, 2, 3]) model.addPeer(peer(id));
    model.connect(2, 3);
    model.connect(2, 1);
    expect(model.disconnectAll(2)).toEqual([1, 3]);
    expect([1, 2, 3].map((id) => model.connections(id).length)).toEqual([0, 0, 0]);
  });

  it('no bytes move between peers that are not connected', () => {
    const model = swarm({ size: 10 * MiB, pieceSize: MiB });
    model.addPeer(peer(1, { have: 'all' }));
    model.addPeer(peer(2));
    expect(run(model, 3).every((r) => r.clients.length === 0)).toBe(true);
  });

  it('when a leecher completes, the model closes its connections to seeders', () => {
    const model = swarm({ size: 5 * MiB, pieceSize: MiB });
    model.addPeer(peer(1, { have: 'all' }));
    model.addPeer(peer(2, { have: 'all' }));
    model.addPeer(peer(3));
    model.addPeer(peer(4));
    for (const [a, b] of [
      [3, 1],
      [3, 2],
      [3, 4],
    ] as const) {
      model.connect(a, b);
    }
    const [result] = run(model, 1);
    expect(result).toMatchObject({
      completed: [3],
      closedBothSeeding: [
        [1, 3],
        [2, 3],
      ],
    });
    expect(model.connections(3)).toEqual([4]);
  });

  it('two seeders connected to each other are disconnected at the next tick', () => {
    const model = swarm({ size: MiB, pieceSize: MiB });
    model.addPeer(peer(8, { have: 'all' }));
    model.addPeer(peer(3, { have: 'all' }));
    expect(model.connect(8, 3)).toBe('connected');
    expect(run(model, 1)[0]).toMatchObject({ clients: [], closedBothSeeding: [[3, 8]] });
    expect(model.connections(8)).toEqual([]);
  });

  it('a peer that leaves mid-piece leaves the downloader its partial piece', () => {
    const model = swarm({ size: 2 * MiB, pieceSize: MiB, options: { rechokeEveryMs: 1_000 } });
    model.addPeer(peer(1, { uploadCapacity: 0.25 * MiB, have: 'all' }));
    model.addPeer(peer(2, { uploadCapacity: 0.75 * MiB, have: 'all' }));
    model.addPeer(peer(3));
    model.connect(1, 3);
    run(model, 1, 1_000);
    model.removePeer(1);
    model.connect(2, 3);
    expect(moved(model.tick(2_000, 1_000), 3).down).toBe(0.75 * MiB);
    expect(model.left(3)).toBe(MiB);
  });
});
