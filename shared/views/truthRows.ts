// The tracker's view beside the truth, one row per client: what the tracker believes (listed as
// what, how many entries, credited bytes, when it last heard from the client) and what the client
// really did, with every divergence. Sorting and filtering are pure so 5,000 rows stay quick.
import type { ClientState } from '../sim/events';
import type { AnnounceEventName } from '../tracker/events';
import { divergences, type Divergence, type DivergenceKind } from './divergence';
import type { SwarmModel } from './model';

export interface TruthRow {
  clientId: number;
  name: string;
  user: string | null;
  // The truth.
  state: ClientState;
  stateSince: number;
  trueUploaded: number;
  trueDownloaded: number;
  left: number;
  /** The last announce the client sent (whether or not it arrived). */
  lastSent: { t: number; event: AnnounceEventName } | null;
  // The tracker's view.
  listedAs: 'seeder' | 'leecher' | null;
  /** Listed with event=paused (BEP 21): a partial seed. */
  listedPaused: boolean;
  entries: number;
  creditedUploaded: number;
  creditedDownloaded: number;
  reportedUploaded: number;
  reportedDownloaded: number;
  lastHeard: number | null;
  /** Virtual time since the tracker last heard from it, or null when never. */
  lastHeardAge: number | null;
  /** Bytes moved that the tracker has not credited (0 when there is no user to credit). */
  uncredited: number;
  divergences: Divergence[];
}

type ModelView = Pick<SwarmModel, 'clients' | 'entries'>;

export function truthRows(model: ModelView, now: number): TruthRow[] {
  const rows: TruthRow[] = [];
  for (const c of model.clients) {
    if (!c) continue;
    let listedPaused = false;
    for (const entry of c.listedEntries) if (model.entries.get(entry)?.paused) listedPaused = true;
    const uncredited =
      c.user === null
        ? 0
        : Math.max(0, c.trueUploaded - c.creditedUploaded) +
          Math.max(0, c.trueDownloaded - c.creditedDownloaded);
    rows.push({
      clientId: c.id,
      name: c.name,
      user: c.user,
      state: c.state,
      stateSince: c.stateSince,
      trueUploaded: c.trueUploaded,
      trueDownloaded: c.trueDownloaded,
      left: c.left,
      lastSent: c.lastAnnounceSent,
      listedAs: c.listedAs,
      listedPaused,
      entries: c.listedEntries.size,
      creditedUploaded: c.creditedUploaded,
      creditedDownloaded: c.creditedDownloaded,
      reportedUploaded: c.reportedUploaded,
      reportedDownloaded: c.reportedDownloaded,
      lastHeard: c.lastHeard,
      lastHeardAge: c.lastHeard === null ? null : Math.max(0, now - c.lastHeard),
      uncredited,
      // A client that sent BEP 21 event=paused is listed as a partial seed because it said so:
      // the tracker is right about it, so that is no divergence.
      divergences: divergences(c, now).filter((d) => !(listedPaused && d.kind === 'paused-listed')),
    });
  }
  return rows;
}

export const truthSortKeys = [
  'name',
  'state',
  'trueUploaded',
  'trueDownloaded',
  'left',
  'listedAs',
  'entries',
  'creditedUploaded',
  'creditedDownloaded',
  'lastHeard',
  'divergences',
] as const;
export type TruthSortKey = (typeof truthSortKeys)[number];

export interface TruthSort {
  key: TruthSortKey;
  descending: boolean;
}

function sortValue(row: TruthRow, key: TruthSortKey): number | string {
  switch (key) {
    case 'name':
    case 'state':
      return row[key];
    case 'listedAs':
      return row.listedAs ?? '';
    case 'lastHeard':
      return row.lastHeard ?? -1;
    case 'divergences':
      // By the number of divergences, then by the bytes not yet credited.
      return row.divergences.length * 1e15 + row.uncredited;
    default:
      return row[key];
  }
}

const collator = new Intl.Collator('en', { numeric: true });

/** Sorted copy; ties keep client order (stable), so rows do not jump between updates. */
export function sortTruthRows(rows: readonly TruthRow[], sort: TruthSort): TruthRow[] {
  const dir = sort.descending ? -1 : 1;
  return [...rows].sort((a, b) => {
    const va = sortValue(a, sort.key);
    const vb = sortValue(b, sort.key);
    const c = typeof va === 'string' ? collator.compare(va, vb as string) : va - (vb as number);
    return c !== 0 ? c * dir : a.clientId - b.clientId;
  });
}

/** `any`: rows with at least one divergence; `none`: rows without; a kind: rows with that one. */
export type DivergenceFilter = 'all' | 'any' | 'none' | DivergenceKind;

export interface TruthFilter {
  divergence: DivergenceFilter;
  /** Case-insensitive part of the client's or user's name; '' for every row. */
  text: string;
}

export function filterTruthRows(rows: readonly TruthRow[], filter: TruthFilter): TruthRow[] {
  const text = filter.text.trim().toLowerCase();
  return rows.filter((r) => {
    if (text !== '' && !r.name.toLowerCase().includes(text) && !(r.user ?? '').toLowerCase().includes(text))
      return false;
    switch (filter.divergence) {
      case 'all':
        return true;
      case 'any':
        return r.divergences.length > 0;
      case 'none':
        return r.divergences.length === 0;
      default:
        return r.divergences.some((d) => d.kind === filter.divergence);
    }
  });
}

/** How many rows show each divergence kind (for the filter's labels). */
export function divergenceCounts(rows: readonly TruthRow[]): Record<DivergenceKind, number> {
  const counts: Record<DivergenceKind, number> = {
    ghost: 0,
    'double-listing': 0,
    'lost-credit': 0,
    stale: 0,
    'not-listed': 0,
    'paused-listed': 0,
  };
  for (const r of rows) for (const d of r.divergences) counts[d.kind]++;
  return counts;
}
