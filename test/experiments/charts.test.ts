// Charts and tables are pure functions of a result: checked here on a hand-made result.
import { describe, expect, it } from 'vitest';
import { boxesLayout } from '../../shared/experiments/charts/boxes';
import { cdfLayout, cdfPoints } from '../../shared/experiments/charts/cdf';
import { experimentCharts } from '../../shared/experiments/charts/experimentCharts';
import { linesLayout } from '../../shared/experiments/charts/lines';
import { pointsCsv, runsCsv } from '../../shared/experiments/csv';
import { formatMeanCi } from '../../shared/experiments/metricDefs';
import { buildResult } from '../../shared/experiments/result';
import { resultTable } from '../../shared/experiments/table';
import { loadExperiment } from '../../electron/experiments/load';
import { runMetrics as metrics, smallSwarm } from './helpers';

function handMadeResult() {
  const experiment = loadExperiment({
    name: 'hand-made',
    base: smallSwarm(),
    seeds: 2,
    vary: { selection: ['random', 'newest'], numwant: [2, 4] },
  });
  const runs = experiment.points.flatMap((p) =>
    experiment.seeds.map((seed) => {
      const times = [10 + p.index, 20 + p.index * seed];
      return {
        point: p.index,
        seed,
        wallMs: 1,
        metrics: metrics({
          completionTimes: times,
          completionMean: (times[0]! + times[1]!) / 2,
          staleShare: 0.1 * seed,
        }),
      };
    }),
  );
  return buildResult(experiment, runs, { cancelled: false, timing: { startedAt: '', wallMs: 0, jobs: 1 } });
}

describe('charts and tables', () => {
  it('the CDF steps at each completion time, over all leechers (unfinished ones keep it below 1)', () => {
    expect(cdfPoints([10, 20, 20, 40], 5)).toEqual([
      { x: 0, y: 0 },
      { x: 10, y: 0.2 },
      { x: 20, y: 0.6 },
      { x: 40, y: 0.8 },
    ]);
    expect(cdfPoints([], 0)).toEqual([{ x: 0, y: 0 }]);
    const layout = cdfLayout([{ label: 'a', times: [10, 20], total: 2 }], 't');
    // Plot area x 72…550 for 0…20 s, y 364…40 for 0…100%: flat to 10 s, up to 50%, flat, up to 100%.
    expect(layout.lines[0]!.d).toBe('M72,364L311,364L311,202L550,202L550,40');
    expect(layout.yTicks.map((t) => t.label)).toEqual(['0%', '20%', '40%', '60%', '80%', '100%']);
  });

  it('a metric against a category: one x per value, error bars spanning the interval', () => {
    const layout = linesLayout({
      series: [
        {
          label: 's',
          points: [
            { x: 'random', mean: 10, low: 5, high: 15 },
            { x: 'newest', mean: 20, low: null, high: null },
          ],
        },
      ],
      title: 't',
      xLabel: 'selection',
      yLabel: 'y',
      unit: 's',
    });
    expect(layout.xTicks.map((t) => t.label)).toEqual(['random', 'newest']);
    const [s] = layout.series;
    expect(s!.dots).toHaveLength(2);
    expect(s!.bars).toHaveLength(1);
    expect(s!.bars[0]!.y1).toBeGreaterThan(s!.dots[0]!.y); // low is further down the screen
    expect(s!.bars[0]!.y2).toBeLessThan(s!.dots[0]!.y);
  });

  it('a box per point from its five numbers, the median inside the box', () => {
    const layout = boxesLayout({
      boxes: [{ label: 'a', box: { min: 1, q1: 2, median: 3, q3: 4, max: 5 }, values: [1, 2, 3, 4, 5] }],
      title: 't',
      yLabel: 'y',
      unit: 'count',
    });
    const b = layout.boxes[0]!;
    expect(b.max).toBeLessThan(b.q3);
    expect(b.q3).toBeLessThan(b.median);
    expect(b.median).toBeLessThan(b.q1);
    expect(b.q1).toBeLessThan(b.min);
    expect(b.dots).toHaveLength(5);
  });

  it('a sweep gets a CDF per value of the other setting, metric lines and box plots, all finite', () => {
    const result = handMadeResult();
    const charts = experimentCharts(result);
    // No p90 or accounting-error chart: those metrics are null in every run.
    expect(charts.map((c) => c.file)).toEqual([
      'cdf-numwant-2.svg',
      'cdf-numwant-4.svg',
      'completionmean-vs-numwant.svg',
      'finishedshare-vs-numwant.svg',
      'staleshare-vs-numwant.svg',
      'cutoffleechershare-vs-numwant.svg',
      'requestsperminute-vs-numwant.svg',
      'seederutilisation-vs-numwant.svg',
      'completionmean-box.svg',
      'staleshare-box.svg',
      'requestsperminute-box.svg',
      'seederutilisation-box.svg',
    ]);
    for (const c of charts) {
      expect(c.svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
      expect(c.svg).not.toMatch(/NaN|undefined|Infinity/);
    }
    expect(experimentCharts(result)).toEqual(charts);
  });

  it('the CSV and the table: settings, seeds, means with their intervals', () => {
    const result = handMadeResult();
    const runs = runsCsv(result).split('\r\n');
    expect(runs).toHaveLength(1 + 8 + 1);
    expect(runs[1]).toMatch(/^0,selection=random numwant=2,random,2,1,7,6,0,6,/);
    const points = pointsCsv(result).split('\r\n');
    // staleShare over seeds 1 and 2 is 0.1 and 0.2: 0.15 ± 12.7062 · 0.0707 / √2.
    const header = points[0]!.split(',');
    const row = points[1]!.split(',');
    const col = (name: string) => Number(row[header.indexOf(name)]);
    expect(col('staleShare_mean')).toBeCloseTo(0.15, 12);
    expect(col('staleShare_ci_high') - col('staleShare_mean')).toBeCloseTo(12.706204736174707 * 0.05, 9);
    expect(col('staleShare_n')).toBe(2);
    expect(resultTable(result).split('\n')[0]).toMatch(
      /^\| selection \| numwant \| seeds \| mean completion /,
    );
    expect(formatMeanCi(754.2, 41.04, 's')).toBe('754 ± 41.0 s');
    expect(formatMeanCi(0.031, 0.004, 'share')).toBe('3.1 ± 0.4 %');
    expect(formatMeanCi(null, null, 'share')).toBe('–');
  });
});
