// aria2c (Debian's aria2 1.36) as the leecher: the side that dials. Transmission 3.00 never dials
// loopback peers it gets from a tracker (it accepts incoming ones), so the seeder waits and aria2
// connects to the address the tracker handed it.
import path from 'node:path';
import type { ClientProcess, ClientProcesses } from './processes';

export interface Aria2Options {
  torrentPath: string;
  downloadDir: string;
  /** TCP port for peers (announced as `port`). */
  listenPort: number;
  /**
   * aria2 speaks to UDP trackers only through its DHT socket (`--enable-dht`: "It also enables UDP
   * tracker support"), so a udp:// torrent needs DHT on, on this UDP port. The torrent is private,
   * for which aria2 keeps DHT off, and with no entry point and an empty routing table it has no
   * node to talk to anyway.
   */
  udpTrackerPort: number | null;
}

export function startAria2(clients: ClientProcesses, o: Aria2Options): ClientProcess {
  const dht =
    o.udpTrackerPort === null
      ? ['--enable-dht=false']
      : [
          '--enable-dht=true',
          `--dht-listen-port=${o.udpTrackerPort}`,
          `--dht-file-path=${path.join(o.downloadDir, '..', 'aria2-dht.dat')}`,
        ];
  return clients.start('aria2c', 'aria2c', [
    '--no-conf',
    `--dir=${o.downloadDir}`,
    `--listen-port=${o.listenPort}`,
    '--interface=127.0.0.1',
    '--disable-ipv6=true',
    ...dht,
    '--enable-dht6=false',
    '--bt-enable-lpd=false',
    '--enable-peer-exchange=false',
    // Seed until the test stops it (SIGINT); a ratio of 0.0 means no ratio limit.
    '--seed-time=10',
    '--seed-ratio=0.0',
    '--file-allocation=none',
    '--summary-interval=0',
    '--console-log-level=notice',
    '--enable-color=false',
    o.torrentPath,
  ]);
}
