// Experiments through the engine host, as the app runs them: progress reaches every view one run at
// a time, the gathered runs equal a direct sweep's, one sweep at a time, cancel stops every worker.
import { afterEach, describe, expect, it } from 'vitest';
import { EngineHost } from '../../electron/engine/host';
import { ExperimentSession } from '../../electron/experiments/hostSession';
import { loadExperiment } from '../../electron/experiments/load';
import { runExperiment } from '../../electron/experiments/runner';
import type { EngineMessage } from '../../shared/bridge';
import { pointsCsv, runsCsv } from '../../shared/experiments/csv';
import {
  gatherProgress,
  viewResult,
  type ExperimentProgress,
  type ExperimentView,
} from '../../shared/experiments/progress';
import { smallSwarm } from './helpers';

const wallClock = {
  now: () => 0,
  setTimeout: (fn: () => void) => setTimeout(fn, 0),
  clearTimeout: (h: unknown) => clearTimeout(h as NodeJS.Timeout),
};

const tiny = {
  name: 'tiny',
  base: smallSwarm(),
  seeds: 2,
  sampleEvery: '30s',
  vary: { selection: ['random', 'newest'], numwant: [2, 4] },
};

let host: EngineHost | null = null;

afterEach(async () => {
  await host?.close();
  host = null;
});

/** A host with one view that said hello, and the experiment reports it received. */
async function hostWithView() {
  host = await EngineHost.create({ wallClock, preset: 'steady-swarm' });
  const reports: ExperimentProgress[] = [];
  const view = host.connect({
    send: (m: EngineMessage) => void (m.kind === 'experiment' && reports.push(m.experiment)),
  });
  await view.request({ kind: 'hello' });
  return { host, view, reports };
}

const over = (reports: ExperimentProgress[]) => reports.some((r) => r.state !== 'running');

