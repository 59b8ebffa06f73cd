// `npx tsx bench/transferModel.ts [--peers N] [--seeders N] [--ticks N] [--piece-size BYTES]
// [--seed N]`: the swarm transfer model alone, by default on the target scenario — 10,000 peers (10 seeders) on a 1 GiB torrent of 4 MiB pieces,
// each connected to ~40 random others, upload 256 KiB/s–2 MiB/s and download 4× that, 720 ticks
// of 5 s (one virtual hour). Prints wall time, ticks/s, completions, bytes and peak RSS, and
// writes them to bench/results/transferModel.json. Target: ≤ 8 s of the whole run's 20 s.
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createPrng } from '../shared/prng';
import { SwarmTransfers } from '../electron/sim/transfer/swarmTransfers';

const KiB = 1024;
const MiB = 1024 * KiB;
const GiB = 1024 * MiB;
const TARGET_SECONDS = 8;

const { values } = parseArgs({
  options: {
    peers: { type: 'string', default: '10000' },
    seeders: { type: 'string', default: '10' },
    ticks: { type: 'string', default: '720' },
    'piece-size': { type: 'string', default: String(4 * MiB) },
    seed: { type: 'string', default: '42' },
  },
});
const peers = Number(values.peers);
const seeders = Number(values.seeders);
const ticks = Number(values.ticks);
const pieceSize = Number(values['piece-size']);
const seed = Number(values.seed);
const TICK_MS = 5_000;
const MAX_CONNECTIONS = 40;

const setupRng = createPrng(seed);
const model = new SwarmTransfers({ size: GiB, pieceSize }, setupRng.fork());

const setupStart = performance.now();
for (let id = 0; id < peers; id++) {
  const upload = setupRng.int(256 * KiB, 2 * MiB);
  model.addPeer({
    id,
    uploadCapacity: upload,
    downloadCapacity: 4 * upload,
    maxConnections: MAX_CONNECTIONS,
    have: id < seeders ? 'all' : 'none',
  });
}
let attempts = 0;
for (let id = 0; id < peers; id++) {
  // Up to 2 × 40 tries each: later peers find many others already full, as in a real swarm.
  for (
    let tries = 0;
    tries < 2 * MAX_CONNECTIONS && model.connections(id).length < MAX_CONNECTIONS;
    tries++
  ) {
    attempts++;
    model.connect(id, setupRng.int(0, peers - 1));
  }
}
let degreeSum = 0;
for (let id = 0; id < peers; id++) degreeSum += model.connections(id).length;
const setupMs = performance.now() - setupStart;

let completedPeers = 0;
let totalBytes = 0;
let closed = 0;
let halfAt: number | null = null;
let allAt: number | null = null;
const tickStart = performance.now();
const cpuStart = process.cpuUsage();
for (let t = 1; t <= ticks; t++) {
  const result = model.tick(t * TICK_MS, TICK_MS);
  let up = 0;
  let down = 0;
  for (let i = 0; i < result.clients.length; i++) {
    up += result.uploaded[i]!;
    down += result.downloaded[i]!;
  }
  if (up !== down) throw new Error(`tick ${t}: ${up} bytes sent but ${down} received`);
  totalBytes += up;
  completedPeers += result.completed.length;
  closed += result.closedBothSeeding.length;
  if (halfAt === null && completedPeers * 2 >= peers - seeders) halfAt = t * TICK_MS;
  if (allAt === null && completedPeers === peers - seeders) allAt = t * TICK_MS;
}
const tickMs = performance.now() - tickStart;
const cpu = process.cpuUsage(cpuStart);
const cpuMs = (cpu.user + cpu.system) / 1000;
const peakRssMiB = process.resourceUsage().maxRSS / 1024;

const targetScenario =
  peers === 10_000 && seeders === 10 && ticks === 720 && pieceSize === 4 * MiB && values.seed === '42';
const figures = {
  scenario: {
    peers,
    seeders,
    ticks,
    tickMs: TICK_MS,
    size: GiB,
    pieceSize,
    maxConnections: MAX_CONNECTIONS,
    seed,
  },
  setup: { ms: Math.round(setupMs), connectAttempts: attempts, meanDegree: degreeSum / peers },
  run: {
    wallMs: Math.round(tickMs),
    cpuMs: Math.round(cpuMs),
    ticksPerSecond: Math.round((ticks / tickMs) * 1000),
    completedPeers,
    totalBytes,
    closedBothSeeding: closed,
    halfCompletedAtS: halfAt === null ? null : halfAt / 1000,
    allCompletedAtS: allAt === null ? null : allAt / 1000,
  },
  peakRssMiB: Math.round(peakRssMiB),
  /** The ≤ 8 s target holds for the default scenario only. */
  target: targetScenario ? { seconds: TARGET_SECONDS, met: tickMs / 1000 <= TARGET_SECONDS } : null,
  machine: { node: process.version, cpu: cpus()[0]?.model.trim() ?? 'unknown', cores: cpus().length },
};

const line = (label: string, value: string): string => `${label.padEnd(22)}${value}`;
process.stdout.write(
  [
    `transfer model: ${peers.toLocaleString('en-US')} peers (${seeders} seeders), ${GiB / MiB} MiB in ` +
      `${Math.ceil(GiB / pieceSize)} pieces, ${ticks} ticks of ${TICK_MS / 1000} s`,
    line('setup', `${figures.setup.ms} ms, mean degree ${figures.setup.meanDegree.toFixed(1)}`),
    line(
      'wall time (ticks)',
      `${(tickMs / 1000).toFixed(2)} s` +
        (figures.target ? ` (target ≤ ${TARGET_SECONDS} s: ${figures.target.met ? 'PASS' : 'MISS'})` : ''),
    ),
    line('CPU time (ticks)', `${(cpuMs / 1000).toFixed(2)} s (other load on the machine inflates wall time)`),
    line('ticks/s', String(figures.run.ticksPerSecond)),
    line('completed peers', `${completedPeers} of ${peers - seeders}`),
    line(
      'half / all done at',
      `${figures.run.halfCompletedAtS ?? '-'} s / ${figures.run.allCompletedAtS ?? '-'} s virtual`,
    ),
    line('total bytes', `${totalBytes.toLocaleString('en-US')} (${(totalBytes / GiB).toFixed(1)} GiB)`),
    line('closed both seeding', String(closed)),
    line('peak RSS', `${figures.peakRssMiB} MiB`),
  ].join('\n') + '\n',
);

const dir = join(import.meta.dirname, 'results');
await mkdir(dir, { recursive: true });
await writeFile(join(dir, 'transferModel.json'), JSON.stringify(figures, null, 2) + '\n');
