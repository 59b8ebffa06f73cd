// Benchmark child: the UDP load generator. `clients` sockets on 127.0.0.1, each one a client with
// one request in flight at a time (as wrk's connections are for HTTP): connect (BEP 15), then
// announces of random peers of the population until the run ends, reconnecting when its connection
// id is a minute old (BEP 15: clients may use an id for one minute). The event mix and the counters
// follow bench/announce.lua exactly, and the peers' state lives on between runs.
// Command: `run {"port":N,"seconds":S,"clients":C}` → announces/s, latency percentiles, errors.
import { createSocket, type Socket } from 'node:dgram';
import { createPrng } from '../shared/prng';
import { argValue, cpuSeconds, reply, serveCommands } from './childProtocol';
import { readPopulation, type BenchPeer } from './population';
import {
  ACTION_ANNOUNCE,
  ACTION_CONNECT,
  ACTION_ERROR,
  ANNOUNCE_PACKET_BYTES,
  announcePacket,
  binaryPopulation,
  connectPacket,
  type UdpEventName,
} from './udpPackets';

const PIECE = 16 * 1024;
const MiB = 1024 * 1024;
const CONNECTION_ID_REUSE_MS = 60_000;
/** A request not answered within this is counted as lost and the client moves on. */
const TIMEOUT_MS = 1_000;

const population = await readPopulation(argValue('population'));
const binary = binaryPopulation(population);
const rng = createPrng(Number(argValue('seed', '42')));
const peers = population.peers;
const left = Float64Array.from(peers, (p) => p.left);
const uploaded = Float64Array.from(peers, (p) => p.uploaded);
const downloaded = Float64Array.from(peers, (p) => p.downloaded);
const active = new Uint8Array(peers.length).fill(1); // the tracker was filled with every `started`

interface EventMix {
  started: number;
  completed: number;
  stopped: number;
  periodic: number;
}

/** A whole number of pieces up to `max` bytes. */
function some(max: number): number {
  return Math.floor((rng.float() * max) / PIECE) * PIECE;
}

function progress(i: number, mix: EventMix): UdpEventName {
  if (left[i]! > PIECE) {
    // progress, but never the last piece: finishing is announced with `completed`
    const got = Math.min(some(64 * MiB), left[i]! - PIECE);
    left[i] = left[i]! - got;
    downloaded[i] = downloaded[i]! + got;
  }
  uploaded[i] = uploaded[i]! + some(32 * MiB);
  mix.periodic++;
  return 'none';
}

/** The next announce of peer i, as announce.lua draws it. */
function nextEvent(i: number, mix: EventMix): UdpEventName {
  const r = rng.float();
  if (!active[i]) {
    active[i] = 1; // a peer that stopped comes back with `started`
    mix.started++;
    return 'started';
  }
  if (r < 0.02) {
    uploaded[i] = 0; // a client restart: the new session's counters start from zero
    downloaded[i] = 0;
    mix.started++;
    return 'started';
  }
  if (r < 0.03) {
    if (left[i]! > 0) {
      downloaded[i] = downloaded[i]! + left[i]!;
      left[i] = 0;
      mix.completed++;
      return 'completed';
    }
    return progress(i, mix); // seeders have nothing to complete
  }
  if (r < 0.04) {
    active[i] = 0;
    mix.stopped++;
    return 'stopped';
  }
  return progress(i, mix);
}

interface RunSpec {
  port: number;
  seconds: number;
  clients: number;
}

class Samples {
  values = new Float64Array(1 << 16);
  count = 0;
  push(v: number): void {
    if (this.count === this.values.length) {
      const next = new Float64Array(this.values.length * 2);
      next.set(this.values);
      this.values = next;
    }
    this.values[this.count++] = v;
  }
  percentiles(): { mean: number; p50: number; p90: number; p99: number; p999: number; max: number } {
    const sorted = this.values.slice(0, this.count).sort();
    const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
    const mean = sorted.reduce((a, b) => a + b, 0) / Math.max(1, sorted.length);
    const round = (ms: number): number => Math.round(ms * 1000) / 1000;
    return {
      mean: round(mean),
      p50: round(at(0.5)),
      p90: round(at(0.9)),
      p99: round(at(0.99)),
      p999: round(at(0.999)),
      max: round(sorted[sorted.length - 1] ?? 0),
    };
  }
}

interface Client {
  socket: Socket;
  out: Buffer;
  connectionId: Buffer | null;
  connectedAt: number;
  transactionId: number;
  sentAt: number;
  inFlight: boolean;
}

