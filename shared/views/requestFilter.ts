// Which request-log rows a filter keeps: by client and by kind of request. Cheap per row, so a
// 100,000-row log refilters in a few milliseconds; with no filter no index array is built at all.
import type { AnnounceEventName } from '../tracker/events';
import { isAnnounceEvent } from './paramText';
import { eventOfTarget } from './requestTarget';
import type { RequestRow } from './types';

export const requestCategories = [
  'started',
  'completed',
  'stopped',
  'paused',
  'regular',
  'failed',
  'scrape',
] as const;
export type RequestCategory = (typeof requestCategories)[number];

export const requestCategoryText: Record<RequestCategory, string> = {
  started: 'announces with event=started (a session begins)',
  completed: 'announces with event=completed (a download finished)',
  stopped: 'announces with event=stopped (a client quit cleanly)',
  paused: 'announces with event=paused (BEP 21 partial seed)',
  regular: 'announces without an event (the periodic re-announce)',
  failed: 'requests the tracker refused: a failure reason or an HTTP error',
  scrape: 'scrape requests (BEP 48): counts for torrents, no peers',
};

export interface RequestFilter {
  /** A client id, or null for every client. */
  clientId: number | null;
  category: RequestCategory | null;
}

/** The announce event of a row: what the tracker parsed, or what the target says when it refused it. */
export function requestEvent(row: RequestRow): AnnounceEventName | null {
  if (row.event !== null) return row.event;
  if (row.kind !== 'announce') return null;
  const value = eventOfTarget(row.target);
  if (value === '' || value === 'empty') return 'none';
  return isAnnounceEvent(value) ? value : null;
}

export function requestFailed(row: RequestRow): boolean {
  return row.failure !== null || (row.status !== null && row.status !== 200);
}

export function matchesCategory(row: RequestRow, category: RequestCategory): boolean {
  switch (category) {
    case 'failed':
      return requestFailed(row);
    case 'scrape':
      return row.kind === 'scrape';
    case 'regular':
      return row.kind === 'announce' && requestEvent(row) === 'none';
    default:
      return row.kind === 'announce' && requestEvent(row) === category;
  }
}

/** The rows a filter keeps, as positions in `rows`. */
export interface RowSelection {
  count: number;
  /** The position in `rows` of the i-th kept row. */
  at(i: number): number;
  /** Where a position landed in the selection, or -1. */
  find(position: number): number;
}

export function selectRequests(rows: readonly RequestRow[], filter: RequestFilter): RowSelection {
  if (filter.clientId === null && filter.category === null) {
    const count = rows.length;
    return { count, at: (i) => i, find: (p) => (p >= 0 && p < count ? p : -1) };
  }
  const kept: number[] = [];
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    if (filter.clientId !== null && row.clientId !== filter.clientId) continue;
    if (filter.category !== null && !matchesCategory(row, filter.category)) continue;
    kept.push(i);
  }
  return {
    count: kept.length,
    at: (i) => kept[i]!,
    find: (p) => {
      // Positions are kept in order: binary search.
      let lo = 0;
      let hi = kept.length - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (kept[mid] === p) return mid;
        if (kept[mid]! < p) lo = mid + 1;
        else hi = mid - 1;
      }
      return -1;
    },
  };
}

/** The status cell: pending, OK, the failure reason, or the HTTP status. */
export function requestStatusText(row: RequestRow): string {
  if (row.failure !== null) return `failure: ${row.failure}`;
  if (row.status === null) return 'pending';
  if (row.status === 200) return row.warning !== null ? `200 OK, warning: ${row.warning}` : '200 OK';
  return `HTTP ${row.status}`;
}
