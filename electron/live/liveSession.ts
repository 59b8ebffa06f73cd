// Live mode as the host runs it: the engine's tracker on real sockets, the clock at 1× real time,
// the URLs to hand out, and .torrent files that announce to it. A new engine (another scenario)
// takes the sockets over on the same address and port, so URLs already handed out keep working.
import { networkInterfaces } from 'node:os';
import { basename, dirname, isAbsolute, join } from 'node:path';
import type { CreatedTorrentInfo, LiveInfo } from '../../shared/bridge';
import type { TrackerUser } from '../../shared/tracker/settings';
import type { Engine } from '../engine/engine';
import { createTorrent } from '../torrent/createTorrent';
import {
  exposureWarning,
  isWildcardHost,
  reachableAddresses,
  urlHost,
  validBindHost,
  type InterfaceAddress,
} from './bindAddress';
import { LiveServers, type LiveEndpoints } from './liveServers';

export const DEFAULT_LIVE_HOST = '127.0.0.1';
export const DEFAULT_LIVE_PORT = 6969;

export interface LiveSessionOptions {
  /** The machine's interfaces (default: os.networkInterfaces): the URLs of a wildcard bind. */
  interfaces?: () => InterfaceAddress[];
  /** Wall-clock epoch milliseconds, for a .torrent's `creation date` (default: Date.now). */
  now?: () => number;
}

const machineInterfaces = (): InterfaceAddress[] =>
  Object.values(networkInterfaces()).flatMap((list) => list ?? []);

/** The announce URLs for the bound sockets: HTTP then UDP, per passkey when the tracker is private. */
export function liveUrls(
  endpoints: LiveEndpoints,
  users: readonly TrackerUser[],
  privateMode: boolean,
  interfaces: readonly InterfaceAddress[],
): { label: string; url: string }[] {
  const hosts = isWildcardHost(endpoints.host)
    ? [endpoints.host === '::' ? '::1' : '127.0.0.1', ...reachableAddresses(endpoints.host, interfaces)]
    : [endpoints.host];
  return hosts.flatMap((host) => {
    const where = hosts.length > 1 ? ` at ${host}` : '';
    const http = `http://${urlHost(host)}:${endpoints.httpPort}/announce`;
    const udp = `udp://${urlHost(host)}:${endpoints.udpPort}/announce`;
    if (!privateMode || users.length === 0) {
      return [
        { label: `HTTP${where}`, url: http },
        { label: `UDP (BEP 15)${where}`, url: udp },
      ];
    }
    return users.flatMap((u) => [
      { label: `HTTP${where}, user ${u.name}`, url: `${http}?passkey=${u.passkey}` },
      { label: `UDP (BEP 15)${where}, user ${u.name}`, url: `${udp}?passkey=${u.passkey}` },
    ]);
  });
}

function bindError(err: unknown, host: string, port: number): Error {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE')
    return new Error(`port ${port} is in use on ${host}: choose another (0 picks a free one)`);
  if (code === 'EADDRNOTAVAIL') return new Error(`${host} is not an address of this machine`);
  return new Error(`cannot listen on ${host}:${port}: ${(err as Error).message}`);
}

