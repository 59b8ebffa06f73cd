// What the app exports, as text built from the view model and the log: the event log as NDJSON,
// the request log as plain text (one `GET /announce?…` line per request, as in the seed's capture),
// and the charts' metrics as CSV. Pure, so the desktop menu and the page build the same bytes.
import type { LoggedEvent } from '../events';
import { rows as csvRows } from '../experiments/csv';
import { formatDuration } from '../units';
import type { SwarmModel } from './model';
import { heldValues, sharedTimes } from './stepSeries';
import type { RequestRow } from './types';

/** A file name made from a scenario's name: letters, digits, dots and dashes only. */
export function fileStem(name: string | undefined): string {
  const stem = (name ?? '')
    .trim()
    .replace(/[^\w.-]+/g, '-')
    .replace(/^[-.]+|-+$/g, '');
  return stem || 'scenario';
}

/** One JSON object per line, each line ending in \n (the CLI's --events format). */
export function toNdjson(events: readonly LoggedEvent[]): string {
  return events.map((e) => JSON.stringify(e) + '\n').join('');
}

/**
 * One line per request: the request line as it was on the wire (`GET <target>`; a UDP request is
 * logged as its decoded packet), in the order the tracker received them.
 */
export function requestLogText(requests: readonly RequestRow[]): string {
  return requests.map((r) => `${r.method} ${r.target}\n`).join('');
}

export const METRICS_COLUMNS = [
  't_ms',
  'time',
  'seeders',
  'leechers',
  'true_uploaded',
  'credited_uploaded',
  'true_downloaded',
  'credited_downloaded',
  'requests_this_minute',
] as const;

/**
 * The charts' numbers as CSV (RFC 4180): one row per moment either series changed, up to `until`
 * (ms), each value held from its last change; bytes as exact integers.
 */
export function metricsCsv(
  model: Pick<SwarmModel, 'counts' | 'totals' | 'requestsPerMinute'>,
  until: number,
): string {
  const times = sharedTimes([model.counts, model.totals], until);
  const seeders = heldValues(model.counts, times, (p) => p.complete);
  const leechers = heldValues(model.counts, times, (p) => p.incomplete);
  const totals = (pick: (p: (typeof model.totals)[number]) => number) =>
    heldValues(model.totals, times, pick);
  const trueUp = totals((p) => p.trueUploaded);
  const creditedUp = totals((p) => p.creditedUploaded);
  const trueDown = totals((p) => p.trueDownloaded);
  const creditedDown = totals((p) => p.creditedDownloaded);
  return csvRows([
    [...METRICS_COLUMNS],
    ...times.map((t, i) => [
      t,
      formatDuration(t),
      seeders[i],
      leechers[i],
      trueUp[i],
      creditedUp[i],
      trueDown[i],
      creditedDown[i],
      model.requestsPerMinute.get(Math.floor(t / 60_000)) ?? 0,
    ]),
  ]);
}
