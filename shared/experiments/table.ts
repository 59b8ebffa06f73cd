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

export function resultTable(result: ExperimentResult, metrics: MetricKey[] = defaultTableMetrics): string {
  const varied = result.experiment.varied;
  const header = [
    ...(varied.length === 0 ? ['point'] : varied),
    'seeds',
    ...metrics.map((k) => shortLabels[k] ?? metricDefinitions[k].label),
  ];
  const lines = result.summaries.map((s) => {
    const params = result.experiment.points[s.point]!.params as Record<string, unknown>;
    const settings =
      varied.length === 0
        ? [s.label]
        : varied.map((n) => (params[n] === undefined ? '' : formatParamValue(n as ParameterName, params[n])));
    return [
      ...settings,
      String(s.runs),
      ...metrics.map((k) =>
        formatMeanCi(s.metrics[k].mean, s.metrics[k].halfWidth, metricDefinitions[k].unit),
      ),
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const row = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return (
    [row(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...lines.map(row)].join('\n') + '\n'
  );
}