describe('experiments in the engine host', () => {
  it('reports every run as it finishes, ends with done, and gathers the same runs as a direct sweep', async () => {
    const { view, reports } = await hostWithView();
    const reply = await view.request({ kind: 'runExperiment', experiment: tiny, jobs: 2 });
    expect(reply).toEqual({ ok: true, value: { id: 1, runs: 8, points: 4, jobs: 2 } });
    await expect.poll(() => over(reports), { timeout: 30_000 }).toBe(true);

    expect(reports.map((r) => r.state)).toEqual([...Array(9).fill('running'), 'done']);
    expect(reports.map((r) => r.done)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 8]);
    expect(reports.map((r) => r.runs.length)).toEqual([0, 1, 1, 1, 1, 1, 1, 1, 1, 0]);
    expect(reports.every((r) => r.total === 8 && r.pointsTotal === 4 && r.id === 1)).toBe(true);
    expect(reports[0]!.etaMs).toBeNull();
    expect(reports.at(-1)).toMatchObject({ pointsDone: 4, etaMs: 0 });

    let gathered: ExperimentView | null = null;
    for (const r of reports) gathered = gatherProgress(gathered, r);
    const inApp = viewResult(gathered!);
    const direct = await runExperiment(loadExperiment(tiny), { jobs: 1 });
    expect(inApp.complete).toBe(true);
    expect(runsCsv(inApp)).toBe(runsCsv(direct));
    expect(pointsCsv(inApp)).toBe(pointsCsv(direct));
    expect(host!.experiments.workers).toBe(0);
  }, 60_000);

  it('a view that says hello later gets the sweep as it stands, every run included', async () => {
    const { host, view, reports } = await hostWithView();
    await view.request({ kind: 'runExperiment', experiment: { ...tiny, vary: { numwant: [2] } }, jobs: 1 });
    await expect.poll(() => over(reports), { timeout: 30_000 }).toBe(true);
    const late: EngineMessage[] = [];
    await host.connect({ send: (m) => void late.push(m) }).request({ kind: 'hello' });
    const report = late.find((m) => m.kind === 'experiment');
    expect(report?.kind === 'experiment' && report.experiment).toMatchObject({ state: 'done', done: 2 });
    expect(report?.kind === 'experiment' && report.experiment.runs.map((r) => [r.point, r.seed])).toEqual([
      [0, 1],
      [0, 2],
    ]);
  }, 60_000);

  it('an invalid experiment is refused with its problems by field', async () => {
    const { view, reports } = await hostWithView();
    const reply = await view.request({
      kind: 'runExperiment',
      experiment: { name: 'bad', base: 'steady-swarm', seeds: 0, vary: { selection: ['fastest'] } },
    });
    expect(reply.ok).toBe(false);
    const error = reply.ok ? '' : reply.error;
    expect(error).toMatch(/^experiment: invalid experiment:\n/);
    expect(error).toContain('  seeds: ');
    expect(error).toContain('  vary.selection[0]: ');
    expect(
      await view.request({ kind: 'runExperiment', experiment: { ...tiny, base: 'no-such-preset' } }),
    ).toEqual({
      ok: false,
      error: 'experiment: invalid experiment:\n  base: no preset named "no-such-preset"',
    });
    expect(reports).toEqual([]);
  });

  it('one sweep at a time; cancel stops every worker and ends with cancelled', async () => {
    const { host, view, reports } = await hostWithView();
    const big = { ...tiny, seeds: 20 };
    expect(await view.request({ kind: 'runExperiment', experiment: big, jobs: 2 })).toMatchObject({
      ok: true,
    });
    expect(await view.request({ kind: 'runExperiment', experiment: tiny })).toEqual({
      ok: false,
      error: 'an experiment is already running: cancel it first',
    });
    await expect.poll(() => reports.some((r) => r.done >= 2), { timeout: 30_000 }).toBe(true);
    expect(host.experiments.workers).toBe(2);
    // The live engine is not blocked while the sweep runs.
    expect(await view.request({ kind: 'command', command: { type: 'seek', to: 60 } })).toEqual({
      ok: true,
      value: null,
    });
    expect(host.current.now).toBe(60_000);

    expect(await view.request({ kind: 'cancelExperiment' })).toEqual({ ok: true, value: null });
    expect(host.experiments.workers).toBe(0);
    expect(host.experiments.busy).toBe(false);
    const last = reports.at(-1)!;
    expect(last.state).toBe('cancelled');
    expect(last.done).toBeLessThan(80);
    expect(reports.filter((r) => r.state !== 'running')).toHaveLength(1);
    expect(await view.request({ kind: 'cancelExperiment' })).toEqual({
      ok: false,
      error: 'no experiment is running',
    });
    // A new sweep may start once the last one is over, under a new id.
    expect(await view.request({ kind: 'runExperiment', experiment: tiny, jobs: 1 })).toMatchObject({
      ok: true,
      value: { id: 2 },
    });
    expect(await view.request({ kind: 'cancelExperiment' })).toEqual({ ok: true, value: null });
  }, 60_000);
});

describe('a sweep that fails', () => {
  it('ends with failed and the runner’s error, and another may start', async () => {
    const messages: EngineMessage[] = [];
    const session = new ExperimentSession((m) => void messages.push(m), {
      run: async (e, options) => {
        options?.onProgress?.({
          runsDone: 0,
          runsTotal: 8,
          pointsDone: 0,
          pointsTotal: 4,
          elapsedMs: 0,
          remainingMs: null,
          last: null,
        });
        throw new Error(`point 2, seed 1: ${e.name} exploded`);
      },
    });
    expect(session.start(tiny, 3)).toEqual({ ok: true, value: { id: 1, runs: 8, points: 4, jobs: 3 } });
    await expect.poll(() => messages.length).toBe(2);
    const reports = messages.map((m) => (m.kind === 'experiment' ? m.experiment : null));
    expect(reports.map((r) => [r?.state, r?.done, r?.error])).toEqual([
      ['running', 0, undefined],
      ['failed', 0, 'point 2, seed 1: tiny exploded'],
    ]);
    expect(session.busy).toBe(false);
    expect(session.start(tiny, 1)).toMatchObject({ ok: true, value: { id: 2 } });
  });
});
