// The metrics an experiment summarises across seeds, with how to read and print each one.
import { formatBytes } from '../units';
import type { RunMetrics } from './metrics/collector';

export type MetricUnit = 's' | 'share' | 'count' | 'per-minute' | 'bytes';

export interface MetricDefinition {
  key: MetricKey;
  label: string;
  unit: MetricUnit;
  /** Whether a lower value is the better outcome (for chart captions). */
  lowerIsBetter: boolean;
}

export const metricKeys = [
  'completionMean',
  'completionMedian',
  'completionP90',
  'finishedShare',
  'firstFinish',
  'allFinished',
  'seederUtilisation',
  'components',
  'largestComponentShare',
  'cutOffLeecherShare',
  'neverConnectedShare',
  'requestsPerMinute',
  'peakRequestsPerMinute',
  'trackerBytes',
  'staleShare',
  'accountingError',
] as const satisfies readonly (keyof RunMetrics)[];
export type MetricKey = (typeof metricKeys)[number];

export const metricDefinitions: Record<MetricKey, MetricDefinition> = {
  completionMean: { key: 'completionMean', label: 'mean completion time', unit: 's', lowerIsBetter: true },
  completionMedian: {
    key: 'completionMedian',
    label: 'median completion time',
    unit: 's',
    lowerIsBetter: true,
  },
  completionP90: {
    key: 'completionP90',
    label: '90th percentile completion time',
    unit: 's',
    lowerIsBetter: true,
  },
  finishedShare: { key: 'finishedShare', label: 'leechers finished', unit: 'share', lowerIsBetter: false },
  firstFinish: { key: 'firstFinish', label: 'first leecher done at', unit: 's', lowerIsBetter: true },
  allFinished: { key: 'allFinished', label: 'all leechers done at', unit: 's', lowerIsBetter: true },
  seederUtilisation: {
    key: 'seederUtilisation',
    label: 'seeder upload utilisation',
    unit: 'share',
    lowerIsBetter: false,
  },
  components: { key: 'components', label: 'connected components', unit: 'count', lowerIsBetter: true },
  largestComponentShare: {
    key: 'largestComponentShare',
    label: 'largest component share',
    unit: 'share',
    lowerIsBetter: false,
  },
  cutOffLeecherShare: {
    key: 'cutOffLeecherShare',
    label: 'leechers cut off from seeders',
    unit: 'share',
    lowerIsBetter: true,
  },
  neverConnectedShare: {
    key: 'neverConnectedShare',
    label: 'peers never connected',
    unit: 'share',
    lowerIsBetter: true,
  },
  requestsPerMinute: {
    key: 'requestsPerMinute',
    label: 'tracker requests per minute',
    unit: 'per-minute',
    lowerIsBetter: true,
  },
  peakRequestsPerMinute: {
    key: 'peakRequestsPerMinute',
    label: 'tracker requests in the busiest minute',
    unit: 'per-minute',
    lowerIsBetter: true,
  },
  trackerBytes: {
    key: 'trackerBytes',
    label: 'bytes sent by the tracker',
    unit: 'bytes',
    lowerIsBetter: true,
  },
  staleShare: { key: 'staleShare', label: 'stale peers returned', unit: 'share', lowerIsBetter: true },
  accountingError: { key: 'accountingError', label: 'accounting error', unit: 'share', lowerIsBetter: true },
};

/** A value as the tables print it: `754.2 s`, `3.1 %`, `12.5/min`, `1.2 MiB`, `4.3`. */
export function formatMetricValue(value: number | null, unit: MetricUnit): string {
  if (value === null) return '–';
  switch (unit) {
    case 's':
      return `${value.toFixed(value >= 100 ? 0 : 1)} s`;
    case 'share':
      return `${(value * 100).toFixed(1)} %`;
    case 'per-minute':
      return `${value.toFixed(1)}/min`;
    case 'bytes':
      return formatBytes(Math.round(value));
    case 'count':
      return value.toFixed(value >= 100 ? 0 : 2);
  }
}

/** `754 ± 41 s`, `3.1 ± 0.4 %`: a mean and its interval's half width in the metric's unit. */
export function formatMeanCi(mean: number | null, halfWidth: number | null, unit: MetricUnit): string {
  if (mean === null) return '–';
  if (halfWidth === null) return formatMetricValue(mean, unit);
  const [m, h] = [formatMetricValue(mean, unit), formatMetricValue(halfWidth, unit)];
  const suffix = /\s?(s|%|\/min|[KMGT]?i?B)$/.exec(m)?.[0] ?? '';
  return suffix !== '' && h.endsWith(suffix)
    ? `${m.slice(0, -suffix.length)} ± ${h.slice(0, -suffix.length)}${suffix}`
    : `${m} ± ${h}`;
}
