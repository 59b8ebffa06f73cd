// `npm run bench:sim`: the whole simulation (tracker, clients, transfers, event log) as fast as
// possible. 1) 10,000 peers on one torrent for one virtual hour, in-process (target ≤ 20 s wall);
// 2) 1,000 peers over real HTTP on loopback (target ≥ 100× faster than real time).
// Figures go to bench/results/sim.json. Each scenario runs in its own child process so that peak
// memory is its own.
import { execFileSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ScenarioInput } from '../shared/sim/scenario';

export const scenarios: Record<
  'large' | 'http',
  { scenario: ScenarioInput; transport: 'inproc' | 'http'; target: string }
> = {
  large: {
    transport: 'inproc',
    target: '≤ 20 s wall',
    scenario: {
      name: 'bench-10k',
      description: '10,000 peers on one 1 GiB torrent: 10 seeders, 9,990 leechers arriving over 10 minutes.',
      seed: 42,
      duration: '1h',
      torrents: [{ id: 'big', size: '1GiB', pieceSize: '4MiB' }],
      groups: [
        { name: 'seed', count: 10, profile: 'transmission-1.32', have: 'all', uploadCapacity: '2MiB/s' },
        {
          name: 'peer',
          count: 9_990,
          profile: 'libtorrent-2.0',
          arrival: { type: 'flash-crowd', at: 0, over: '10m' },
          uploadCapacity: { uniform: ['256KiB/s', '2MiB/s'] },
          downloadCapacity: { uniform: ['1MiB/s', '8MiB/s'] },
          seedTime: { uniform: ['10m', '30m'] },
        },
      ],
    },
  },
  http: {
    transport: 'http',
    target: '≥ 100× real time',
    scenario: {
      name: 'bench-1k-http',
      description:
        '1,000 peers over real HTTP on loopback: 5 seeders, 995 leechers arriving over 10 minutes.',
      seed: 42,
      duration: '1h',
      torrents: [{ id: 'mid', size: '512MiB', pieceSize: '2MiB' }],
      groups: [
        { name: 'seed', count: 5, profile: 'transmission-1.32', have: 'all', uploadCapacity: '2MiB/s' },
        {
          name: 'peer',
          count: 995,
          profile: 'transmission-1.32',
          arrival: { type: 'flash-crowd', at: 0, over: '10m' },
          uploadCapacity: { uniform: ['256KiB/s', '2MiB/s'] },
          downloadCapacity: { uniform: ['1MiB/s', '8MiB/s'] },
          seedTime: { uniform: ['10m', '30m'] },
        },
      ],
    },
  },
};

const here = dirname(fileURLToPath(import.meta.url));

async function main(): Promise<void> {
  const figures: Record<string, unknown> = {};
  for (const key of ['large', 'http'] as const) {
    process.stderr.write(`running ${scenarios[key].scenario.name} (${scenarios[key].transport}) …\n`);
    const out = execFileSync(process.execPath, ['--import', 'tsx', join(here, 'simRun.ts'), key], {
      cwd: resolve(here, '..'),
      encoding: 'utf8',
      maxBuffer: 1 << 24,
    });
    figures[key] = JSON.parse(out.trim().split('\n').at(-1)!);
  }
  const large = figures.large as RunFigures;
  const http = figures.http as RunFigures;
  const result = {
    machine: {
      node: process.version,
      cpuModel: cpus()[0]?.model ?? 'unknown',
      cores: cpus().length,
      memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
      date: new Date().toISOString(),
      loadAverage1m: loadavg()[0],
    },
    large: { ...large, target: scenarios.large.target, met: large.wallSeconds <= 20 },
    http: { ...http, target: scenarios.http.target, met: http.speedUp >= 100 },
  };
  const dir = resolve(here, 'results');
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'sim.json'), JSON.stringify(result, null, 2) + '\n');
  const line = (f: RunFigures) =>
    `${f.wallSeconds.toFixed(2)} s wall for ${f.virtualSeconds} s virtual (${Math.round(f.speedUp)}× real time), ` +
    `${f.events.toLocaleString('en-US')} events (${Math.round(f.eventsPerSecond).toLocaleString('en-US')}/s), ` +
    `peak RSS ${f.peakRssMiB} MiB, ${f.completed} downloads completed`;
  process.stdout.write(
    [
      `Tracker Lab simulation benchmark — ${result.machine.cpuModel} (${result.machine.cores} cores), node ${result.machine.node}`,
      '',
      `10,000 peers, in-process:  ${line(large)}`,
      `  target ${scenarios.large.target}: ${result.large.met ? 'PASS' : 'MISS'}`,
      `1,000 peers, HTTP:         ${line(http)}`,
      `  target ${scenarios.http.target}: ${result.http.met ? 'PASS' : 'MISS'}`,
      '',
      'written bench/results/sim.json',
      '',
    ].join('\n'),
  );
}

export interface RunFigures {
  wallSeconds: number;
  virtualSeconds: number;
  speedUp: number;
  events: number;
  eventsPerSecond: number;
  peakRssMiB: number;
  completed: number;
  requests: number;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) void main();
