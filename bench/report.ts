// What the benchmark records beside its figures (machine, versions, commit) and the summary table.
import { spawnSync } from 'node:child_process';
import { cpus, loadavg, release, totalmem } from 'node:os';
import type { HttpBenchmarkResult } from './httpBenchmark';
import type { ProfileSummary } from './profiler';
import type { UdpBenchmarkResult, UdpServerFigures } from './udpBenchmark';

export interface Machine {
  node: string;
  v8: string;
  cpuModel: string;
  cores: number;
  memoryGiB: number;
  os: string;
  date: string;
  wrk: string;
  commit: string | null;
  /** Uncommitted changes under electron/ or shared/ when the benchmark ran (the figures are for those). */
  dirtyFiles: string[];
  /** 1-minute load averages at the start and the end: other work on the machine skews the figures. */
  loadAverage1m: { start: number; end: number };
}

const loadAverage = (): number => Math.round(loadavg()[0]! * 100) / 100;
const loadAtStart = loadAverage();

function dirtyFiles(cwd: string): string[] {
  const status = spawnSync('git', ['status', '--porcelain', '--', 'electron', 'shared'], {
    cwd,
    encoding: 'utf8',
  });
  if (status.status !== 0) return [];
  return status.stdout.split('\n').filter((line) => line.trim() !== '');
}

export function machineInfo(wrk: string, cwd: string): Machine {
  const git = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd, encoding: 'utf8' });
  return {
    node: process.version,
    v8: process.versions.v8,
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
    cores: cpus().length,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    os: `${process.platform} ${release()}`,
    date: new Date().toISOString(),
    wrk,
    commit: git.status === 0 ? git.stdout.trim() : null,
    dirtyFiles: dirtyFiles(cwd),
    loadAverage1m: { start: loadAtStart, end: loadAverage() },
  };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export interface ServerFigures {
  label: string;
  requestsPerSecond: number;
  latencyMs: { p50: number; p90: number; p99: number };
  serverCpuPercent: number;
  /** The server process's CPU time per request (all threads), in microseconds. */
  cpuUsPerRequest: number;
  bytesPerResponse: number;
  errors: number;
  runs: number[];
}

const num = (n: number, digits = 0): string =>
  n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** Columns aligned per `align` ('l' or 'r' per column; the first column defaults to left). */
function table(rows: string[][], align = 'l'): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  const pad = (cell: string, c: number): string =>
    (align[c] ?? 'r') === 'l' ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!);
  return rows.map((r) => r.map(pad).join('  ').trimEnd()).join('\n');
}

export function httpTable(servers: ServerFigures[]): string {
  return table([
    ['server', 'req/s (median)', 'runs', 'p50 ms', 'p90 ms', 'p99 ms', 'CPU', 'CPU µs/req', 'B/resp'],
    ...servers.map((s) => [
      s.label,
      num(s.requestsPerSecond),
      s.runs.map((r) => num(r)).join(' / '),
      num(s.latencyMs.p50, 2),
      num(s.latencyMs.p90, 2),
      num(s.latencyMs.p99, 2),
      `${num(s.serverCpuPercent)}%`,
      num(s.cpuUsPerRequest, 1),
      num(s.bytesPerResponse),
    ]),
  ]);
}

export function udpTable(servers: UdpServerFigures[]): string {
  return table([
    [
      'server',
      'announces/s (median)',
      'runs',
      'p50 ms',
      'p90 ms',
      'p99 ms',
      'p99.9 ms',
      'CPU',
      'CPU µs/ann',
      'B/resp',
    ],
    ...servers.map((s) => [
      s.label,
      num(s.announcesPerSecond),
      s.runs.map((r) => num(r)).join(' / '),
      num(s.latencyMs.p50, 3),
      num(s.latencyMs.p90, 3),
      num(s.latencyMs.p99, 3),
      num(s.latencyMs.p999, 3),
      `${num(s.serverCpuPercent)}%`,
      num(s.cpuUsPerAnnounce, 1),
      num(s.bytesPerAnswer),
    ]),
  ]);
}

export function verdict(ok: boolean): string {
  return ok ? 'PASS' : 'MISS';
}

export function profileTable(profile: ProfileSummary, rows = 15): string {
  const areas = Object.entries(profile.byArea)
    .map(([area, pct]) => `${area} ${pct}%`)
    .join(', ');
  return (
    `self time by area: ${areas}\n` +
    table(
      [
        ['self %', 'function', 'file:line'],
        ...profile.top.slice(0, rows).map((f) => [`${f.selfPercent.toFixed(1)}`, f.name, f.location]),
      ],
      'rll',
    )
  );
}

export interface MemoryFigures {
  peers: number;
  torrents: number;
  fillMs: number;
  bytesPerPeer: number;
  storageBytesPerPeer: number;
  [field: string]: unknown;
}

export interface Report {
  machine: Machine;
  parameters: { http: { wrk: string; peers: number; torrents: number }; udp: { load: string } };
  http: HttpBenchmarkResult & { targetRatio: number; pass: boolean };
  udp: UdpBenchmarkResult;
  memory: MemoryFigures & { targetBytesPerPeer: number; pass: boolean };
}

const pct = (ratio: number): string => `${(ratio * 100).toFixed(1)}%`;

function eventMixText(mix: Record<string, number>): string {
  const total = Object.values(mix).reduce((a, b) => a + b, 0);
  return Object.entries(mix)
    .map(([name, n]) => `${name} ${((100 * n) / Math.max(1, total)).toFixed(1)}%`)
    .join(', ');
}

