// `npm run sim -- sweep`: files written, errors naming the field, Ctrl-C writing what finished.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { smallSwarm } from './helpers';

const root = resolve(import.meta.dirname, '../..');
const args = (...rest: string[]) => ['--import', 'tsx', 'electron/cli/sim.ts', ...rest];

function experimentFile(contents: unknown): { dir: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'sweep-cli-'));
  const file = join(dir, 'experiment.json');
  writeFileSync(file, JSON.stringify(contents));
  return { dir, file };
}

describe('npm run sim -- sweep', () => {
  it('runs the points on worker threads and writes CSV, JSON, the table and SVG charts', () => {
    const { dir, file } = experimentFile({
      name: 'cli-sweep',
      base: smallSwarm(),
      seeds: 2,
      vary: { selection: ['random', 'seeders-first'] },
    });
    const out = join(dir, 'out');
    const r = spawnSync(process.execPath, args('sweep', file, '--jobs', '2', '--out', out), {
      cwd: root,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(r.status).toBe(0);
    expect(r.stderr).toContain(
      'cli-sweep: 2 points × 2 seeds = 4 runs of 5m00s virtual, on 2 worker threads',
    );
    expect(r.stderr).toMatch(/100% {2}points 2\/2 {2}runs 4\/4/);
    expect(r.stdout).toMatch(/^\| selection +\| seeds \| mean completion/);
    expect(r.stdout).toContain('4 of 4 runs in');
    for (const f of [
      'result.json',
      'runs.csv',
      'points.csv',
      'table.md',
      'charts/cdf.svg',
      'charts/completionmean-box.svg',
    ])
      expect(existsSync(join(out, f)), f).toBe(true);
    expect(readFileSync(join(out, 'runs.csv'), 'utf8').split('\r\n')).toHaveLength(1 + 4 + 1);
  }, 60_000);

  it('an invalid experiment file is refused with one line per problem, naming the field', () => {
    const { file } = experimentFile({
      name: 'bad',
      base: 'flash-crowd',
      seeds: 2,
      vary: { selection: ['fastest'], numwant: [-5] },
    });
    const r = spawnSync(process.execPath, args('sweep', file), {
      cwd: root,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${file}: invalid experiment:\n  vary.selection[0]: Invalid option`);
    expect(r.stderr).toMatch(/\n {2}vary\.numwant\[0\]: Too small/);
  }, 60_000);

  it('Ctrl-C stops the workers and writes the runs that finished (exit code 130)', async () => {
    const { dir, file } = experimentFile({
      name: 'interrupted',
      base: smallSwarm(),
      seeds: 40,
      vary: { selection: ['random', 'newest', 'oldest'], numwant: [2, 4] },
    });
    const out = join(dir, 'out');
    const child = spawn(process.execPath, args('sweep', file, '--jobs', '2', '--out', out), { cwd: root });
    let stderr = '';
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    const code = await new Promise<number | null>((done) => {
      child.stderr.on('data', (d: Buffer) => {
        stderr += d.toString();
        if (/points 1\/6/.test(stderr) && !child.killed) child.kill('SIGINT');
      });
      child.on('exit', (c) => done(c));
    });
    expect(stderr).toContain('cancelling');
    expect(code).toBe(130);
    expect(stdout).toMatch(/cancelled after \w+: \d+ of 240 runs finished; partial results written/);
    const result = JSON.parse(readFileSync(join(out, 'result.json'), 'utf8')) as {
      cancelled: boolean;
      runs: unknown[];
    };
    expect(result.cancelled).toBe(true);
    expect(result.runs.length).toBeGreaterThanOrEqual(40);
    expect(result.runs.length).toBeLessThan(240);
  }, 60_000);
});
