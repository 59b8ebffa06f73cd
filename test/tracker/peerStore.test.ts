// The peer store's lookups (by peer_id, by ip:port) stay right through moves, replacements, stops,
// slot reuse and growth past the initial capacity, checked against a model of who is listed where.
import { describe, expect, it } from 'vitest';
import { createPrng } from '../../shared/prng';
import type { PeerIdentityMode } from '../../shared/tracker/settings';
import { hexOf, id20, testTracker, type TestTracker } from './helpers';

const TORRENTS = [id20('torrent-one'), id20('torrent-two')];
const ADDRESSES = [
  '10.0.0.1:6881',
  '10.0.0.1:6882',
  '10.0.0.2:6881',
  '10.0.0.3:6881',
  '2001:db8::1:6881',
  '2001:db8::2:7000',
];

function split(address: string): { ip: string; port: number } {
  const at = address.lastIndexOf(':');
  return { ip: address.slice(0, at), port: Number(address.slice(at + 1)) };
}

/** What stats() lists: `torrent peerId@ip:port`, sorted. */
function listed(t: TestTracker): string[] {
  return t.tracker
    .stats()
    .torrents.flatMap((torrent) =>
      torrent.peers!.map((p) => `${torrent.infoHash} ${p.peerId}@${p.ip}:${p.port}`),
    )
    .sort();
}

describe('peer lookups against a model', () => {
  it.each(['peer_id', 'ip:port'] as PeerIdentityMode[])(
    'identity %s: random announces, moves and stops',
    (peerIdentity) => {
      const rng = createPrng(99);
      const t = testTracker({ peerIdentity, recognizeByKey: false });
      // Model: per torrent, address → peer_id of the entry listed there (several entries per peer_id allowed).
      const model = TORRENTS.map(() => new Map<string, string>());
      for (let step = 0; step < 2000; step++) {
        const torrent = rng.int(0, TORRENTS.length - 1);
        const peerId = hexOf(id20(`peer-${rng.int(0, 11)}`));
        const address = ADDRESSES[rng.int(0, ADDRESSES.length - 1)]!;
        const stopped = rng.float() < 0.2;
        const { ip, port } = split(address);
        t.announce(
          {
            infoHash: TORRENTS[torrent],
            peerId: Buffer.from(peerId, 'hex'),
            port,
            event: stopped ? 'stopped' : undefined,
          },
          { ip, now: step },
        );
        const listing = model[torrent]!;
        if (peerIdentity === 'peer_id') {
          // The peer is its peer_id: found wherever it was listed, moved here, or removed by stopped.
          // Two peer_ids may share an address, so the model maps peer_id → address instead.
          for (const [where, who] of listing) if (who === peerId) listing.delete(where);
          if (!stopped) listing.set(`${address}#${peerId}`, peerId);
        } else {
          // The peer is its ip:port: whoever was listed here is updated, or replaced by a new peer_id.
          listing.delete(address);
          if (!stopped) listing.set(address, peerId);
        }
        const expected = model
          .flatMap((m, i) =>
            [...m].map(([where, who]) => `${hexOf(TORRENTS[i]!)} ${who}@${where.split('#')[0]}`),
          )
          .sort();
        expect(listed(t), `step ${step}`).toEqual(expected);
      }
    },
  );
});

describe('growth', () => {
  it('keeps every peer findable past the initial capacity of 1024 slots', () => {
    const t = testTracker();
    const count = 3000;
    const ipOf = (n: number) => `10.${n >> 16}.${(n >> 8) & 255}.${n & 255}`;
    for (let n = 0; n < count; n++)
      t.announce({ peerId: id20(`p${n}`), numwant: 0 }, { ip: ipOf(n), now: n });
    expect(t.tracker.peerCount).toBe(count);
    for (let n = 0; n < count; n++)
      t.announce({ peerId: id20(`p${n}`), numwant: 0, left: 0 }, { ip: ipOf(n), now: count + n });
    expect(t.eventsOf('peerAdded')).toHaveLength(count);
    expect(t.tracker.stats().totals).toEqual({ torrents: 1, peers: count, seeders: count, leechers: 0 });
    for (let n = 0; n < count; n += 2)
      t.announce({ peerId: id20(`p${n}`), event: 'stopped', left: 0 }, { ip: ipOf(n) });
    expect(t.tracker.stats().totals).toEqual({
      torrents: 1,
      peers: count / 2,
      seeders: count / 2,
      leechers: 0,
    });
    const peers = t.tracker.stats().torrents[0]!.peers!;
    expect(new Set(peers.map((p) => p.ip))).toEqual(
      new Set(Array.from({ length: count / 2 }, (_, i) => ipOf(2 * i + 1))),
    );
    expect(peers.every((p) => p.announces === 2 && p.firstSeen + count === p.lastSeen)).toBe(true);
  });
});
