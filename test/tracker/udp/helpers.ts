// Builders for BEP 15 packets and a real UDP client, so each UDP test shows only what matters.
import { createHmac } from 'node:crypto';
import dgram from 'node:dgram';
import type { TrackerEvent } from '../../../shared/tracker/events';
import type { TrackerSettings, TrackerUser } from '../../../shared/tracker/settings';
import { Tracker } from '../../../electron/tracker/tracker';
import { TrackerUdpServer } from '../../../electron/tracker/udp/server';
import { bytesOf, id20, INFO_HASH } from '../helpers';

/** The connection-id secret every UDP test injects (32 bytes), so ids are reproducible. */
export const SECRET = Uint8Array.from({ length: 32 }, (_, i) => i + 1);
/** BEP 15's magic connection_id for connect requests. */
export const PROTOCOL_ID = Uint8Array.from([0x00, 0x00, 0x04, 0x17, 0x27, 0x10, 0x19, 0x80]);
/** The tests' clock starts here: 40 s into a 2-minute connection-id window (1e9 mod 120,000). */
export const T0 = 1_000_000_000;

/** A big-endian u32 (or i32) as 4 bytes. */
export function be32(n: number): Uint8Array {
  return Uint8Array.from([(n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff]);
}

/** A big-endian 64-bit count as 8 bytes (up to 2^53). */
export function be64(n: number): Uint8Array {
  return bytesOf(be32(Math.floor(n / 2 ** 32)), be32(n >>> 0));
}

export function be16(n: number): Uint8Array {
  return Uint8Array.from([(n >> 8) & 0xff, n & 0xff]);
}

/**
 * The connection id the tracker should issue, computed here from the documented construction:
 * the first 8 bytes of HMAC-SHA256(secret, window (8 bytes) ‖ family ‖ address (16 bytes, zero
 * padded) ‖ port), window = floor(now / 120,000).
 */
export function expectedConnectionId(address: number[], port: number, now: number): Uint8Array {
  const family = address.length === 4 ? 4 : 6;
  const padded = new Uint8Array(16);
  padded.set(address);
  const input = bytesOf(be64(Math.floor(now / 120_000)), Uint8Array.of(family), padded, be16(port));
  return new Uint8Array(createHmac('sha256', SECRET).update(input).digest().subarray(0, 8));
}

export function connectPacket(transactionId: number, connectionId: Uint8Array = PROTOCOL_ID): Uint8Array {
  return bytesOf(connectionId, be32(0), be32(transactionId));
}

export interface UdpAnnounceParams {
  connectionId: Uint8Array;
  transactionId?: number;
  infoHash?: Uint8Array;
  peerId?: Uint8Array | string;
  downloaded?: number;
  left?: number;
  uploaded?: number;
  /** BEP 15 numbering: 0 none, 1 completed, 2 started, 3 stopped (4 paused). */
  event?: number;
  /** IPv4 address as 4 bytes; default 0 (use the sender's). */
  ip?: number[];
  key?: number;
  numwant?: number;
  port?: number;
  /** Raw bytes after the 98 fixed ones (BEP 41 options). */
  options?: Uint8Array;
}

export function announcePacket(p: UdpAnnounceParams): Uint8Array {
  const peerId = typeof p.peerId === 'string' ? id20(p.peerId) : (p.peerId ?? id20('-TR4060-udp000000001'));
  return bytesOf(
    p.connectionId,
    be32(1),
    be32(p.transactionId ?? 0x1234),
    p.infoHash ?? INFO_HASH,
    peerId,
    be64(p.downloaded ?? 0),
    be64(p.left ?? 1000),
    be64(p.uploaded ?? 0),
    be32(p.event ?? 0),
    Uint8Array.from(p.ip ?? [0, 0, 0, 0]),
    be32(p.key ?? 0),
    be32(p.numwant ?? -1),
    be16(p.port ?? 6881),
    p.options ?? new Uint8Array(0),
  );
}

/** BEP 41 URLData options carrying `text`, split into pieces of at most `chunk` bytes. */
export function urlData(text: string, chunk = 255): Uint8Array {
  const parts: Uint8Array[] = [];
  for (let i = 0; i < text.length; i += chunk) {
    const piece = text.slice(i, i + chunk);
    parts.push(
      Uint8Array.of(0x2, piece.length),
      Uint8Array.from(piece, (c) => c.charCodeAt(0)),
    );
  }
  return bytesOf(...parts);
}

export function scrapePacket(
  connectionId: Uint8Array,
  transactionId: number,
  hashes: Uint8Array[],
): Uint8Array {
  return bytesOf(connectionId, be32(2), be32(transactionId), ...hashes);
}

/** The error packet (action 3) the tracker should send. */
export function errorPacket(transactionId: number, message: string): Uint8Array {
  return bytesOf(be32(3), be32(transactionId), new TextEncoder().encode(message));
}

/** A client socket on loopback: sends a packet, waits for the one answer (or for silence). */
export class UdpClient {
  private readonly inbox: Buffer[] = [];
  private waiting: ((packet: Buffer) => void) | null = null;

  private constructor(
    private readonly socket: dgram.Socket,
    private readonly trackerHost: string,
    private readonly trackerPort: number,
  ) {
    socket.on('message', (packet) => {
      if (this.waiting) {
        const w = this.waiting;
        this.waiting = null;
        w(packet);
      } else this.inbox.push(packet);
    });
  }

  static async open(trackerPort: number, host = '127.0.0.1'): Promise<UdpClient> {
    const socket = dgram.createSocket(host.includes(':') ? 'udp6' : 'udp4');
    await new Promise<void>((resolve) => socket.bind(0, host, () => resolve()));
    return new UdpClient(socket, host, trackerPort);
  }

  get port(): number {
    return this.socket.address().port;
  }

  /** Sends `packet` and resolves with the next packet that comes back. */
  request(packet: Uint8Array, timeoutMs = 2000): Promise<Uint8Array> {
    const queued = this.inbox.shift();
    if (queued) return Promise.resolve(new Uint8Array(queued));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting = null;
        reject(new Error(`no answer within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiting = (answer) => {
        clearTimeout(timer);
        resolve(new Uint8Array(answer));
      };
      this.socket.send(packet, this.trackerPort, this.trackerHost);
    });
  }

  /** Sends `packet` and resolves with whatever came back within `waitMs` (nothing: null). */
  async requestOrSilence(packet: Uint8Array, waitMs = 200): Promise<Uint8Array | null> {
    try {
      return await this.request(packet, waitMs);
    } catch {
      return null;
    }
  }

  /** A fresh connection id (BEP 15 connect). */
  async connect(transactionId = 0xc0ffee): Promise<Uint8Array> {
    const answer = await this.request(connectPacket(transactionId));
    return answer.slice(8, 16);
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.socket.close(() => resolve()));
  }
}

export interface UdpTestTracker {
  tracker: Tracker;
  server: TrackerUdpServer;
  port: number;
  events: TrackerEvent[];
  clock: { now: number };
  /** A client on 127.0.0.1 (or `host`) that is closed after the test. */
  client(host?: string): Promise<UdpClient>;
  eventsOf<T extends TrackerEvent['type']>(type: T): Extract<TrackerEvent, { type: T }>[];
  close(): Promise<void>;
}

/**
 * A tracker behind a TrackerUdpServer on 127.0.0.1 port 0 (and ::1 when `ipv6`), with the fixed
 * secret and an injected clock starting at T0. Pass `tracker` to serve one built elsewhere (e.g. a
 * swarm filled through the HTTP test helpers).
 */
export async function startUdpTracker(
  options: {
    settings?: Partial<TrackerSettings>;
    users?: TrackerUser[];
    tracker?: Tracker;
    events?: TrackerEvent[];
    ipv6?: boolean;
  } = {},
): Promise<UdpTestTracker> {
  const events = options.events ?? [];
  const tracker =
    options.tracker ??
    new Tracker({
      settings: options.settings,
      users: options.users,
      seed: 7,
      onEvent: (e) => events.push(e),
    });
  const clock = { now: T0 };
  const server = new TrackerUdpServer({ tracker, clock: () => clock.now, secret: SECRET });
  const { port } = await server.listen(0, '127.0.0.1');
  if (options.ipv6) await server.listenIPv6(port, '::1');
  const clients: UdpClient[] = [];
  return {
    tracker,
    server,
    port,
    events,
    clock,
    client: async (host = '127.0.0.1') => {
      const c = await UdpClient.open(port, host);
      clients.push(c);
      return c;
    },
    eventsOf: (type) =>
      events.filter((e): e is Extract<TrackerEvent, { type: typeof type }> => e.type === type),
    close: async () => {
      await Promise.all(clients.splice(0).map((c) => c.close()));
      await server.close();
    },
  };
}
