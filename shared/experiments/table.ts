// The result table people read (terminal, README): one row per point, the varied settings, then a
// few metrics as mean ± 95% interval across seeds. Markdown, so it pastes into docs as it is.
import { formatMeanCi, metricDefinitions, type MetricKey } from './metricDefs';
import { formatParamValue, type ParameterName } from './params';
import type { ExperimentResult } from './result';

export const defaultTableMetrics: MetricKey[] = [
  'completionMean',
  'completionP90',
  'finishedShare',
  'staleShare',
  'cutOffLeecherShare',
  'requestsPerMinute',
  'seederUtilisation',
];

const shortLabels: Partial<Record<MetricKey, string>> = {
  completionMean: 'mean completion',
  completionP90: 'p90 completion',
  finishedShare: 'finished',
  staleShare: 'stale peers',
  cutOffLeecherShare: 'cut off',
  requestsPerMinute: 'tracker req/min',
  seederUtilisation: 'seeder utilisation',
};

export interface ResultRows {
  header: string[];
  /** One per point: the varied settings (or the point's label), seeds finished, each metric. */
  rows: { point: number; cells: string[] }[];
}

/** The table's cells: the app shows them as a table, the terminal and docs as Markdown. */
export function resultRows(result: ExperimentResult, metrics: MetricKey[] = defaultTableMetrics): ResultRows {
  const varied = result.experiment.varied;
  const header = [
    ...(varied.length === 0 ? ['point'] : varied),
    'seeds',
    ...metrics.map((k) => shortLabels[k] ?? metricDefinitions[k].label),
  ];
  const rows = result.summaries.map((s) => {
    const params = result.experiment.points[s.point]!.params as Record<string, unknown>;
    const settings =
      varied.length === 0
        ? [s.label]
        : varied.map((n) => (params[n] === undefined ? '' : formatParamValue(n as ParameterName, params[n])));
    const cells = [
      ...settings,
      String(s.runs),
      ...metrics.map((k) =>
        formatMeanCi(s.metrics[k].mean, s.metrics[k].halfWidth, metricDefinitions[k].unit),
      ),
    ];
    return { point: s.point, cells };
  });
  return { header, rows };
}

export function resultTable(result: ExperimentResult, metrics: MetricKey[] = defaultTableMetrics): string {
  const { header, rows } = resultRows(result, metrics);
  const lines = rows.map((r) => r.cells);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const row = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return (
    [row(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...lines.map(row)].join('\n') + '\n'
  );
}
