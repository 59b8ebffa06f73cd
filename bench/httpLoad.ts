// The HTTP part of the benchmark: three server children (bare node:http, the tracker as
// `npm run tracker -- --quiet`, the tracker with a counting event sink), measured in turn with wrk.
import { Agent, request } from 'node:http';
import { resolve } from 'node:path';
import bencode from 'bencode';
import { JsonLineChild } from './children';
import { announceTarget, type Population } from './population';
import type { ProfileSummary } from './profiler';
import type { StageTimes } from './stages';
import { runWrk, type WrkResult } from './wrk';

export interface LoadOptions {
  root: string;
  populationFile: string;
  threads: number;
  connections: number;
  seed: number;
}

export interface ServerChild {
  key: 'bare' | 'bareBusy' | 'tracker' | 'trackerWithSink';
  label: string;
  child: JsonLineChild;
  port: number;
  ready: Record<string, unknown>;
}

export interface TrackerStats {
  cpuSeconds: number;
  peers: number;
  torrents: number;
  events: number;
  eventsByType: Record<string, number>;
  memory: NodeJS.MemoryUsage;
}

export interface MeasuredRun {
  wrk: WrkResult;
  serverCpuSeconds: number;
  /** Tracker children only: events the sink counted during the run. */
  events: number | null;
  after: TrackerStats;
}

const TSX = ['--import', 'tsx'];

async function startChild(
  key: ServerChild['key'],
  label: string,
  args: string[],
  root: string,
): Promise<ServerChild> {
  const child = new JsonLineChild(label, args, root);
  const ready = await child.next(120_000);
  return { key, label, child, port: ready.port as number, ready };
}

export function startTracker(key: 'tracker' | 'trackerWithSink', o: LoadOptions): Promise<ServerChild> {
  const sink = key === 'tracker' ? 'none' : 'count';
  const label = key === 'tracker' ? 'tracker (--quiet: no sink)' : 'tracker + counting sink';
  const script = resolve(o.root, 'bench/trackerServer.ts');
  return startChild(key, label, [...TSX, script, '--population', o.populationFile, '--sink', sink], o.root);
}

export function startBare(body: Uint8Array, o: LoadOptions, spinUs = 0): Promise<ServerChild> {
  const script = resolve(o.root, 'bench/bareServer.ts');
  const args = [...TSX, script, '--body', Buffer.from(body).toString('base64'), '--spin-us', String(spinUs)];
  return spinUs > 0
    ? startChild('bareBusy', `bare + ${spinUs} µs busy work`, args, o.root)
    : startChild('bare', 'bare node:http', args, o.root);
}

export interface SampleCheck {
  responses: number;
  failures: number;
  peersPerResponse: { min: number; median: number; max: number };
  bodyBytes: { min: number; median: number; max: number };
  /** One response with the median body size: the bare server's fixed body. */
  typicalBody: Uint8Array;
}

function get(port: number, target: string, agent: Agent): Promise<Buffer> {
  return new Promise((done, fail) => {
    const req = request({ host: '127.0.0.1', port, path: target, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done(Buffer.concat(chunks)));
      res.on('error', fail);
    });
    req.on('error', fail);
    req.end();
  });
}

/** Periodic announces of `count` peers, decoded: do responses really carry ~50 peers? */
export async function sampleAnnounces(
  port: number,
  population: Population,
  count: number,
): Promise<SampleCheck> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const bodies: Buffer[] = [];
  const peerCounts: number[] = [];
  let failures = 0;
  try {
    for (let i = 0; i < count; i++) {
      const peer = population.peers[Math.floor((i * population.peers.length) / count)]!;
      const body = await get(port, announceTarget(population, peer, null), agent);
      const answer = bencode.decode(body) as Record<string, unknown>;
      if (!(answer.peers instanceof Uint8Array)) failures++;
      bodies.push(body);
      peerCounts.push(answer.peers instanceof Uint8Array ? answer.peers.length / 6 : 0);
    }
  } finally {
    agent.destroy();
  }
  const spread = (values: number[]): SampleCheck['peersPerResponse'] => {
    const sorted = [...values].sort((a, b) => a - b);
    return { min: sorted[0]!, median: sorted[sorted.length >> 1]!, max: sorted[sorted.length - 1]! };
  };
  const sizes = spread(bodies.map((b) => b.length));
  return {
    responses: count,
    failures,
    peersPerResponse: spread(peerCounts),
    bodyBytes: sizes,
    typicalBody: bodies.find((b) => b.length === sizes.median)!,
  };
}

export function wrkLoad(server: ServerChild, seconds: number, o: LoadOptions): Promise<WrkResult> {
  return runWrk({
    url: `http://127.0.0.1:${server.port}/announce`,
    script: resolve(o.root, 'bench/announce.lua'),
    scriptArgs: [o.populationFile, String(o.threads), String(o.seed)],
    threads: o.threads,
    connections: o.connections,
    seconds,
  });
}

/** One measured run, with the server's own CPU time (and events, for trackers) around it. */
export async function measure(server: ServerChild, seconds: number, o: LoadOptions): Promise<MeasuredRun> {
  const before = await server.child.command<TrackerStats>('stats');
  const wrk = await wrkLoad(server, seconds, o);
  const after = await server.child.command<TrackerStats>('stats');
  return {
    wrk,
    serverCpuSeconds: after.cpuSeconds - before.cpuSeconds,
    events: server.key === 'bare' ? null : after.events - before.events,
    after,
  };
}

/** The router's stages timed in the tracker child (bench/stages.ts), after the load. */
export function stageTimes(server: ServerChild, requests: number): Promise<StageTimes> {
  return server.child.command<StageTimes>(`stages ${requests}`, 120_000);
}

/** A profiled run of the tracker; the .cpuprofile (TypeScript positions) is written to `file`. */
export async function profileRun(
  server: ServerChild,
  seconds: number,
  file: string,
  o: LoadOptions,
): Promise<{ wrk: WrkResult; profile: ProfileSummary }> {
  await server.child.command('profile-start');
  const wrk = await wrkLoad(server, seconds, o);
  const profile = await server.child.command<ProfileSummary>(`profile-stop ${file}`, 60_000);
  return { wrk, profile };
}
