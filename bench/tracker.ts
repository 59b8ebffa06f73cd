// `npm run bench:tracker -- [options]`: the tracker under realistic announce load over HTTP
// keep-alive (wrk, loopback) beside a bare node:http server, over UDP (BEP 15, a Node load
// generator on loopback sockets) beside a bare node:dgram server, and its memory per stored peer.
// Every server runs in its own child process; figures go to bench/results/tracker.json.
import { rmSync } from 'node:fs';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { atExit, JsonLineChild, killChildrenOnExit } from './children';
import { httpBenchmark } from './httpBenchmark';
import type { LoadOptions } from './httpLoad';
import { createPopulation, writePopulation } from './population';
import { machineInfo, num, summaryText, type MemoryFigures } from './report';
import { udpBenchmark } from './udpBenchmark';
import { WRK_INSTALL_HINT, wrkVersion } from './wrk';

const usage = `Usage: npm run bench:tracker -- [options]

  --duration S        seconds per measured wrk run (default 15)
  --warmup S          seconds of load before each measured run (default 2)
  --rounds N          rounds of bare / tracker / tracker+sink; figures are medians (default 2)
  --threads N         wrk threads (default 1: wrk on one core, the server on the other)
  --connections N     keep-alive connections (default 32)
  --udp-clients N     UDP client sockets, one announce in flight each (default 32)
  --memory-peers N    peers for the memory figure (default 1000000)
  --profile MODE      auto (profile the tracker when it misses the target) | always | never
  --help`;

const TARGET_RATIO = 0.6;
/** The calibration server's busy work per request: about the tracker's own in-process cost. */
const CALIBRATION_US = 10;
const TARGET_BYTES_PER_PEER = 250;
const TORRENTS = 1_000;
const PEERS = 100_000;
const SEEDER_SHARE = 0.3;
const MEMORY_TORRENTS = 10_000;
const STAGE_REQUESTS = 20_000;
const SEED = 42;

