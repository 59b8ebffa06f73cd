// The HTTP comparison: bare node:http, the tracker as `npm run tracker -- --quiet` and the tracker
// with a counting event sink, measured in turn (alternating, `rounds` times) under the same wrk
// load; then, in the tracker child, a CPU profile (when asked or when the target is missed) and the
// per-stage timing of the router.
import { mkdir } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import {
  measure,
  profileRun,
  sampleAnnounces,
  stageTimes,
  startBare,
  startTracker,
  wrkLoad,
  type LoadOptions,
  type MeasuredRun,
  type ServerChild,
} from './httpLoad';
import type { Population } from './population';
import type { ProfileSummary } from './profiler';
import { median, num, type ServerFigures } from './report';
import { errorCount, requestsPerSecond } from './wrk';

export interface HttpSettings {
  duration: number;
  warmup: number;
  rounds: number;
  profile: 'auto' | 'always' | 'never';
  targetRatio: number;
  stageRequests: number;
  /** Busy work per request for the calibration server (µs). */
  calibrationUs: number;
}

function figures(server: ServerChild, runs: MeasuredRun[]): ServerFigures {
  const seconds = (r: MeasuredRun): number => r.wrk.durationUs / 1e6;
  return {
    label: server.label,
    requestsPerSecond: median(runs.map((r) => requestsPerSecond(r.wrk))),
    latencyMs: {
      p50: median(runs.map((r) => r.wrk.latencyUs.p50)) / 1000,
      p90: median(runs.map((r) => r.wrk.latencyUs.p90)) / 1000,
      p99: median(runs.map((r) => r.wrk.latencyUs.p99)) / 1000,
    },
    serverCpuPercent: median(runs.map((r) => (100 * r.serverCpuSeconds) / seconds(r))),
    cpuUsPerRequest: median(runs.map((r) => (1e6 * r.serverCpuSeconds) / r.wrk.requests)),
    bytesPerResponse: median(runs.map((r) => r.wrk.bytes / r.wrk.requests)),
    errors: runs.reduce((n, r) => n + errorCount(r.wrk), 0),
    runs: runs.map((r) => requestsPerSecond(r.wrk)),
  };
}

function runDetail(runs: MeasuredRun[]) {
  return runs.map((r) => ({
    requestsPerSecond: requestsPerSecond(r.wrk),
    serverCpuSeconds: r.serverCpuSeconds,
    eventsPerRequest: r.events === null ? null : r.events / r.wrk.requests,
    peersStoredAfter: r.after.peers ?? null,
    wrk: r.wrk,
  }));
}

export async function httpBenchmark(
  s: HttpSettings,
  load: LoadOptions,
  population: Population,
  log: (line: string) => void,
) {
  log(`starting the servers; each tracker is filled with ${num(population.peers.length)} started announces`);
  const [tracker, trackerWithSink] = await Promise.all([
    startTracker('tracker', load),
    startTracker('trackerWithSink', load),
  ]);
  const sampleBefore = await sampleAnnounces(tracker.port, population, 200);
  if (sampleBefore.failures > 0) throw new Error(`${sampleBefore.failures} sample announces failed`);
  const bare = await startBare(sampleBefore.typicalBody, load);
  // Calibration: the same bare server doing a fixed amount of busy work per request.
  const bareBusy = await startBare(sampleBefore.typicalBody, load, s.calibrationUs);
  const servers = [bare, bareBusy, tracker, trackerWithSink];
  log(
    `trackers filled in ${tracker.ready.fillMs} / ${trackerWithSink.ready.fillMs} ms; responses carry ` +
      `${sampleBefore.peersPerResponse.median} peers in ${sampleBefore.bodyBytes.median} B (the bare body)`,
  );

  const runs = new Map<string, MeasuredRun[]>(servers.map((server) => [server.key, []]));
  for (let round = 1; round <= s.rounds; round++) {
    for (const server of servers) {
      if (s.warmup > 0) await wrkLoad(server, s.warmup, load);
      const run = await measure(server, s.duration, load);
      runs.get(server.key)!.push(run);
      const errors = errorCount(run.wrk);
      log(
        `round ${round}/${s.rounds} ${server.label}: ${num(requestsPerSecond(run.wrk))} req/s, ` +
          `p99 ${(run.wrk.latencyUs.p99 / 1000).toFixed(2)} ms${errors ? `, ${errors} wrk errors` : ''}`,
      );
    }
  }
  const sampleAfter = await sampleAnnounces(tracker.port, population, 200);
  const results = Object.fromEntries(
    servers.map((server) => [server.key, figures(server, runs.get(server.key)!)]),
  );
  const ratio = results.tracker!.requestsPerSecond / results.bare!.requestsPerSecond;

  let profile: ProfileSummary | null = null;
  if (s.profile === 'always' || (s.profile === 'auto' && ratio < s.targetRatio)) {
    log(`profiling ${tracker.label} under ${s.duration} s of load (a separate run, not in the figures)`);
    await mkdir(resolve(load.root, 'bench/results'), { recursive: true });
    const file = resolve(load.root, 'bench/results/tracker.cpuprofile');
    profile = (await profileRun(tracker, s.duration, file, load)).profile;
    profile.file = relative(load.root, file);
  }
  log(`timing the router's stages in-process (${num(s.stageRequests)} periodic announces)`);
  const stages = await stageTimes(tracker, s.stageRequests);
  await Promise.all(servers.map((server) => server.child.stop()));

  // What wrk actually sent to the trackers (announce.lua counts the events it draws).
  const eventMix = { started: 0, completed: 0, stopped: 0, periodic: 0 };
  for (const run of [...runs.get('tracker')!, ...runs.get('trackerWithSink')!]) {
    for (const key of Object.keys(eventMix) as (keyof typeof eventMix)[])
      eventMix[key] += run.wrk.events[key];
  }
  return {
    ratio,
    eventMix,
    ratioWithSink: results.trackerWithSink!.requestsPerSecond / results.bare!.requestsPerSecond,
    results,
    runs: Object.fromEntries(servers.map((server) => [server.key, runDetail(runs.get(server.key)!)])),
    servers: Object.fromEntries(
      servers.map((server) => [server.key, { label: server.label, ...server.ready }]),
    ),
    sampleBefore: { ...sampleBefore, typicalBody: undefined },
    sampleAfter: { ...sampleAfter, typicalBody: undefined },
    stages,
    profile,
  };
}

export type HttpBenchmarkResult = Awaited<ReturnType<typeof httpBenchmark>>;