async function run(spec: RunSpec) {
  const mix: EventMix = { started: 0, completed: 0, stopped: 0, periodic: 0 };
  const latency = new Samples();
  const peersPerAnswer = new Uint32Array(1024);
  const errorMessages = new Map<string, number>();
  let announces = 0;
  let connects = 0;
  let timeouts = 0;
  let answerBytes = 0;
  let nextTransaction = rng.int(1, 0x7fffffff);
  const cpuBefore = cpuSeconds();
  const clients: Client[] = await Promise.all(
    Array.from({ length: spec.clients }, async () => {
      const socket = createSocket('udp4');
      await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', () => resolve()));
      return {
        socket,
        out: Buffer.alloc(ANNOUNCE_PACKET_BYTES),
        connectionId: null,
        connectedAt: 0,
        transactionId: 0,
        sentAt: 0,
        inFlight: false,
      };
    }),
  );
  const start = performance.now();
  const deadline = start + spec.seconds * 1000;
  let running = true;

  const send = (c: Client): void => {
    const now = performance.now();
    if (!running || now >= deadline) {
      c.inFlight = false;
      return;
    }
    c.transactionId = nextTransaction++ >>> 0;
    c.sentAt = now;
    c.inFlight = true;
    let packet: Buffer;
    if (c.connectionId === null || now - c.connectedAt > CONNECTION_ID_REUSE_MS) {
      c.connectionId = null;
      packet = connectPacket(c.out, c.transactionId);
    } else {
      const i = rng.int(0, peers.length - 1);
      const event = nextEvent(i, mix);
      const counters = { uploaded: uploaded[i]!, downloaded: downloaded[i]!, left: left[i]! };
      packet = announcePacket(
        c.out,
        c.connectionId,
        c.transactionId,
        binary,
        peers[i] as BenchPeer,
        i,
        counters,
        event,
      );
    }
    c.socket.send(packet, spec.port, '127.0.0.1');
  };

  for (const c of clients) {
    c.socket.on('message', (answer) => {
      if (!c.inFlight || answer.length < 8 || answer.readUInt32BE(4) !== c.transactionId) return; // late
      const now = performance.now();
      const action = answer.readUInt32BE(0);
      if (action === ACTION_CONNECT && answer.length >= 16) {
        c.connectionId = Buffer.from(answer.subarray(8, 16));
        c.connectedAt = now;
        connects++;
      } else if (action === ACTION_ANNOUNCE && answer.length >= 20) {
        if (now <= deadline) {
          announces++;
          latency.push(now - c.sentAt);
          answerBytes += answer.length;
          peersPerAnswer[Math.min(1023, (answer.length - 20) / 6)]!++;
        }
      } else {
        const message = action === ACTION_ERROR ? answer.subarray(8).toString('utf8') : `action ${action}`;
        errorMessages.set(message, (errorMessages.get(message) ?? 0) + 1);
        c.connectionId = null;
      }
      send(c);
    });
  }
  const watchdog = setInterval(() => {
    const now = performance.now();
    for (const c of clients) {
      if (c.inFlight && now - c.sentAt > TIMEOUT_MS) {
        timeouts++;
        send(c);
      }
    }
  }, 100);
  for (const c of clients) send(c);
  await new Promise((resolve) => setTimeout(resolve, spec.seconds * 1000));
  // Let the answers in flight arrive (they are not counted), then close.
  const drainUntil = performance.now() + TIMEOUT_MS;
  while (clients.some((c) => c.inFlight) && performance.now() < drainUntil) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  running = false;
  clearInterval(watchdog);
  await Promise.all(clients.map((c) => new Promise<void>((resolve) => c.socket.close(() => resolve()))));

  const seconds = (deadline - start) / 1000;
  let seen = 0;
  let medianPeers = 0;
  for (let n = 0; n < peersPerAnswer.length; n++) {
    seen += peersPerAnswer[n]!;
    if (seen * 2 >= announces) {
      medianPeers = n;
      break;
    }
  }
  return {
    announces,
    seconds,
    announcesPerSecond: announces / seconds,
    connects,
    timeouts,
    errors: [...errorMessages.values()].reduce((a, b) => a + b, 0),
    errorMessages: Object.fromEntries(errorMessages),
    latencyMs: latency.percentiles(),
    peersPerAnswer: { median: medianPeers },
    bytesPerAnswer: announces > 0 ? answerBytes / announces : 0,
    events: mix,
    generatorCpuSeconds: cpuSeconds() - cpuBefore,
  };
}

export type UdpRunResult = Awaited<ReturnType<typeof run>>;

serveCommands({ run: (arg) => run(JSON.parse(arg) as RunSpec) });
reply({ ready: true, peers: peers.length });
