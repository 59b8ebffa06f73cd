// transmission-daemon (Debian's Transmission 3.00) as the seeder, driven through transmission-remote.
// It runs with its own config dir and ports, so a system transmission-daemon (port 9091/51413,
// /var/lib/transmission-daemon) is never touched, and with every peer source but the tracker off.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { run, waitFor, type ClientProcess, type ClientProcesses } from './processes';

export interface TransmissionOptions {
  /** A directory of its own: the config dir goes inside. */
  dir: string;
  /** Where the seeder's copy of the data is. */
  downloadDir: string;
  rpcPort: number;
  peerPort: number;
}

export interface TorrentInfo {
  state: string;
  percentDone: string;
  have: string;
}

export class TransmissionDaemon {
  private constructor(
    readonly process: ClientProcess,
    private readonly rpcPort: number,
  ) {}

  static async start(clients: ClientProcesses, o: TransmissionOptions): Promise<TransmissionDaemon> {
    const configDir = path.join(o.dir, 'transmission');
    await mkdir(configDir, { recursive: true });
    // settings.json keys as in Transmission 3.00's `transmission-daemon --dump-settings`.
    const settings = {
      'dht-enabled': false,
      'lpd-enabled': false,
      'pex-enabled': false,
      'utp-enabled': false,
      'port-forwarding-enabled': false,
      'blocklist-enabled': false,
      'peer-port': o.peerPort,
      'peer-port-random-on-start': false,
      'bind-address-ipv4': '127.0.0.1',
      'bind-address-ipv6': '::1',
      'rpc-bind-address': '127.0.0.1',
      'rpc-port': o.rpcPort,
      'rpc-authentication-required': false,
      'rpc-whitelist': '127.0.0.1',
      'rpc-host-whitelist-enabled': false,
      'download-dir': o.downloadDir,
      'incomplete-dir-enabled': false,
      'watch-dir-enabled': false,
      // Added torrents wait for `--start`, so the first announce comes after the data is verified.
      'start-added-torrents': false,
      'message-level': 2,
    };
    await writeFile(path.join(configDir, 'settings.json'), JSON.stringify(settings, null, 2));
    const process = clients.start('transmission-daemon', 'transmission-daemon', [
      '--foreground',
      '--config-dir',
      configDir,
      '--log-info',
    ]);
    const daemon = new TransmissionDaemon(process, o.rpcPort);
    await waitFor(
      'transmission-daemon to answer RPC',
      async () => {
        if (!process.running) throw new Error(`transmission-daemon exited:\n${process.log()}`);
        try {
          await daemon.remote('--list');
          return true;
        } catch {
          return undefined;
        }
      },
      15_000,
      () => process.log(),
      200,
    );
    return daemon;
  }

  /** transmission-remote against this daemon; rejects unless it exits 0. */
  remote(...args: string[]): Promise<string> {
    return run('transmission-remote', [`127.0.0.1:${this.rpcPort}`, ...args]);
  }

  /** Adds the torrent (stopped: see `start-added-torrents`) and waits until its data is verified. */
  async addVerified(torrentPath: string, downloadDir: string, timeoutMs: number): Promise<TorrentInfo> {
    const added = await this.remote('--add', torrentPath, '--download-dir', downloadDir);
    if (!added.includes('responded: "success"')) throw new Error(`transmission-remote --add: ${added}`);
    // Transmission checks existing data when a torrent is added: 100% with every byte verified.
    return waitFor(
      'transmission-daemon to verify the seed data',
      async () => {
        const info = await this.info();
        const [have, verified] = /^(.*) \((.*) verified\)$/.exec(info.have)?.slice(1) ?? [];
        return info.state === 'Stopped' && info.percentDone === '100%' && have === verified
          ? info
          : undefined;
      },
      timeoutMs,
      () => this.process.log(),
      200,
    );
  }

  async info(): Promise<TorrentInfo> {
    const text = await this.remote('--torrent', '1', '--info');
    const field = (name: string): string => new RegExp(`^\\s*${name}: (.*)$`, 'm').exec(text)?.[1] ?? '';
    return { state: field('State'), percentDone: field('Percent Done'), have: field('Have') };
  }

  async startTorrent(): Promise<void> {
    await this.remote('--torrent', '1', '--start');
  }
}
