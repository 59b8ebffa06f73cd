// The HTTP transport: each announce is a real GET over loopback, from the client's own 127.x.y.z
// address, to the tracker's real node:http server. The virtual clock waits for the answer, so the
// event log is the same as in-process. Taking the tracker down really closes its socket.
import { request } from 'node:http';
import type { TrackerSettings } from '../../shared/tracker/settings';
import type { TrackerEvent } from '../../shared/tracker/events';
import type { TrackerDelivery, TrackerPort } from '../sim/trackerPort';
import { TrackerHttpServer } from '../tracker/http/server';
import type { Tracker } from '../tracker/tracker';

export class HttpTrackerPort implements TrackerPort {
  private up = false;
  private port = 0;
  private server: TrackerHttpServer;
  /** requestId of the last request the tracker received, by `ip target` (set from its events). */
  private readonly received = new Map<string, number>();

  constructor(
    readonly tracker: Tracker,
    private readonly clock: () => number,
    private readonly host = '127.0.0.1',
  ) {
    this.server = this.newServer();
  }

  /** Starts listening (port 0 picks a free one; it is kept across down/up). */
  async start(port = 0): Promise<number> {
    const address = await this.server.listen(port, this.host);
    this.port = address.port;
    this.up = true;
    return this.port;
  }

  get listeningPort(): number {
    return this.port;
  }

  /** The engine forwards the tracker's events here, to learn each request's id. */
  observe(event: TrackerEvent): void {
    if (event.type === 'requestReceived')
      this.received.set(`${event.remoteIp} ${event.target}`, event.requestId);
  }

  get settings(): TrackerSettings {
    return this.tracker.settings;
  }

  isUp(): boolean {
    return this.up;
  }

  async setUp(up: boolean): Promise<void> {
    if (up === this.up) return;
    if (up) {
      this.server = this.newServer();
      await this.server.listen(this.port, this.host);
    } else {
      this.server.abortConnections();
      await this.server.close();
    }
    this.up = up;
  }

  send(target: string, ip: string, sourcePort: number): Promise<TrackerDelivery> {
    return new Promise((resolve) => {
      const req = request(
        {
          host: this.host,
          port: this.port,
          path: target,
          localAddress: ip,
          localPort: sourcePort,
          agent: false,
          headers: { connection: 'close' },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => {
            const key = `${ip} ${target}`;
            const requestId = this.received.get(key);
            this.received.delete(key);
            resolve(
              requestId === undefined
                ? { delivered: false }
                : { delivered: true, requestId, body: new Uint8Array(Buffer.concat(chunks)) },
            );
          });
          res.on('error', () => resolve({ delivered: false }));
        },
      );
      req.on('error', () => resolve({ delivered: false }));
      req.end();
    });
  }

  sweep(now: number): void {
    this.tracker.sweep(now);
  }

  restart(now: number): void {
    this.server.abortConnections();
    this.tracker.restart(now);
  }

  updateSettings(patch: unknown, now: number): { ok: true } | { ok: false; error: string } {
    const result = this.tracker.updateSettings(patch, now);
    return result.ok ? { ok: true } : result;
  }

  addUser(user: unknown, now: number): { ok: true } | { ok: false; error: string } {
    return this.tracker.addUser(user, now);
  }

  async close(): Promise<void> {
    if (this.up) {
      this.server.abortConnections();
      await this.server.close();
    }
    this.up = false;
  }

  private newServer(): TrackerHttpServer {
    return new TrackerHttpServer({ tracker: this.tracker, clock: this.clock, sweep: false });
  }
}