export class LiveSession {
  /** Where live mode listens (null: off); kept while the simulated tracker is down. */
  private endpoints: LiveEndpoints | null = null;
  /** The open sockets: none when off, and none while the tracker is taken down. */
  private servers: LiveServers | null = null;
  private host = DEFAULT_LIVE_HOST;
  private current: Engine | null = null;
  private trackerUp = true;
  private detach: (() => void) | null = null;
  /** Socket work, one step at a time (a command may take the tracker down mid-request). */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: LiveSessionOptions = {}) {}

  private get engine(): Engine {
    if (this.current === null) throw new Error('no engine attached');
    return this.current;
  }

  info(): LiveInfo {
    const e = this.endpoints;
    const s = this.engine.trackerCore.settings;
    return {
      enabled: e !== null,
      host: this.host,
      httpPort: e?.httpPort ?? null,
      udpPort: e?.udpPort ?? null,
      urls: e ? liveUrls(e, this.engine.prepared.scenario.tracker.users, s.private, this.interfaces()) : [],
      warning: e ? exposureWarning(e.host) : null,
    };
  }

  set(request: { enabled: boolean; host?: string; port?: number }): Promise<LiveInfo> {
    return this.serial(async () => {
      if (!request.enabled) {
        await this.closeSockets();
        this.endpoints = null;
        this.engine.setLive(false);
        return this.info();
      }
      const host = request.host ?? DEFAULT_LIVE_HOST;
      if (!validBindHost(host))
        throw new Error(`host must be an IP address or localhost, got ${JSON.stringify(host)}`);
      const port = request.port ?? this.endpoints?.httpPort ?? DEFAULT_LIVE_PORT;
      await this.closeSockets();
      this.endpoints = null;
      this.endpoints = await this.openSockets(host, port);
      this.host = host;
      await this.match();
      this.engine.setLive(true);
      return this.info();
    });
  }

  /**
   * The engine (at start, and each new one): live sockets move to its tracker, on the same address
   * and port, and follow its availability (a tracker taken down refuses real clients too).
   */
  attach(engine: Engine): Promise<void> {
    return this.serial(async () => {
      this.detach?.();
      this.current = engine;
      this.trackerUp = true;
      this.detach = engine.log.subscribe((e) => {
        if (e.type !== 'trackerAvailabilityChanged' || engine !== this.current) return;
        this.trackerUp = e.up;
        void this.serial(() => this.match()).catch(() => undefined);
      });
      if (this.endpoints === null) return;
      await this.closeSockets();
      try {
        await this.match();
        engine.setLive(true);
      } catch {
        // The port was taken meanwhile: live mode is off (getLive says so); the new engine runs on.
        this.endpoints = null;
      }
    });
  }

  async createTorrent(request: { path: string; announce?: string }): Promise<CreatedTorrentInfo> {
    if (!isAbsolute(request.path))
      throw new Error(`give the full path of a file or folder, got ${request.path}`);
    const announce = request.announce ?? this.info().urls[0]?.url;
    if (announce === undefined)
      throw new Error('switch live mode on first (the .torrent announces to it), or give an announce URL');
    const made = await createTorrent({
      path: request.path,
      announce,
      out: join(dirname(request.path), `${basename(request.path)}.torrent`),
      now: this.options.now ?? (() => Date.now()),
    });
    return {
      file: made.file,
      name: made.name,
      infoHash: made.infoHash,
      magnet: made.magnet,
      announce,
      pieces: made.pieces,
      pieceLength: made.pieceLength,
      totalLength: made.totalLength,
      private: made.private,
    };
  }

  async close(): Promise<void> {
    await this.serial(async () => {
      this.detach?.();
      this.detach = null;
      this.endpoints = null;
      await this.closeSockets();
    });
  }

  private serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** Sockets open exactly when live mode is on and the simulated tracker is up. */
  private async match(): Promise<void> {
    const want = this.endpoints !== null && this.trackerUp;
    if (!want) await this.closeSockets();
    else if (this.servers === null) await this.openSockets(this.endpoints!.host, this.endpoints!.httpPort);
  }

  private async openSockets(host: string, port: number): Promise<LiveEndpoints> {
    const engine = this.engine;
    const servers = new LiveServers(engine.trackerCore, () => engine.now);
    try {
      const endpoints = await servers.start(host, port);
      this.servers = servers;
      return endpoints;
    } catch (err) {
      throw bindError(err, host, port);
    }
  }

  private async closeSockets(): Promise<void> {
    const servers = this.servers;
    this.servers = null;
    await servers?.close();
  }

  private interfaces(): InterfaceAddress[] {
    return (this.options.interfaces ?? machineInterfaces)();
  }
}
