// The truth table's columns: what each shows, its tooltip, how it sorts, and which divergences make
// its cell wrong (those cells are highlighted). Each quantity's truth and the tracker's belief sit
// side by side under one group header.
import { formatBytes, formatDuration } from '../../../../shared/units';
import type { DivergenceKind } from '../../../../shared/views/divergence';
import type { TruthRow, TruthSortKey } from '../../../../shared/views/truthRows';

export type ColumnGroup = 'client' | 'divergence' | 'swarm' | 'up' | 'down' | 'left' | 'heard';
/** Whose side a column shows: the client's truth or the tracker's belief (headers are tinted). */
export type Side = 'truth' | 'tracker' | null;

export interface TruthColumn {
  id: string;
  label: string;
  group: ColumnGroup;
  side: Side;
  tooltip: string;
  sort: TruthSortKey;
  /** CSS width of the column (the table is fixed-layout so virtual rows never shift). */
  width: string;
  numeric: boolean;
  text(row: TruthRow): string;
  /** The cell's own tooltip (full values, times). */
  title(row: TruthRow): string;
  /** The divergence that makes this cell wrong, if any. */
  flag(row: TruthRow): DivergenceKind | null;
}

export const groupLabel: Record<ColumnGroup, { label: string; tooltip: string }> = {
  client: {
    label: 'Client',
    tooltip: 'A simulated BitTorrent client (and the tracker user it announces as).',
  },
  divergence: { label: 'Divergence', tooltip: 'Where the tracker’s view and the truth part ways, and why.' },
  swarm: {
    label: 'In the swarm',
    tooltip: 'What the client is really doing beside how the tracker lists it (it only learns at announces).',
  },
  up: { label: 'Uploaded', tooltip: 'Bytes really uploaded beside the bytes the tracker has credited.' },
  down: {
    label: 'Downloaded',
    tooltip: 'Bytes really downloaded beside the bytes the tracker has credited.',
  },
  left: { label: 'Left', tooltip: 'What the client still needs.' },
  heard: { label: 'Last announce', tooltip: 'When the tracker last received an announce from the client.' },
};

export const sideLabel: Record<Exclude<Side, null>, string> = {
  truth: 'the truth: what the client really did',
  tracker: 'the tracker’s view',
};

function has(row: TruthRow, ...kinds: DivergenceKind[]): DivergenceKind | null {
  return row.divergences.find((d) => kinds.includes(d.kind))?.kind ?? null;
}

function credited(value: number, row: TruthRow): string {
  return row.user === null ? '—' : formatBytes(value);
}

export function listedText(row: TruthRow): string {
  if (row.listedAs === null) return 'not listed';
  if (row.listedPaused) return 'partial seed (paused)';
  return row.listedAs === 'seeder' ? 'seeding' : 'leeching';
}

