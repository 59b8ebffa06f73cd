import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scenarioPresets } from '../../electron/sim/presets';

const root = resolve(import.meta.dirname, '../..');
const tsx = join(root, 'node_modules/.bin/tsx');

function sim(...args: string[]) {
  const r = spawnSync(tsx, ['electron/cli/sim.ts', ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('npm run sim', () => {
  it('list prints one preset per line: kebab-case name, two spaces, a one-line description', () => {
    const { code, stdout } = sim('list');
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines.map((l) => l.split(/\s+/)[0])).toEqual(scenarioPresets.map((p) => p.name));
    for (const line of lines) expect(line).toMatch(/^[a-z0-9-]+ {2,}\S.*\.$/);
  });

  it('run writes the NDJSON event log and the report, and prints truth beside credit', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sim-cli-'));
    const events = join(dir, 'events.ndjson');
    const report = join(dir, 'report.json');
    const { code, stdout } = sim(
      'run',
      'lost-final-credit',
      '--until',
      '1h',
      '--events',
      events,
      '--report',
      report,
    );
    expect(code).toBe(0);
    expect(stdout).toMatch(/^lost-final-credit \(seed 104\): 1h00m00s simulated in [\d.]+ s, \d+ events/);
    expect(stdout).toContain('credited up');
    const lines = readFileSync(events, 'utf8')
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as { seq: number; t: number });
    expect(lines.map((e) => e.seq)).toEqual(lines.map((_, i) => i));
    expect(lines.at(-1)!.t).toBeLessThanOrEqual(3_600_000);
    const json = JSON.parse(readFileSync(report, 'utf8')) as {
      events: number;
      endMs: number;
      clients: { name: string }[];
    };
    expect(json.events).toBe(lines.length);
    expect(json.endMs).toBe(3_600_000);
    expect(json.clients.map((c) => c.name)).toEqual(['seeder', 'quitter', 'crasher']);
  }, 60_000);

  it('an invalid scenario file is refused with the JSON path of each problem', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sim-cli-'));
    const file = join(dir, 'bad.json');
    writeFileSync(
      file,
      JSON.stringify({ name: 'bad', torrents: [{ id: 't', size: 10 }], groups: [{ name: 'a', count: -1 }] }),
    );
    const { code, stderr } = sim('run', file);
    expect(code).toBe(1);
    expect(stderr).toContain('groups[0].count: Too small: expected number to be >=1');
  });

  it('an unknown preset and a bad option are usage errors (exit 2)', () => {
    expect(sim('run', 'no-such-preset').code).toBe(2);
    expect(sim('run', 'steady-swarm', '--transport', 'carrier-pigeon').code).toBe(2);
  });
});
