// The node:http adapter: moves bytes between sockets and the router, nothing more. It also runs
// the expiry sweep on the injected clock and enforces the limits that protect a real server.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Tracker } from '../tracker';
import { handleHttp } from './router';

export interface TrackerHttpServerOptions {
  tracker: Tracker;
  /** Milliseconds; the wall clock live, a virtual clock in simulations. */
  clock: () => number;
  /** Run the expiry sweep on a timer (off when a simulation schedules sweeps itself). */
  sweep?: boolean;
  /** Idle keep-alive connections are closed after this many ms. */
  keepAliveTimeoutMs?: number;
  /** A client that has not sent its headers within this many ms is cut off (slowloris). */
  headersTimeoutMs?: number;
}

/** Request line plus headers; a longer head is refused with 431 by Node's parser. */
export const MAX_HEADER_BYTES = 16 * 1024;

export class TrackerHttpServer {
  private readonly server: Server;
  private sweepTimer: NodeJS.Timeout | undefined;
  private readonly sockets = new Set<Socket>();

  constructor(private readonly options: TrackerHttpServerOptions) {
    const headersTimeout = options.headersTimeoutMs ?? 10_000;
    this.server = createServer(
      {
        maxHeaderSize: MAX_HEADER_BYTES,
        headersTimeout,
        requestTimeout: headersTimeout + 5_000,
        keepAliveTimeout: options.keepAliveTimeoutMs ?? 30_000,
        connectionsCheckingInterval: Math.min(1_000, headersTimeout),
      },
      (req, res) => this.onRequest(req, res),
    );
    this.server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    this.server.on('clientError', (err: NodeJS.ErrnoException, socket) => {
      if (!socket.writable) return socket.destroy();
      // A client too slow with its headers (headersTimeout) timed out: 408, as Node itself answers.
      const status =
        err.code === 'HPE_HEADER_OVERFLOW'
          ? '431 Request Header Fields Too Large'
          : err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
            ? '408 Request Timeout'
            : '400 Bad Request';
      socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    });
  }

  async listen(port: number, host = '127.0.0.1'): Promise<AddressInfo> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host, () => {
        this.server.off('error', reject);
        resolve();
      });
    });
    if (this.options.sweep !== false) this.scheduleSweep();
    return this.address();
  }

  address(): AddressInfo {
    const address = this.server.address();
    if (address === null || typeof address === 'string') throw new Error('the tracker is not listening');
    return address;
  }

  /** Drops every open connection: requests in flight are aborted (a tracker restart, a crash). */
  abortConnections(): number {
    const count = this.sockets.size;
    for (const socket of this.sockets) socket.destroy();
    return count;
  }

  async close(): Promise<void> {
    clearTimeout(this.sweepTimer);
    this.sweepTimer = undefined;
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeIdleConnections();
    });
  }

  private scheduleSweep(): void {
    const seconds = this.options.tracker.settings.sweepInterval;
    this.sweepTimer = setTimeout(() => {
      this.options.tracker.sweep(this.options.clock());
      this.scheduleSweep();
    }, seconds * 1000);
    this.sweepTimer.unref();
  }

  private onRequest(req: IncomingMessage, res: ServerResponse): void {
    req.resume(); // a body (only other methods send one) is read and dropped
    const reply = handleHttp(
      this.options.tracker,
      {
        method: req.method ?? 'GET',
        target: req.url ?? '/',
        remoteIp: req.socket.remoteAddress ?? '0.0.0.0',
        remotePort: req.socket.remotePort ?? 0,
        transport: 'http',
      },
      this.options.clock(),
    );
    res.writeHead(reply.status, { ...reply.headers, 'content-length': reply.body.length });
    res.end(req.method === 'HEAD' ? undefined : reply.body);
  }
}
