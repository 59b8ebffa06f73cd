// The UDP comparison (BEP 15): a bare node:dgram server, the tracker as `npm run tracker -- --quiet`
// serves UDP beside HTTP, and the tracker with a counting event sink, measured in turn (`rounds`
// times) under the same load from a Node load generator (bench/udpClients.ts) over loopback; then,
// in the tracker child, the per-stage timing of the UDP router.
import { resolve } from 'node:path';
import { JsonLineChild } from './children';
import { startTracker, type LoadOptions, type TrackerStats } from './httpLoad';
import { median, num } from './report';
import type { UdpRunResult } from './udpClients';
import type { UdpStageTimes } from './udpStages';

export interface UdpSettings {
  duration: number;
  warmup: number;
  rounds: number;
  /** Client sockets, each with one request in flight. */
  clients: number;
  stageRequests: number;
}

interface UdpServer {
  key: 'bare' | 'tracker' | 'trackerWithSink';
  label: string;
  child: JsonLineChild;
  port: number;
}

interface MeasuredUdpRun {
  load: UdpRunResult;
  serverCpuSeconds: number;
  events: number | null;
  peersStoredAfter: number | null;
}

export interface UdpServerFigures {
  label: string;
  announcesPerSecond: number;
  latencyMs: { p50: number; p90: number; p99: number; p999: number };
  serverCpuPercent: number;
  /** The server process's CPU time per answered announce, in microseconds. */
  cpuUsPerAnnounce: number;
  /** The load generator's CPU: near 100% means it, not the server, set the pace. */
  generatorCpuPercent: number;
  bytesPerAnswer: number;
  peersPerAnswer: number;
  errors: number;
  timeouts: number;
  runs: number[];
}

const TSX = ['--import', 'tsx'];

async function startChild(name: string, script: string, args: string[], root: string) {
  const child = new JsonLineChild(name, [...TSX, resolve(root, script), ...args], root);
  const ready = await child.next(120_000);
  return { child, ready };
}

function figures(server: UdpServer, runs: MeasuredUdpRun[]): UdpServerFigures {
  const loads = runs.map((r) => r.load);
  return {
    label: server.label,
    announcesPerSecond: median(loads.map((l) => l.announcesPerSecond)),
    latencyMs: {
      p50: median(loads.map((l) => l.latencyMs.p50)),
      p90: median(loads.map((l) => l.latencyMs.p90)),
      p99: median(loads.map((l) => l.latencyMs.p99)),
      p999: median(loads.map((l) => l.latencyMs.p999)),
    },
    serverCpuPercent: median(runs.map((r) => (100 * r.serverCpuSeconds) / r.load.seconds)),
    cpuUsPerAnnounce: median(runs.map((r) => (1e6 * r.serverCpuSeconds) / Math.max(1, r.load.announces))),
    generatorCpuPercent: median(loads.map((l) => (100 * l.generatorCpuSeconds) / l.seconds)),
    bytesPerAnswer: median(loads.map((l) => l.bytesPerAnswer)),
    peersPerAnswer: median(loads.map((l) => l.peersPerAnswer.median)),
    errors: loads.reduce((n, l) => n + l.errors, 0),
    timeouts: loads.reduce((n, l) => n + l.timeouts, 0),
    runs: loads.map((l) => l.announcesPerSecond),
  };
}

export async function udpBenchmark(s: UdpSettings, load: LoadOptions, log: (line: string) => void) {
  log('UDP: starting a bare node:dgram server, two trackers (filled as for HTTP) and the load generator');
  const [tracker, trackerWithSink, bare, generator] = await Promise.all([
    startTracker('tracker', load),
    startTracker('trackerWithSink', load),
    startChild('bare node:dgram', 'bench/udpBareServer.ts', ['--peers', '50'], load.root),
    startChild(
      'UDP load generator',
      'bench/udpClients.ts',
      ['--population', load.populationFile, '--seed', String(load.seed)],
      load.root,
    ),
  ]);
  const servers: UdpServer[] = [
    { key: 'bare', label: 'bare node:dgram', child: bare.child, port: bare.ready.port as number },
    { key: 'tracker', label: tracker.label, child: tracker.child, port: tracker.ready.udpPort as number },
    {
      key: 'trackerWithSink',
      label: trackerWithSink.label,
      child: trackerWithSink.child,
      port: trackerWithSink.ready.udpPort as number,
    },
  ];
  const run = (server: UdpServer, seconds: number) =>
    generator.child.command<UdpRunResult>(
      `run ${JSON.stringify({ port: server.port, seconds, clients: s.clients })}`,
      (seconds + 30) * 1000,
    );

  const runs = new Map<UdpServer['key'], MeasuredUdpRun[]>(servers.map((server) => [server.key, []]));
  try {
    for (let round = 1; round <= s.rounds; round++) {
      for (const server of servers) {
        if (s.warmup > 0) await run(server, s.warmup);
        const before = await server.child.command<TrackerStats>('stats');
        const result = await run(server, s.duration);
        const after = await server.child.command<TrackerStats>('stats');
        runs.get(server.key)!.push({
          load: result,
          serverCpuSeconds: after.cpuSeconds - before.cpuSeconds,
          events: server.key === 'bare' ? null : after.events - before.events,
          peersStoredAfter: after.peers ?? null,
        });
        log(
          `UDP round ${round}/${s.rounds} ${server.label}: ${num(result.announcesPerSecond)} announces/s, ` +
            `p99 ${result.latencyMs.p99.toFixed(2)} ms` +
            (result.errors + result.timeouts > 0 ? `, ${result.errors} errors, ${result.timeouts} lost` : ''),
        );
      }
    }
    log(`timing the UDP router's stages in-process (${num(s.stageRequests)} periodic announces)`);
    const stages = await tracker.child.command<UdpStageTimes>(`udp-stages ${s.stageRequests}`, 120_000);
    const results = Object.fromEntries(
      servers.map((server) => [server.key, figures(server, runs.get(server.key)!)]),
    ) as Record<UdpServer['key'], UdpServerFigures>;
    const eventMix = { started: 0, completed: 0, stopped: 0, periodic: 0 };
    for (const key of ['tracker', 'trackerWithSink'] as const) {
      for (const r of runs.get(key)!) {
        for (const name of Object.keys(eventMix) as (keyof typeof eventMix)[])
          eventMix[name] += r.load.events[name];
      }
    }
    return {
      ratio: results.tracker.announcesPerSecond / results.bare.announcesPerSecond,
      ratioWithSink: results.trackerWithSink.announcesPerSecond / results.bare.announcesPerSecond,
      eventMix,
      results,
      runs: Object.fromEntries(servers.map((server) => [server.key, runs.get(server.key)!])),
      stages,
    };
  } finally {
    await Promise.all([...servers.map((server) => server.child.stop()), generator.child.stop()]);
  }
}

export type UdpBenchmarkResult = Awaited<ReturnType<typeof udpBenchmark>>;