export function summaryText(report: Report): string {
  const { machine: m, http, memory, udp } = report;
  const u = udp.results;
  const ust = udp.stages.us;
  const r = http.results;
  const st = http.stages.us;
  const sample = http.sampleAfter;
  const lines = [
    `Tracker Lab tracker benchmark — ${m.cpuModel} (${m.cores} cores), node ${m.node}, wrk ${m.wrk}, ` +
      `commit ${m.commit ?? '?'}${m.dirtyFiles.length ? ' + uncommitted changes' : ''}, ${m.date}`,
    '',
    `HTTP announce load, keep-alive on loopback: ${num(report.parameters.http.peers)} peers in ` +
      `${num(report.parameters.http.torrents)} torrents, compact=1, numwant=50; wrk ${report.parameters.http.wrk}`,
    httpTable([r.bare!, r.bareBusy!, r.tracker!, r.trackerWithSink!]),
    ...(r.bare!.serverCpuPercent < 90
      ? [
          `WARNING: the bare server got only ${num(r.bare!.serverCpuPercent)}% of a core (load average ` +
            `${m.loadAverage1m.start} → ${m.loadAverage1m.end}): other work competed for the CPUs; rerun on a quiet machine.`,
        ]
      : []),
    '',
    `tracker / bare:          ${pct(http.ratio)} (target ≥ ${pct(http.targetRatio)}) ${verdict(http.pass)}`,
    `tracker + sink / bare:   ${pct(http.ratioWithSink)}`,
    `calibration: bare + ${num(r.bareBusy!.cpuUsPerRequest - r.bare!.cpuUsPerRequest, 1)} µs more CPU per request ` +
      `serves ${pct(r.bareBusy!.requestsPerSecond / r.bare!.requestsPerSecond)} of bare: on this 2-core loopback setup a ` +
      `server slower than wrk also pays the wake-ups, so a fixed cost counts about twice.`,
    `wrk errors: ${r.bare!.errors + r.tracker!.errors + r.trackerWithSink!.errors}; event mix sent to the trackers: ` +
      eventMixText(http.eventMix),
    `tracker responses after the load: ${sample.peersPerResponse.median} peers (min ${sample.peersPerResponse.min}), ` +
      `${sample.bodyBytes.median} B body, ${sample.failures} failures in ${sample.responses}`,
    '',
    `Where a periodic announce's CPU time goes (µs per request):`,
    table(
      [
        ['bare node:http server process (all of node:http)', num(r.bare!.cpuUsPerRequest, 1)],
        ['tracker server process', num(r.tracker!.cpuUsPerRequest, 1)],
        ['  router in-process, no sockets (handleHttp)', num(st.router, 1)],
        ['    parse: parseAnnounceQuery', num(st.parse, 1)],
        ['    tracker.announce, numwant=50', num(st.announce, 1)],
        ['      of which: select + answer 50 peers (vs numwant=0)', num(st.selectAndAnswer50, 1)],
        ['    encodeAnnounce (50 peers, compact)', num(st.encode, 1)],
      ],
      'lr',
    ),
    '',
    `UDP announce load (BEP 15) on loopback: the same peers, num_want 50, BEP 41 URLData; ${report.parameters.udp.load}`,
    udpTable([u.bare, u.tracker, u.trackerWithSink]),
    `tracker / bare (UDP):    ${pct(udp.ratio)}; tracker + sink / bare: ${pct(udp.ratioWithSink)}; ` +
      `tracker UDP / tracker HTTP: ${pct(u.tracker.announcesPerSecond / r.tracker!.requestsPerSecond)}`,
    `load generator CPU: ${num(u.bare.generatorCpuPercent)}% (bare) / ${num(u.tracker.generatorCpuPercent)}% ` +
      `(tracker) of a core; errors ${u.bare.errors + u.tracker.errors + u.trackerWithSink.errors}, ` +
      `lost ${u.bare.timeouts + u.tracker.timeouts + u.trackerWithSink.timeouts}; ` +
      `answers carry ${u.tracker.peersPerAnswer} peers; event mix: ${eventMixText(udp.eventMix)}`,
    '',
    `Where a periodic UDP announce's CPU time goes (µs per request):`,
    table(
      [
        ['bare node:dgram server process', num(u.bare.cpuUsPerAnnounce, 1)],
        ['tracker server process', num(u.tracker.cpuUsPerAnnounce, 1)],
        ['  UDP router in-process, no sockets (handleUdp)', num(ust.router, 1)],
        ['    connection id check (HMAC-SHA256)', num(ust.verify, 1)],
        ['    decodeAnnounce (BEP 41 URLData included)', num(ust.decode, 1)],
        ['    tracker.announce, num_want 50', num(ust.announce, 1)],
        ['    encodeAnnounce (50 peers)', num(ust.encode, 1)],
      ],
      'lr',
    ),
    '',
    `Memory at ${num(memory.peers)} peers in ${num(memory.torrents)} torrents: ` +
      `${memory.bytesPerPeer.toFixed(1)} B/peer (heapUsed + arrayBuffers), ` +
      `storageBytes ${memory.storageBytesPerPeer.toFixed(1)} B/peer ` +
      `(target ≤ ${memory.targetBytesPerPeer}) ${verdict(memory.pass)}`,
  ];
  if (http.profile) {
    lines.push(
      '',
      `CPU profile of the tracker under the same load (${http.profile.file}):`,
      profileTable(http.profile),
    );
  }
  return lines.join('\n') + '\n';
}

export { num };
