// The sweep's tables as CSV (RFC 4180): one row per run, and one row per point with each metric's
// mean and 95% interval. Nothing in them depends on the wall clock, so the same experiment gives
// the same bytes every time.
import { metricKeys } from './metricDefs';
import { formatParamValue, type ParameterName } from './params';
import type { ExperimentResult } from './result';

/** Count columns beside the metrics in runs.csv. */
const runCounts = [
  'clients',
  'leechers',
  'departed',
  'finished',
  'events',
  'samples',
  'neverConnected',
  'requests',
  'returnedPeers',
  'unreachablePeers',
  'seedingUploaded',
] as const;

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'number' ? formatNumber(value) : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Integers as they are; other numbers to 12 significant digits (stable across platforms). */
export function formatNumber(v: number): string {
  return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(12)));
}

/** Lines of cells as CSV text (CRLF line ends, quoted where needed). */
export function rows(lines: unknown[][]): string {
  return lines.map((l) => l.map(cell).join(',')).join('\r\n') + '\r\n';
}

function paramCells(result: ExperimentResult, point: number): string[] {
  const params = result.experiment.points[point]!.params as Record<string, unknown>;
  return result.experiment.varied.map((n) =>
    params[n] === undefined ? '' : formatParamValue(n as ParameterName, params[n]),
  );
}

export function runsCsv(result: ExperimentResult): string {
  const header = ['point', 'label', ...result.experiment.varied, 'seed', ...runCounts, ...metricKeys];
  const body = result.runs.map((r) => [
    r.point,
    result.experiment.points[r.point]!.label,
    ...paramCells(result, r.point),
    r.seed,
    ...runCounts.map((k) => r.metrics[k]),
    ...metricKeys.map((k) => r.metrics[k]),
  ]);
  return rows([header, ...body]);
}

export function pointsCsv(result: ExperimentResult): string {
  const header = [
    'point',
    'label',
    ...result.experiment.varied,
    'runs',
    ...metricKeys.flatMap((k) => [`${k}_mean`, `${k}_ci_low`, `${k}_ci_high`, `${k}_n`]),
  ];
  const body = result.summaries.map((s) => [
    s.point,
    s.label,
    ...paramCells(result, s.point),
    s.runs,
    ...metricKeys.flatMap((k) => {
      const m = s.metrics[k];
      return [m.mean, m.low, m.high, m.n];
    }),
  ]);
  return rows([header, ...body]);
}
