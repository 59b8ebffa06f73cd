// The live tracker's sockets: the embedded tracker core (the one the simulation announces to) on a
// real HTTP server and a UDP socket (BEP 15), so real clients join the simulated swarm. Time is the
// engine's virtual clock, which live mode runs at 1× wall time; the simulation schedules the expiry
// sweeps, so the servers run none of their own.
import type { AddressInfo } from 'node:net';
import { TrackerHttpServer } from '../tracker/http/server';
import type { Tracker } from '../tracker/tracker';
import { TrackerUdpServer } from '../tracker/udp/server';

export interface LiveEndpoints {
  host: string;
  httpPort: number;
  udpPort: number;
}

export class LiveServers {
  private http: TrackerHttpServer | null = null;
  private udp: TrackerUdpServer | null = null;

  constructor(
    private readonly tracker: Tracker,
    private readonly clock: () => number,
  ) {}

  /** Binds HTTP on `port` (0: a free one) and UDP on the same port number. */
  async start(host: string, port: number): Promise<LiveEndpoints> {
    const http = new TrackerHttpServer({ tracker: this.tracker, clock: this.clock, sweep: false });
    const address: AddressInfo = await http.listen(port, host);
    const udp = new TrackerUdpServer({ tracker: this.tracker, clock: this.clock, sweep: false });
    try {
      await udp.listen(address.port, host);
    } catch (err) {
      await http.close();
      throw err;
    }
    this.http = http;
    this.udp = udp;
    return { host, httpPort: address.port, udpPort: udp.address().port };
  }

  async close(): Promise<void> {
    const { http, udp } = this;
    this.http = null;
    this.udp = null;
    if (http) {
      http.abortConnections();
      await http.close();
    }
    await udp?.close();
  }
}
