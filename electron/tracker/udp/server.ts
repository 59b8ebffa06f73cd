// The node:dgram adapter: moves datagrams between sockets and the UDP router, nothing more. One
// socket per address family: `listen` binds the first, `listenIPv6` a second one when asked (a
// socket bound to 127.0.0.1 cannot hear ::1). The expiry sweep is off by default: the HTTP server
// beside it runs one, and two would only sweep twice.
import { createSocket, type RemoteInfo, type Socket } from 'node:dgram';
import type { AddressInfo } from 'node:net';
import type { Tracker } from '../tracker';
import { ConnectionIds } from './connectionIds';
import { handleUdp } from './router';

export interface TrackerUdpServerOptions {
  tracker: Tracker;
  /** Milliseconds; the wall clock live, a virtual clock in tests. */
  clock: () => number;
  /** The HMAC key for connection ids; omitted: random per server (tests inject a fixed one). */
  secret?: Uint8Array;
  /** Run the expiry sweep on a timer (default off: the HTTP server or the caller sweeps). */
  sweep?: boolean;
  /** Called when answering a datagram failed (a bug, or a send error); the server keeps serving. */
  onError?: (error: Error) => void;
}

export class TrackerUdpServer {
  private readonly sockets: Socket[] = [];
  private readonly connectionIds: ConnectionIds;
  private sweepTimer: NodeJS.Timeout | undefined;
  /** Datagrams answered with nothing (too short to carry a transaction id) or that failed. */
  dropped = 0;

  constructor(private readonly options: TrackerUdpServerOptions) {
    this.connectionIds = new ConnectionIds({ secret: options.secret });
  }

  /** Binds the first socket (udp4 or udp6 by the host's family). */
  async listen(port: number, host = '127.0.0.1'): Promise<AddressInfo> {
    const address = await this.bind(port, host, false);
    if (this.options.sweep === true && this.sweepTimer === undefined) this.scheduleSweep();
    return address;
  }

  /** Binds a second socket for IPv6 clients (loopback by default), usually on the same port. */
  listenIPv6(port: number, host = '::1'): Promise<AddressInfo> {
    return this.bind(port, host, true);
  }

  /** The first socket's address. */
  address(): AddressInfo {
    const socket = this.sockets[0];
    if (!socket) throw new Error('the UDP tracker is not listening');
    return socket.address();
  }

  /** Every bound socket's address, in the order they were bound. */
  addresses(): AddressInfo[] {
    return this.sockets.map((s) => s.address());
  }

  async close(): Promise<void> {
    clearTimeout(this.sweepTimer);
    this.sweepTimer = undefined;
    const sockets = this.sockets.splice(0);
    await Promise.all(sockets.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
  }

  /** `ipv6Only`: so `::` can share a port number with a socket on 0.0.0.0. */
  private async bind(port: number, host: string, ipv6Only: boolean): Promise<AddressInfo> {
    const socket = createSocket({ type: host.includes(':') ? 'udp6' : 'udp4', ipv6Only });
    await new Promise<void>((resolve, reject) => {
      const failed = (error: Error): void => {
        socket.close();
        reject(error);
      };
      socket.once('error', failed);
      socket.bind(port, host, () => {
        socket.off('error', failed);
        resolve();
      });
    });
    socket.on('message', (message, remote) => this.onMessage(socket, message, remote));
    socket.on('error', (error) => this.options.onError?.(error));
    this.sockets.push(socket);
    return socket.address();
  }

  private scheduleSweep(): void {
    const seconds = this.options.tracker.settings.sweepInterval;
    this.sweepTimer = setTimeout(() => {
      this.options.tracker.sweep(this.options.clock());
      this.scheduleSweep();
    }, seconds * 1000);
    this.sweepTimer.unref();
  }

  private onMessage(socket: Socket, message: Buffer, remote: RemoteInfo): void {
    try {
      const reply = handleUdp(
        this.options.tracker,
        this.connectionIds,
        { bytes: message, remoteIp: remote.address, remotePort: remote.port },
        this.options.clock(),
      );
      if (reply.packet === null) {
        this.dropped++;
        return;
      }
      socket.send(reply.packet, remote.port, remote.address, (error) => {
        if (error) this.options.onError?.(error);
      });
    } catch (error) {
      this.dropped++;
      this.options.onError?.(error instanceof Error ? error : new Error(String(error)));
    }
  }
}
