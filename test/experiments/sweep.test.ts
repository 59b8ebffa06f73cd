// The runner on real worker threads: same experiment ⇒ same bytes, whatever the parallelism;
// cancelling stops every worker and resolves with what finished; results reload.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readResultFile, writeResultFiles } from '../../electron/experiments/output';
import { runExperiment, type SweepProgress } from '../../electron/experiments/runner';
import { pointsCsv, runsCsv } from '../../shared/experiments/csv';
import { experiment } from './helpers';

/** Records worker threads coming online and exiting. */
function threads() {
  const online = new Set<number>();
  const exited = new Set<number>();
  return {
    online,
    exited,
    onWorker: (e: { threadId: number; state: 'online' | 'exit' }) =>
      (e.state === 'online' ? online : exited).add(e.threadId),
  };
}

describe('sweeps on worker threads', () => {
  it('a sweep with fixed seeds gives byte-identical CSV twice, with 2 workers and with 1', async () => {
    const e = experiment();
    const progress: SweepProgress[] = [];
    const first = await runExperiment(e, { jobs: 2, onProgress: (p) => progress.push(p) });
    const second = await runExperiment(e, { jobs: 2 });
    const serial = await runExperiment(e, { jobs: 1 });
    expect(first.complete).toBe(true);
    expect(first.runs.map((r) => [r.point, r.seed])).toEqual([
      [0, 1],
      [0, 2],
      [1, 1],
      [1, 2],
      [2, 1],
      [2, 2],
      [3, 1],
      [3, 2],
    ]);
    expect(runsCsv(second)).toBe(runsCsv(first));
    expect(pointsCsv(second)).toBe(pointsCsv(first));
    expect(runsCsv(serial)).toBe(runsCsv(first));
    // Every seed is the same for every point: the first column after the settings.
    expect(runsCsv(first).split('\r\n')[0]).toMatch(/^point,label,selection,numwant,seed,clients,/);
    expect(first.runs.every((r) => r.metrics.leechers === 6)).toBe(true);
    // Progress: one report before any run, then one per run; points complete as their seeds do.
    expect(progress.map((p) => p.runsDone)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(progress.at(-1)).toMatchObject({ runsTotal: 8, pointsDone: 4, pointsTotal: 4 });
    expect(progress[0]!.remainingMs).toBeNull();
  }, 30_000);

  it('cancelling mid-sweep stops every worker and resolves with the runs that finished', async () => {
    const e = experiment({ seeds: 12, vary: { selection: ['random', 'newest', 'oldest'], numwant: [2, 4] } });
    const controller = new AbortController();
    const t = threads();
    let abortedAt = 0;
    const result = await runExperiment(e, {
      jobs: 2,
      signal: controller.signal,
      onWorker: t.onWorker,
      onProgress: (p) => {
        if (p.runsDone === 3) {
          abortedAt = performance.now();
          controller.abort();
        }
      },
    });
    expect(performance.now() - abortedAt).toBeLessThan(3_000);
    expect(result.cancelled).toBe(true);
    expect(result.complete).toBe(false);
    expect(result.runs.length).toBeGreaterThanOrEqual(3);
    expect(result.runs.length).toBeLessThan(72);
    expect(t.online.size).toBe(2);
    expect([...t.exited].sort()).toEqual([...t.online].sort());
    // What finished is summarised as usual.
    expect(result.summaries.reduce((s, p) => s + p.runs, 0)).toBe(result.runs.length);
  }, 30_000);

  it('cancelling kills a long run in the middle, promptly', async () => {
    // 3,000 clients for 3 virtual hours: seconds of work per run, nowhere near done when cancelled.
    const e = experiment({ seeds: 2, duration: '3h', vary: { swarmSize: [3000] } });
    const controller = new AbortController();
    const t = threads();
    let abortedAt = 0;
    setTimeout(() => {
      abortedAt = performance.now();
      controller.abort();
    }, 1_500);
    const result = await runExperiment(e, { jobs: 2, signal: controller.signal, onWorker: t.onWorker });
    expect(performance.now() - abortedAt).toBeLessThan(3_000);
    expect(result).toMatchObject({ cancelled: true, complete: false, runs: [] });
    expect([...t.exited].sort()).toEqual([...t.online].sort());
    // Aborted before it starts: nothing runs at all.
    const none = await runExperiment(e, { signal: AbortSignal.abort() });
    expect(none).toMatchObject({ cancelled: true, runs: [] });
  }, 30_000);

  it('results written to a folder load again and give the same tables', async () => {
    const result = await runExperiment(experiment({ seeds: 2, vary: { numwant: [2, 4] } }), { jobs: 2 });
    const dir = mkdtempSync(join(tmpdir(), 'sweep-'));
    const files = await writeResultFiles(result, dir);
    expect(files.map((f) => f.slice(dir.length + 1))).toEqual(
      expect.arrayContaining(['result.json', 'runs.csv', 'points.csv', 'table.md', 'charts/cdf.svg']),
    );
    const again = await readResultFile(join(dir, 'result.json'));
    expect(runsCsv(again)).toBe(runsCsv(result));
    expect(pointsCsv(again)).toBe(pointsCsv(result));
    expect(again.summaries).toEqual(result.summaries);
  }, 30_000);
});