function options() {
  const { values } = parseArgs({
    options: {
      duration: { type: 'string', default: '15' },
      warmup: { type: 'string', default: '2' },
      rounds: { type: 'string', default: '2' },
      threads: { type: 'string', default: '1' },
      connections: { type: 'string', default: '32' },
      'udp-clients': { type: 'string', default: '32' },
      'memory-peers': { type: 'string', default: '1000000' },
      profile: { type: 'string', default: 'auto' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(usage + '\n');
    process.exit(0);
  }
  const whole = (name: keyof typeof values, min: number): number => {
    const n = Number(values[name]);
    if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be a whole number ≥ ${min}`);
    return n;
  };
  const profile = values.profile;
  if (profile !== 'auto' && profile !== 'always' && profile !== 'never') {
    throw new Error('--profile must be auto, always or never');
  }
  return {
    duration: whole('duration', 1),
    warmup: whole('warmup', 0),
    rounds: whole('rounds', 1),
    threads: whole('threads', 1),
    connections: whole('connections', 1),
    udpClients: whole('udp-clients', 1),
    memoryPeers: whole('memory-peers', 1),
    profile,
  } as const;
}

const started = performance.now();
function log(line: string): void {
  process.stdout.write(`[${Math.round((performance.now() - started) / 1000)} s] ${line}\n`);
}

async function memoryBenchmark(root: string, peers: number): Promise<MemoryFigures> {
  log(`memory: ${num(peers)} peers over ${num(MEMORY_TORRENTS)} torrents through tracker.announce`);
  const script = resolve(root, 'bench/trackerMemory.ts');
  const args = [
    '--expose-gc',
    '--import',
    'tsx',
    script,
    '--peers',
    `${peers}`,
    '--torrents',
    `${MEMORY_TORRENTS}`,
  ];
  const child = new JsonLineChild('memory benchmark', args, root);
  try {
    return (await child.next(300_000)) as unknown as MemoryFigures;
  } finally {
    await child.stop();
  }
}

async function main(): Promise<void> {
  const o = options();
  killChildrenOnExit();
  const wrk = wrkVersion();
  if (wrk === null) {
    process.stderr.write(`${WRK_INSTALL_HINT}\n`);
    process.exit(1);
  }
  const root = resolve(import.meta.dirname, '..');
  const work = await mkdtemp(join(tmpdir(), 'tracker-bench-'));
  atExit(() => rmSync(work, { recursive: true, force: true }));
  const spec = { torrents: TORRENTS, peers: PEERS, seederShare: SEEDER_SHARE, seed: SEED };
  const population = createPopulation(spec);
  const populationFile = join(work, 'population.txt');
  await writePopulation(populationFile, population);
  const load: LoadOptions = {
    root,
    populationFile,
    threads: o.threads,
    connections: o.connections,
    seed: SEED,
  };
  const httpSettings = {
    ...o,
    targetRatio: TARGET_RATIO,
    stageRequests: STAGE_REQUESTS,
    calibrationUs: CALIBRATION_US,
  };
  const http = await httpBenchmark(httpSettings, load, population, log);
  const udpSettings = { ...o, clients: o.udpClients, stageRequests: STAGE_REQUESTS };
  const udp = await udpBenchmark(udpSettings, load, log);
  const memory = await memoryBenchmark(root, o.memoryPeers);

  const report = {
    machine: machineInfo(wrk, root),
    parameters: {
      http: {
        ...spec,
        distribution: `uniform: peer i announces to torrent i mod ${TORRENTS} (${PEERS / TORRENTS} peers each)`,
        eventMix:
          '~2% started (client restart, counters from 0; a stopped peer also returns with started), ' +
          '~1% completed (drawn for any peer, sent by leechers only: ≈0.7%), ~1% stopped, ' +
          'the rest periodic (no event); http.eventMix has the counts wrk actually sent',
        request:
          'GET /announce: info_hash, peer_id, port, uploaded, downloaded, left, corrupt=0, key, compact=1, numwant=50',
        fill: 'before listening, every peer sends `started` through the HTTP router (handleHttp)',
        wrk: `-t${o.threads} -c${o.connections} -d${o.duration}s, ${o.warmup} s of load before each measured run`,
        rounds: o.rounds,
        order: 'bare, tracker, tracker+sink, repeated; figures are medians over the rounds',
        tracker:
          'default settings and seed 1, as `npm run tracker -- --quiet` (no sink) and with a counting sink',
      },
      udp: {
        ...spec,
        request:
          "BEP 15 connect, then announces of 109 bytes: the 98 fixed bytes (num_want 50, IP 0, the peer's key) " +
          'and BEP 41 URLData "/announce", as libtorrent sends them; a client reconnects when its id is 60 s old',
        eventMix:
          'as for HTTP (bench/announce.lua), drawn by bench/udpClients.ts; udp.eventMix has the counts',
        load:
          `${o.udpClients} client sockets on 127.0.0.1, each with one announce in flight (a Node process: ` +
          `bench/udpClients.ts), ${o.duration} s per measured run, ${o.warmup} s of load before each`,
        fill: 'as for HTTP: every peer sends `started` through the HTTP router before listening',
        rounds: o.rounds,
        order: 'bare node:dgram, tracker, tracker+sink, repeated; figures are medians over the rounds',
        tracker: "the HTTP benchmark's tracker children: TrackerUdpServer on the HTTP port number, no sweep",
      },
      memory: {
        peers: o.memoryPeers,
        torrents: MEMORY_TORRENTS,
        distribution: `peer p joins torrent p mod ${MEMORY_TORRENTS}; one IPv4 address per peer; 30% seeders`,
        measure: '(heapUsed + arrayBuffers, after GC) after − before the announces, divided by the peers',
      },
    },
    http: { ...http, targetRatio: TARGET_RATIO, pass: http.ratio >= TARGET_RATIO },
    udp,
    memory: {
      ...memory,
      targetBytesPerPeer: TARGET_BYTES_PER_PEER,
      pass: memory.bytesPerPeer <= TARGET_BYTES_PER_PEER,
    },
  };
  const out = resolve(root, 'bench/results/tracker.json');
  await mkdir(resolve(root, 'bench/results'), { recursive: true });
  await writeFile(out, JSON.stringify(report, null, 2) + '\n');
  process.stdout.write(`\n${summaryText(report)}\nwritten ${out}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`bench:tracker failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
