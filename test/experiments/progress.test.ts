// What a view makes of a sweep's reports: runs gathered once each, a new sweep starting over, and
// the table and charts built from whatever has finished so far; saved results open again.
import { describe, expect, it } from 'vitest';
import { loadExperiment } from '../../electron/experiments/load';
import { experimentCharts } from '../../shared/experiments/charts/experimentCharts';
import {
  gatherProgress,
  percentDone,
  viewResult,
  type ExperimentProgress,
} from '../../shared/experiments/progress';
import { readResultText, resultFileName, resultFileText } from '../../shared/experiments/resultFile';
import type { RunRecord } from '../../shared/experiments/summary';
import { resultRows, resultTable } from '../../shared/experiments/table';
import { runMetrics, smallSwarm } from './helpers';

const experiment = loadExperiment({
  name: 'Two by two',
  base: smallSwarm(),
  seeds: 2,
  vary: { selection: ['random', 'newest'] },
});

function run(point: number, seed: number): RunRecord {
  const times = [10 + point, 20 + seed];
  return {
    point,
    seed,
    wallMs: 5,
    metrics: runMetrics({ completionTimes: times, completionMean: 15 + point + seed / 2 }),
  };
}

function report(id: number, done: number, runs: RunRecord[], state: ExperimentProgress['state'] = 'running') {
  return {
    id,
    state,
    experiment,
    done,
    total: 4,
    pointsDone: Math.floor(done / 2),
    pointsTotal: 2,
    startedAt: '2026-11-22T06:00:00.000Z',
    jobs: 2,
    elapsedMs: done * 100,
    etaMs: done === 0 ? null : (4 - done) * 100,
    runs,
  } satisfies ExperimentProgress;
}

describe('a sweep as a view sees it', () => {
  it('gathers each run once, in arrival order, and a new sweep id starts over', () => {
    let view = gatherProgress(null, report(1, 0, []));
    view = gatherProgress(view, report(1, 1, [run(1, 2)]));
    view = gatherProgress(view, report(1, 2, [run(0, 1)]));
    // A view greeted mid-sweep is sent every run so far: nothing is counted twice.
    view = gatherProgress(view, report(1, 2, [run(1, 2), run(0, 1)]));
    expect(view.runs.map((r) => [r.point, r.seed])).toEqual([
      [1, 2],
      [0, 1],
    ]);
    expect(view.progress.done).toBe(2);
    const next = gatherProgress(view, report(2, 1, [run(0, 2)]));
    expect(next.runs.map((r) => [r.point, r.seed])).toEqual([[0, 2]]);
  });

  it('the table and charts of a partial sweep show what finished, in the canonical order', () => {
    let view = gatherProgress(null, report(1, 0, []));
    expect(resultRows(viewResult(view)).rows.map((r) => r.cells.slice(0, 3))).toEqual([
      ['random', '0', '–'],
      ['newest', '0', '–'],
    ]);
    // Nothing finished: no chart has anything to show but the empty CDF.
    expect(experimentCharts(viewResult(view)).map((c) => c.kind)).toEqual(['cdf']);

    view = gatherProgress(view, report(1, 1, [run(1, 2)]));
    const partial = viewResult(view);
    expect(partial).toMatchObject({ complete: false, cancelled: false });
    expect(partial.timing).toEqual({ startedAt: '2026-11-22T06:00:00.000Z', wallMs: 100, jobs: 2 });
    expect(resultRows(partial)).toEqual({
      header: [
        'selection',
        'seeds',
        'mean completion',
        'p90 completion',
        'finished',
        'stale peers',
        'cut off',
        'tracker req/min',
        'seeder utilisation',
      ],
      rows: [
        { point: 0, cells: ['random', '0', '–', '–', '–', '–', '–', '–', '–'] },
        { point: 1, cells: ['newest', '1', '17.0 s', '–', '100.0 %', '0.0 %', '0.0 %', '6.0/min', '50.0 %'] },
      ],
    });
    const charts = experimentCharts(partial);
    expect(charts.map((c) => [c.kind, c.file])).toEqual([
      ['cdf', 'cdf.svg'],
      ['lines', 'completionmean-vs-selection.svg'],
      ['lines', 'finishedshare-vs-selection.svg'],
      ['lines', 'staleshare-vs-selection.svg'],
      ['lines', 'cutoffleechershare-vs-selection.svg'],
      ['lines', 'requestsperminute-vs-selection.svg'],
      ['lines', 'seederutilisation-vs-selection.svg'],
      ['boxes', 'completionmean-box.svg'],
      ['boxes', 'staleshare-box.svg'],
      ['boxes', 'requestsperminute-box.svg'],
      ['boxes', 'seederutilisation-box.svg'],
    ]);
    expect(charts[1]!.title).toBe('mean completion time by selection (mean, 95% CI)');

    for (const [done, r] of [
      [2, run(0, 1)],
      [3, run(0, 2)],
      [4, run(1, 1)],
    ] as const)
      view = gatherProgress(view, report(1, done, [r]));
    view = gatherProgress(view, report(1, 4, [], 'done'));
    const whole = viewResult(view);
    expect(whole.complete).toBe(true);
    expect(whole.runs.map((r) => [r.point, r.seed])).toEqual([
      [0, 1],
      [0, 2],
      [1, 1],
      [1, 2],
    ]);
    expect(resultTable(whole).split('\n')[2]).toBe(
      '| random    | 2     | 15.8 ± 3.2 s    | –              | 100.0 ± 0.0 % | 0.0 ± 0.0 % | 0.0 ± 0.0 % | 6.0 ± 0.0/min   | 50.0 ± 0.0 %       |',
    );
  });

  it('a cancelled sweep is saved as cancelled', () => {
    const view = gatherProgress(
      gatherProgress(null, report(1, 1, [run(0, 1)])),
      report(1, 1, [], 'cancelled'),
    );
    expect(viewResult(view)).toMatchObject({ cancelled: true, complete: false });
  });

  it('percent done rounds down, and an empty sweep is done', () => {
    expect([percentDone(0, 4), percentDone(1, 3), percentDone(4, 4), percentDone(0, 0)]).toEqual([
      0, 33, 100, 100,
    ]);
  });
});

describe('saved results', () => {
  const view = gatherProgress(null, report(1, 2, [run(0, 1), run(1, 1)], 'done'));
  const result = viewResult(view);

  it('save as JSON and open again to the same table', () => {
    expect(resultFileName(result)).toBe('two-by-two.result.json');
    const opened = readResultText(resultFileText(result));
    expect(opened.ok && resultTable(opened.result)).toBe(resultTable(result));
    expect(opened.ok && opened.result.runs).toEqual(result.runs);
  });

  it('a file that is not a result is refused with the problems', () => {
    expect(readResultText('{')).toEqual({
      ok: false,
      errors: [expect.stringMatching(/^\(root\): not valid JSON: /)],
    });
    const wrong = readResultText(JSON.stringify({ ...result, format: 'something-else', runs: 'none' }));
    expect(wrong).toEqual({
      ok: false,
      errors: [
        'format: Invalid input: expected "tracker-lab/experiment-result"',
        'runs: Invalid input: expected array, received string',
      ],
    });
  });
});
