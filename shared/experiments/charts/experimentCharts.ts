// Which charts a sweep gets, built from its result: completion-time CDFs (a line per value of the
// first varied setting, one chart per combination of the others), each key metric against a
// parameter with error bars, and box plots across seeds. Returns file names and SVG text.
import { metricDefinitions, type MetricKey } from '../metricDefs';
import { formatParamValue, isNumericParam, type ParameterName } from '../params';
import type { ExperimentResult } from '../result';
import { boxesLayout, renderBoxes, type BoxesLayout } from './boxes';
import { cdfLayout, renderCdf, type CdfLayout, type CdfSeries } from './cdf';
import { linesLayout, renderLines, type LineSeries, type LinesLayout } from './lines';

/** A chart as a file (its SVG) and as its layout (positions in px, for the app to draw). */
export type ChartFile = { file: string; title: string; svg: string } & (
  | { kind: 'cdf'; layout: CdfLayout }
  | { kind: 'lines'; layout: LinesLayout }
  | { kind: 'boxes'; layout: BoxesLayout }
);

export const lineMetrics: MetricKey[] = [
  'completionMean',
  'completionP90',
  'finishedShare',
  'staleShare',
  'cutOffLeecherShare',
  'requestsPerMinute',
  'seederUtilisation',
  'accountingError',
];
export const boxMetrics: MetricKey[] = [
  'completionMean',
  'staleShare',
  'requestsPerMinute',
  'seederUtilisation',
];

export function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function valueOf(result: ExperimentResult, point: number, name: ParameterName): unknown {
  return (result.experiment.points[point]!.params as Record<string, unknown>)[name];
}

function text(result: ExperimentResult, point: number, name: ParameterName): string {
  const v = valueOf(result, point, name);
  return v === undefined ? 'base' : formatParamValue(name, v);
}

/** The varied settings that take more than one value across the points. */
export function multiValued(result: ExperimentResult): ParameterName[] {
  return result.experiment.varied.filter(
    (n) => new Set(result.experiment.points.map((p) => text(result, p.index, n))).size > 1,
  );
}

interface PointGroup {
  /** `a=x b=y` */
  key: string;
  /** `x · y` */
  label: string;
  points: number[];
}

/** Groups points by their values of `names`, in first-seen order. */
function groupBy(result: ExperimentResult, names: readonly ParameterName[]): PointGroup[] {
  const groups = new Map<string, PointGroup>();
  for (const p of result.experiment.points) {
    const key = names.map((n) => `${n}=${text(result, p.index, n)}`).join(' ');
    const group = groups.get(key) ?? {
      key,
      label: names.map((n) => text(result, p.index, n)).join(' · '),
      points: [],
    };
    group.points.push(p.index);
    groups.set(key, group);
  }
  return [...groups.values()];
}

function cdfCharts(result: ExperimentResult, multi: ParameterName[]): ChartFile[] {
  const [seriesParam, ...facetParams] = multi;
  const runs = result.runs;
  const seriesFor = (point: number): CdfSeries => {
    const own = runs.filter((r) => r.point === point);
    return {
      label: seriesParam ? text(result, point, seriesParam) : result.experiment.points[point]!.label,
      times: own.flatMap((r) => r.metrics.completionTimes).sort((a, b) => a - b),
      total: own.reduce((s, r) => s + r.metrics.leechers, 0),
    };
  };
  return groupBy(result, facetParams).map(({ key, points }) => {
    const title = `Completion time CDF${key ? ` — ${key}` : ''}`;
    const layout = cdfLayout(points.map(seriesFor), title, seriesParam ?? 'point');
    return {
      file: `cdf${key ? `-${slug(key)}` : ''}.svg`,
      kind: 'cdf',
      title,
      svg: renderCdf(layout),
      layout,
    };
  });
}

function lineCharts(result: ExperimentResult, multi: ParameterName[]): ChartFile[] {
  if (multi.length === 0) return [];
  const xParam = multi.find(isNumericParam) ?? multi[0]!;
  const others = multi.filter((n) => n !== xParam);
  const groups = groupBy(result, others);
  return lineMetrics.flatMap((key) => {
    const def = metricDefinitions[key];
    const series: LineSeries[] = groups.map(({ label, points }) => ({
      label: label || def.label,
      points: points.map((p) => {
        const m = result.summaries[p]!.metrics[key];
        const v = valueOf(result, p, xParam);
        return {
          x: isNumericParam(xParam) && typeof v === 'number' ? v : text(result, p, xParam),
          mean: m.mean,
          low: m.low,
          high: m.high,
        };
      }),
    }));
    if (series.every((s) => s.points.every((p) => p.mean === null))) return [];
    const layout = linesLayout({
      series,
      title: `${def.label} by ${xParam} (mean, 95% CI)`,
      xLabel: xParam,
      yLabel: def.unit === 's' ? `${def.label} (s)` : def.label,
      unit: def.unit,
      legendTitle: others.join(' · '),
    });
    return [
      {
        file: `${slug(key)}-vs-${slug(xParam)}.svg`,
        kind: 'lines',
        title: layout.title,
        svg: renderLines(layout),
        layout,
      },
    ];
  });
}

function boxCharts(result: ExperimentResult, multi: ParameterName[]): ChartFile[] {
  const label = (point: number) =>
    multi.length === 0
      ? result.experiment.points[point]!.label
      : multi.map((n) => text(result, point, n)).join(' · ');
  // Colour by the first varied setting, as the CDFs and the lines do.
  const seriesKeys = result.experiment.points.map((p) =>
    multi[0] ? text(result, p.index, multi[0]) : p.label,
  );
  const seriesOf = (point: number) => [...new Set(seriesKeys)].indexOf(seriesKeys[point]!);
  return boxMetrics.flatMap((key) => {
    const def = metricDefinitions[key];
    const boxes = result.summaries.map((s) => ({
      label: label(s.point),
      series: seriesOf(s.point),
      box: s.metrics[key].box,
      values: s.metrics[key].values.filter((v): v is number => v !== null),
    }));
    if (boxes.every((b) => b.box === null)) return [];
    const layout = boxesLayout({
      boxes,
      title: `${def.label} across seeds`,
      yLabel: def.unit === 's' ? `${def.label} (s)` : def.label,
      unit: def.unit,
    });
    return [
      { file: `${slug(key)}-box.svg`, kind: 'boxes', title: layout.title, svg: renderBoxes(layout), layout },
    ];
  });
}

export function experimentCharts(result: ExperimentResult): ChartFile[] {
  const multi = multiValued(result);
  return [...cdfCharts(result, multi), ...lineCharts(result, multi), ...boxCharts(result, multi)];
}
