// The shape of `GET /stats.json`: what the tracker currently believes.

export interface StatsPeer {
  peerId: string;
  ip: string;
  port: number;
  seeder: boolean;
  paused: boolean;
  uploaded: number;
  downloaded: number;
  left: number;
  /** Bytes/s derived from the last two announces. */
  uploadRate: number;
  announces: number;
  firstSeen: number;
  lastSeen: number;
  user: string | null;
}

export interface StatsTorrent {
  infoHash: string;
  complete: number;
  incomplete: number;
  downloaded: number;
  downloaders: number;
  peers?: StatsPeer[];
}

export interface StatsUser {
  name: string;
  uploaded: number;
  downloaded: number;
  snatches: number;
  seeding: number;
  leeching: number;
}

export interface TrackerStats {
  torrents: StatsTorrent[];
  users: StatsUser[];
  totals: { torrents: number; peers: number; seeders: number; leechers: number };
}
