// The tracker's current view as plain data (`/stats.json`, the CLI, tests).
import type { StatsPeer, StatsTorrent, StatsUser, TrackerStats } from '../../shared/tracker/stats';
import { isSeeder, peerIp } from './peerView';
import type { TrackerState } from './state';
import { PeerFlag } from './store/peerTable';

function statsPeer(state: TrackerState, slot: number): StatsPeer {
  const { store } = state;
  const t = store.table;
  const user = t.user[slot]!;
  return {
    peerId: store.peerIdHex(slot),
    ip: peerIp(store, slot),
    port: t.portOf(slot),
    seeder: isSeeder(store, slot),
    paused: t.hasFlag(slot, PeerFlag.Paused),
    uploaded: t.uploaded[slot]!,
    downloaded: t.downloaded[slot]!,
    left: t.left[slot]!,
    uploadRate: t.uploadRate[slot]!,
    announces: t.announces[slot]!,
    firstSeen: t.firstSeen[slot]!,
    lastSeen: t.lastSeen[slot]!,
    user: user === -1 ? null : (state.users.at(user)?.name ?? null),
  };
}

export function trackerStats(state: TrackerState, includePeers: boolean): TrackerStats {
  const { store } = state;
  const torrents: StatsTorrent[] = [];
  const userCounts = state.users.all().map(() => ({ seeding: 0, leeching: 0 }));
  let seeders = 0;
  let leechers = 0;
  for (const swarm of store.allSwarms()) {
    const torrent: StatsTorrent = {
      infoHash: swarm.infoHashHex,
      complete: swarm.complete,
      incomplete: swarm.incomplete,
      downloaded: swarm.snatches,
      downloaders: swarm.downloaders,
    };
    seeders += swarm.complete;
    leechers += swarm.incomplete;
    const slots = [...swarm.seeders.view(), ...swarm.leechers.view()].sort((x, y) => x - y);
    for (const slot of slots) {
      const counts = userCounts[store.table.user[slot]!];
      if (counts) counts[isSeeder(store, slot) ? 'seeding' : 'leeching']++;
    }
    if (includePeers) torrent.peers = slots.map((slot) => statsPeer(state, slot));
    torrents.push(torrent);
  }
  torrents.sort((x, y) => (x.infoHash < y.infoHash ? -1 : x.infoHash > y.infoHash ? 1 : 0));
  const users: StatsUser[] = state.users.all().map((u, i) => ({
    name: u.name,
    uploaded: u.uploaded,
    downloaded: u.downloaded,
    snatches: u.snatches,
    ...userCounts[i]!,
  }));
  return {
    torrents,
    users,
    totals: { torrents: torrents.length, peers: store.peerCount, seeders, leechers },
  };
}
