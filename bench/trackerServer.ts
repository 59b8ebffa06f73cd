// Benchmark child: the tracker wired as `npm run tracker` wires it (default settings, seed 1, the
// wall clock, TrackerHttpServer with its sweep timer, TrackerUdpServer beside it on the same port
// number without one). `--sink none` is `npm run tracker -- --quiet`
// (no onEvent sink, so the core builds no events); `--sink count` attaches a sink that only counts.
// Before listening it is filled with every peer of the population through the HTTP router, each
// peer sending the `started` announce a client would send.
import { resolve } from 'node:path';
import type { TrackerEvent } from '../shared/tracker/events';
import { defaultTrackerSettings } from '../shared/tracker/settings';
import { handleHttp } from '../electron/tracker/http/router';
import { TrackerHttpServer } from '../electron/tracker/http/server';
import { Tracker } from '../electron/tracker/tracker';
import { TrackerUdpServer } from '../electron/tracker/udp/server';
import { argValue, cpuSeconds, reply, serveCommands } from './childProtocol';
import { announceTarget, readPopulation } from './population';
import { CpuProfiler } from './profiler';
import { timeStages } from './stages';
import { timeUdpStages } from './udpStages';

const sink = argValue('sink', 'none');
if (sink !== 'none' && sink !== 'count') throw new Error('--sink must be none or count');
const population = await readPopulation(argValue('population'));

let events = 0;
const eventsByType = new Map<string, number>();
const countEvent = (event: TrackerEvent): void => {
  events++;
  eventsByType.set(event.type, (eventsByType.get(event.type) ?? 0) + 1);
};

const clock = (): number => Date.now();
const tracker = new Tracker({
  settings: defaultTrackerSettings,
  users: [],
  seed: 1,
  onEvent: sink === 'count' ? countEvent : undefined,
});

const fillStart = performance.now();
let failures = 0;
for (const peer of population.peers) {
  const target = announceTarget(population, peer, 'started');
  const req = { method: 'GET', target, remoteIp: '127.0.0.1', remotePort: 40000, transport: 'http' as const };
  const reply = handleHttp(tracker, req, clock());
  if (reply.status !== 200 || Buffer.from(reply.body).includes('failure reason')) failures++;
}
if (failures > 0 || tracker.peerCount !== population.peers.length) {
  throw new Error(`fill failed: ${failures} failures, ${tracker.peerCount} peers stored`);
}
const fillMs = Math.round(performance.now() - fillStart);

const server = new TrackerHttpServer({ tracker, clock });
const address = await server.listen(0, '127.0.0.1');
const udpServer = new TrackerUdpServer({ tracker, clock, sweep: false });
const udpAddress = await udpServer.listen(address.port, '127.0.0.1');

let profiler: CpuProfiler | null = null;
serveCommands({
  stats: () => ({
    cpuSeconds: cpuSeconds(),
    peers: tracker.peerCount,
    torrents: tracker.torrentCount,
    events,
    eventsByType: Object.fromEntries(eventsByType),
    memory: process.memoryUsage(),
  }),
  stages: (count) => timeStages(tracker, population, Number(count)),
  'udp-stages': (count) => timeUdpStages(tracker, population, Number(count)),
  'profile-start': async () => {
    profiler = new CpuProfiler();
    await profiler.start();
  },
  'profile-stop': async (file) => {
    if (!profiler) throw new Error('no profile running');
    const summary = await profiler.stop(file, resolve(import.meta.dirname, '..'));
    profiler = null;
    return summary;
  },
});
reply({
  ready: true,
  port: address.port,
  udpPort: udpAddress.port,
  peers: tracker.peerCount,
  torrents: tracker.torrentCount,
  fillMs,
});
