// One real swarm on loopback: transmission-daemon seeds, aria2c leeches, both announce to the
// in-process tracker over HTTP or UDP. The steps wait on what the tracker saw, with deadlines, and
// record the scrape at each point, so the test file only states what must be true.
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { startAria2 } from './aria2';
import { fixedBytes, makeTorrent, type TorrentFixture } from './fixture';
import { LiveTracker, type Counts, type SeenAnnounce } from './liveTracker';
import { freePorts } from './ports';
import { requireCommands, waitFor, type ClientProcess, type ClientProcesses } from './processes';
import { TransmissionDaemon } from './transmission';

/** peer_id prefixes (Azureus style for Transmission, aria2's own style). */
export const TRANSMISSION = '-TR3000-';
export const ARIA2 = 'A2-1-36-0-';
export const FILE_SIZE = 2 * 1024 * 1024;

/** The tracker's timing: short, so regular announces happen within the test (both clients honour 5 s). */
export const TRACKER_SETTINGS = { interval: 5, minInterval: 2 };

const PACKAGES: Record<string, string> = {
  'transmission-daemon': 'transmission-daemon',
  'transmission-remote': 'transmission-cli',
  aria2c: 'aria2',
  mktorrent: 'mktorrent',
  setpriv: 'util-linux',
};

export type Transport = 'http' | 'udp';

export interface Swarm {
  transport: Transport;
  live: LiveTracker;
  torrent: TorrentFixture;
  seeder: ClientProcess;
  leecher: ClientProcess;
  peerPort: number;
  listenPort: number;
  dhtPort: number;
  /** Scrapes (over the torrent's transport) at each point of the session. */
  scrapes: { seederOnly: Counts; bothSeeding: Counts };
  seederAnnounces(): SeenAnnounce[];
  leecherAnnounces(): SeenAnnounce[];
  scrape(): Promise<Counts>;
  /** Waits until the tracker has seen `event` from the client with this peer_id prefix. */
  seen(prefix: string, event: string, timeoutMs: number): Promise<SeenAnnounce>;
  context(): string;
}

export async function seedAndLeech(
  transport: Transport,
  dir: string,
  clients: ClientProcesses,
  onTracker: (live: LiveTracker) => void,
): Promise<Swarm> {
  requireCommands(PACKAGES);
  const live = await new LiveTracker(TRACKER_SETTINGS).listen();
  onTracker(live);
  const data = fixedBytes(FILE_SIZE, `tracker-lab interop ${transport}`);
  const torrent = await makeTorrent(dir, `interop-${transport}.bin`, data, live.announceUrl(transport));
  const [rpcPort, peerPort, listenPort, dhtPort] = (await freePorts(4)) as [number, number, number, number];
  const context = (): string => `${clients.logs()}\n--- tracker requests ---\n${live.log()}`;
  const announcesOf = (prefix: string) => (): SeenAnnounce[] => live.announces(torrent.infoHash, prefix);
  const seen = (prefix: string, event: string, timeoutMs: number): Promise<SeenAnnounce> =>
    waitFor(
      `${event} from ${prefix}`,
      () => announcesOf(prefix)().find((a) => a.announce.event === event),
      timeoutMs,
      context,
    );
  const scrape = async (): Promise<Counts> => {
    const overHttp = await live.httpScrape(torrent.infoHash);
    if (transport === 'http') return overHttp;
    const overUdp = await live.udpScrape(torrent.infoHash);
    const same = (['complete', 'incomplete', 'downloaded'] as const).every((k) => overUdp[k] === overHttp[k]);
    if (!same) {
      throw new Error(`UDP scrape ${JSON.stringify(overUdp)} differs from HTTP ${JSON.stringify(overHttp)}`);
    }
    return overUdp;
  };

  const daemon = await TransmissionDaemon.start(clients, {
    dir,
    downloadDir: torrent.seedDir,
    rpcPort,
    peerPort,
  });
  await daemon.addVerified(torrent.torrentPath, torrent.seedDir, 15_000);
  if (announcesOf(TRANSMISSION)().length > 0) throw new Error('Transmission announced a stopped torrent');
  await daemon.startTorrent();
  await seen(TRANSMISSION, 'started', 15_000);
  const seederOnly = await scrape();

  const leechDir = path.join(dir, 'leech');
  await mkdir(leechDir);
  const leecher = startAria2(clients, {
    torrentPath: torrent.torrentPath,
    downloadDir: leechDir,
    listenPort,
    udpTrackerPort: transport === 'udp' ? dhtPort : null,
  });
  await seen(ARIA2, 'started', 15_000);
  const completed = await seen(ARIA2, 'completed', 40_000);
  await waitFor(
    "the leecher's copy to be byte-identical",
    async () => {
      const copy = await readFile(path.join(leechDir, torrent.name)).catch(() => null);
      return copy !== null && copy.equals(data) ? true : undefined;
    },
    10_000,
    context,
  );
  // At least one regular announce from each client after the download: both keep announcing.
  const after = completed.request.requestId;
  for (const prefix of [TRANSMISSION, ARIA2]) {
    await waitFor(
      `a regular announce from ${prefix} after the download`,
      () => announcesOf(prefix)().find((a) => a.announce.event === 'none' && a.request.requestId > after),
      15_000,
      context,
    );
  }
  const bothSeeding = await scrape();
  return {
    transport,
    live,
    torrent,
    seeder: daemon.process,
    leecher,
    peerPort,
    listenPort,
    dhtPort,
    scrapes: { seederOnly, bothSeeding },
    seederAnnounces: announcesOf(TRANSMISSION),
    leecherAnnounces: announcesOf(ARIA2),
    scrape,
    seen,
    context,
  };
}

/** Event names with repeats folded: started none none completed → started none completed. */
export function eventRuns(announces: SeenAnnounce[]): string {
  return announces
    .map((a) => a.announce.event)
    .filter((event, i, all) => i === 0 || event !== all[i - 1])
    .join(' ');
}

/** The announce's own bytes as the client sent them (a hex id from the events, as Latin-1 text). */
export function latin1(hex: string): string {
  return Buffer.from(hex, 'hex').toString('latin1');
}
