// Running wrk (https://github.com/wg/wrk) with announce.lua and reading the JSON its done() prints.
import { spawn, spawnSync } from 'node:child_process';
import { track } from './children';

export interface WrkResult {
  requests: number;
  durationUs: number;
  bytes: number;
  errors: { connect: number; read: number; write: number; status: number; timeout: number };
  latencyUs: {
    mean: number;
    stdev: number;
    max: number;
    p50: number;
    p90: number;
    p99: number;
    p999: number;
  };
  events: { started: number; completed: number; stopped: number; periodic: number };
}

export interface WrkRun {
  url: string;
  script: string;
  scriptArgs: string[];
  threads: number;
  connections: number;
  seconds: number;
}

export const WRK_INSTALL_HINT =
  'wrk is not installed. Install it with:\n' +
  '  Debian/Ubuntu: sudo apt-get install -y wrk\n' +
  '  macOS:         brew install wrk\n' +
  '  from source:   https://github.com/wg/wrk (make; put wrk on PATH)';

/** wrk's version string, or null when it is not on PATH. */
export function wrkVersion(): string | null {
  const run = spawnSync('wrk', ['-v'], { encoding: 'utf8' });
  if (run.error) return null;
  const banner = `${run.stdout}${run.stderr}`;
  return /^wrk (\S+)/m.exec(banner)?.[1] ?? 'unknown';
}

export function requestsPerSecond(r: WrkResult): number {
  return r.requests / (r.durationUs / 1e6);
}

export function errorCount(r: WrkResult): number {
  const e = r.errors;
  return e.connect + e.read + e.write + e.status + e.timeout;
}

export function runWrk(run: WrkRun): Promise<WrkResult> {
  const args = [
    `-t${run.threads}`,
    `-c${run.connections}`,
    `-d${run.seconds}s`,
    '--timeout',
    '5s',
    '-s',
    run.script,
    run.url,
    '--',
    ...run.scriptArgs,
  ];
  return new Promise((resolve, reject) => {
    const child = spawn('wrk', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    track(child);
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', (err) => reject(new Error(`cannot run wrk: ${err.message}\n${WRK_INSTALL_HINT}`)));
    child.on('exit', (code, signal) => {
      const line = /^WRK_JSON (.*)$/m.exec(out)?.[1];
      if (code !== 0 || !line) {
        reject(new Error(`wrk ${args.join(' ')} failed (${signal ?? `exit ${code}`}):\n${out.trim()}`));
      } else resolve(JSON.parse(line) as WrkResult);
    });
  });
}