export const truthColumns: TruthColumn[] = [
  {
    id: 'name',
    label: 'Client',
    group: 'client',
    side: null,
    tooltip:
      'The client’s name; the tracker user it belongs to is in the tooltip. Click a row to select the client.',
    sort: 'name',
    width: '8em',
    numeric: false,
    text: (r) => r.name,
    title: (r) =>
      r.user === null ? `${r.name} (public tracker: no user)` : `${r.name}, announcing as user ${r.user}`,
    flag: () => null,
  },
  {
    id: 'divergence',
    label: 'Divergence',
    group: 'divergence',
    side: null,
    tooltip: 'Every way the tracker’s view differs from the truth, in one line each.',
    sort: 'divergences',
    width: '24em',
    numeric: false,
    text: (r) => (r.divergences.length === 0 ? '' : r.divergences.map((d) => d.text).join(' · ')),
    title: (r) =>
      r.divergences.length === 0
        ? 'the tracker’s view matches the truth'
        : r.divergences.map((d) => d.text).join('\n'),
    flag: (r) => r.divergences[0]?.kind ?? null,
  },
  {
    id: 'state',
    label: 'Really',
    group: 'swarm',
    side: 'truth',
    tooltip:
      'What the client is really doing: leeching, seeding, paused, offline, crashed, stopped (quit), or not arrived yet.',
    sort: 'state',
    width: '7.5em',
    numeric: false,
    text: (r) => (r.state === 'idle' ? 'not arrived' : r.state),
    title: (r) => `${r.state} since ${formatDuration(r.stateSince)}`,
    flag: (r) => has(r, 'ghost', 'paused-listed'),
  },
  {
    id: 'listed',
    label: 'Tracker lists',
    group: 'swarm',
    side: 'tracker',
    tooltip:
      'How the tracker lists the client in its peer list: leeching, seeding, partial seed (BEP 21 paused) or not listed.',
    sort: 'listedAs',
    width: '8em',
    numeric: false,
    text: listedText,
    title: (r) =>
      r.listedAs === null ? 'not in the tracker’s peer list' : `in the peer list as a ${r.listedAs}`,
    flag: (r) => has(r, 'ghost', 'not-listed', 'paused-listed'),
  },
  {
    id: 'entries',
    label: 'Entries',
    group: 'swarm',
    side: 'tracker',
    tooltip:
      'How many peer-list entries the tracker has for this client (more than 1: an old address lingers).',
    sort: 'entries',
    width: '4.5em',
    numeric: true,
    text: (r) => String(r.entries),
    title: (r) => `${r.entries} entr${r.entries === 1 ? 'y' : 'ies'} in the peer list`,
    flag: (r) => has(r, 'double-listing'),
  },
  {
    id: 'true-up',
    label: 'Really',
    group: 'up',
    side: 'truth',
    tooltip: 'Bytes the client really sent to other peers, all sessions together.',
    sort: 'trueUploaded',
    width: '6em',
    numeric: true,
    text: (r) => formatBytes(r.trueUploaded),
    title: (r) => `${r.trueUploaded} bytes really uploaded`,
    flag: () => null,
  },
  {
    id: 'credited-up',
    label: 'Credited',
    group: 'up',
    side: 'tracker',
    tooltip:
      'Upload the tracker has credited to the user for this client (private trackers; — on a public one).',
    sort: 'creditedUploaded',
    width: '6.5em',
    numeric: true,
    text: (r) => credited(r.creditedUploaded, r),
    title: (r) => `${r.creditedUploaded} bytes credited; last reported uploaded=${r.reportedUploaded}`,
    flag: (r) => (r.trueUploaded > r.creditedUploaded ? has(r, 'lost-credit', 'stale') : null),
  },
  {
    id: 'true-down',
    label: 'Really',
    group: 'down',
    side: 'truth',
    tooltip: 'Bytes the client really received from other peers, all sessions together.',
    sort: 'trueDownloaded',
    width: '6em',
    numeric: true,
    text: (r) => formatBytes(r.trueDownloaded),
    title: (r) => `${r.trueDownloaded} bytes really downloaded`,
    flag: () => null,
  },
  {
    id: 'credited-down',
    label: 'Credited',
    group: 'down',
    side: 'tracker',
    tooltip:
      'Download the tracker has credited to the user for this client (private trackers; — on a public one).',
    sort: 'creditedDownloaded',
    width: '6.5em',
    numeric: true,
    text: (r) => credited(r.creditedDownloaded, r),
    title: (r) => `${r.creditedDownloaded} bytes credited; last reported downloaded=${r.reportedDownloaded}`,
    flag: (r) => (r.trueDownloaded > r.creditedDownloaded ? has(r, 'lost-credit', 'stale') : null),
  },
  {
    id: 'left',
    label: 'Left',
    group: 'left',
    side: 'truth',
    tooltip: 'Bytes the client still needs; 0 means it has everything (a seeder).',
    sort: 'left',
    width: '6em',
    numeric: true,
    text: (r) => formatBytes(r.left),
    title: (r) => `${r.left} bytes left`,
    flag: () => null,
  },
  {
    id: 'last-heard',
    label: 'Last announce',
    group: 'heard',
    side: 'tracker',
    tooltip:
      'How long ago (virtual time) the tracker last received an announce from this client: its view is that old.',
    sort: 'lastHeard',
    width: '7.5em',
    numeric: true,
    text: (r) => (r.lastHeardAge === null ? 'never' : `${formatDuration(r.lastHeardAge)} ago`),
    title: (r) =>
      (r.lastHeard === null
        ? 'the tracker has not heard from it'
        : `heard at ${formatDuration(r.lastHeard)}`) +
      (r.lastSent === null
        ? ''
        : `; last sent: event=${r.lastSent.event} at ${formatDuration(r.lastSent.t)}`),
    flag: (r) => has(r, 'stale'),
  },
];
