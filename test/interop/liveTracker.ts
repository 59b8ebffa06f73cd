// The tracker in-process, on real sockets (HTTP and UDP, port 0, loopback), with the wall clock:
// the real clients announce to it while the test reads every event it emits.
import http from 'node:http';
import { percentEncodeBytes, toHex } from '../../shared/bytes';
import type {
  AnnounceAnswered,
  AnnounceReceived,
  RequestReceived,
  ResponseSent,
  TrackerEvent,
} from '../../shared/tracker/events';
import type { TrackerSettings } from '../../shared/tracker/settings';
import { TrackerHttpServer } from '../../electron/tracker/http/server';
import { Tracker } from '../../electron/tracker/tracker';
import { TrackerUdpServer } from '../../electron/tracker/udp/server';
import { decodeDict } from '../tracker/helpers';
import { scrapePacket, UdpClient } from '../tracker/udp/helpers';

export interface Counts {
  complete: number;
  incomplete: number;
  downloaded: number;
}

/** One announce as the tracker saw it: the raw request, the decoded announce, and the answer. */
export interface SeenAnnounce {
  request: RequestReceived;
  announce: AnnounceReceived;
  answer: AnnounceAnswered;
  response: ResponseSent;
}

export class LiveTracker {
  readonly events: TrackerEvent[] = [];
  readonly tracker: Tracker;
  private readonly http: TrackerHttpServer;
  private readonly udp: TrackerUdpServer;
  httpPort = 0;
  udpPort = 0;

  constructor(settings: Partial<TrackerSettings>) {
    this.tracker = new Tracker({ settings, seed: 1, onEvent: (e) => this.events.push(e) });
    const clock = (): number => Date.now();
    // No sweep timer: the test sweeps itself, at a time it chooses.
    this.http = new TrackerHttpServer({ tracker: this.tracker, clock, sweep: false });
    this.udp = new TrackerUdpServer({ tracker: this.tracker, clock });
  }

  async listen(): Promise<this> {
    this.httpPort = (await this.http.listen(0, '127.0.0.1')).port;
    this.udpPort = (await this.udp.listen(0, '127.0.0.1')).port;
    return this;
  }

  async close(): Promise<void> {
    this.http.abortConnections();
    await Promise.all([this.http.close(), this.udp.close()]);
  }

  announceUrl(transport: 'http' | 'udp'): string {
    return transport === 'http'
      ? `http://127.0.0.1:${this.httpPort}/announce`
      : `udp://127.0.0.1:${this.udpPort}/announce`;
  }

  /** Every answered announce for `infoHash` from a peer whose peer_id starts with `peerIdPrefix`. */
  announces(infoHash: Uint8Array, peerIdPrefix: string): SeenAnnounce[] {
    const hash = toHex(infoHash);
    const prefix = Buffer.from(peerIdPrefix, 'latin1').toString('hex');
    const byRequest = new Map<number, Partial<SeenAnnounce>>();
    for (const e of this.events) {
      if (e.type === 'requestReceived') byRequest.set(e.requestId, { request: e });
      else if (e.type === 'announceReceived' || e.type === 'announceAnswered' || e.type === 'responseSent') {
        const seen = byRequest.get(e.requestId);
        if (!seen) continue;
        if (e.type === 'announceReceived') seen.announce = e;
        else if (e.type === 'announceAnswered') seen.answer = e;
        else seen.response = e;
      }
    }
    return [...byRequest.values()].filter(
      (s): s is SeenAnnounce =>
        s.announce !== undefined &&
        s.answer !== undefined &&
        s.response !== undefined &&
        s.announce.infoHash === hash &&
        s.announce.peerId.startsWith(prefix),
    );
  }

  /** Count changes for `infoHash`, in order. */
  countChanges(infoHash: Uint8Array): (Counts & { downloaders: number })[] {
    const hash = toHex(infoHash);
    return this.events.flatMap((e) =>
      e.type === 'countsChanged' && e.infoHash === hash
        ? [
            {
              complete: e.complete,
              incomplete: e.incomplete,
              downloaded: e.downloaded,
              downloaders: e.downloaders,
            },
          ]
        : [],
    );
  }

  /** The request log in short, for failure messages. */
  log(): string {
    return this.events
      .flatMap((e) =>
        e.type === 'requestReceived'
          ? [`#${e.requestId} ${e.transport} ${e.remoteIp}:${e.remotePort} ${e.target}`]
          : e.type === 'requestFailed'
            ? [`#${e.requestId} FAILED ${e.status} ${e.reason}`]
            : [],
      )
      .join('\n');
  }

  /** A BEP 48 scrape over HTTP, as a client would send it. */
  httpScrape(infoHash: Uint8Array): Promise<Counts> {
    const url = `http://127.0.0.1:${this.httpPort}/scrape?info_hash=${percentEncodeBytes(infoHash)}`;
    return new Promise((resolve, reject) => {
      http
        .get(url, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            try {
              const files = decodeDict(Buffer.concat(chunks)).files as Record<string, Record<string, number>>;
              const entry = Object.values(files)[0]!;
              resolve({
                complete: entry.complete!,
                incomplete: entry.incomplete!,
                downloaded: entry.downloaded!,
              });
            } catch (error) {
              reject(error instanceof Error ? error : new Error(String(error)));
            }
          });
        })
        .on('error', reject);
    });
  }

  /** A BEP 15 scrape: connect, then scrape one hash (the answer is seeders, completed, leechers). */
  async udpScrape(infoHash: Uint8Array): Promise<Counts> {
    const client = await UdpClient.open(this.udpPort);
    try {
      const connectionId = await client.connect();
      const answer = Buffer.from(await client.request(scrapePacket(connectionId, 0x5c4a9e, [infoHash])));
      if (answer.length !== 20 || answer.readUInt32BE(0) !== 2 || answer.readUInt32BE(4) !== 0x5c4a9e) {
        throw new Error(`not a scrape answer: ${answer.toString('hex')}`);
      }
      return {
        complete: answer.readUInt32BE(8),
        downloaded: answer.readUInt32BE(12),
        incomplete: answer.readUInt32BE(16),
      };
    } finally {
      await client.close();
    }
  }
}
