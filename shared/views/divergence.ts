// Where the tracker's view and the truth part ways, in one line each — the heart of the app.
// Derived from a client row and the current time only.
import { formatBytes, formatDuration } from '../units';
import type { ClientRow } from './types';

export type DivergenceKind =
  'ghost' | 'double-listing' | 'lost-credit' | 'stale' | 'not-listed' | 'paused-listed';

export interface Divergence {
  kind: DivergenceKind;
  text: string;
}

const GONE = new Set(['crashed', 'stopped']);

export function divergences(c: ClientRow, now: number): Divergence[] {
  const out: Divergence[] = [];
  const listed = c.listedEntries.size;
  const unseenUp = c.trueUploaded - c.creditedUploaded;
  const unseenDown = c.trueDownloaded - c.creditedDownloaded;
  const behind = Math.max(0, unseenUp) + Math.max(0, unseenDown);
  if (listed > 0 && GONE.has(c.state)) {
    out.push({
      kind: 'ghost',
      text: `ghost: the tracker still lists it as ${c.listedAs === null ? 'a peer' : `a ${c.listedAs}`}, but it ${c.state === 'crashed' ? 'crashed' : 'quit'} ${formatDuration(now - c.stateSince)} ago`,
    });
  }
  if (listed > 1) {
    out.push({
      kind: 'double-listing',
      text: `listed ${listed} times: an old entry lingers until the peer timeout`,
    });
  }
  if (GONE.has(c.state) && behind > 0 && c.user !== null) {
    out.push({
      kind: 'lost-credit',
      text: `lost credit: ${formatBytes(behind)} moved after its last announce will never be credited`,
    });
  } else if (behind > 0 && c.lastHeard !== null && c.user !== null) {
    out.push({
      kind: 'stale',
      text: `stale since the last announce ${formatDuration(now - c.lastHeard)} ago: ${formatBytes(behind)} not yet credited`,
    });
  }
  if (c.state === 'paused' && listed > 0) {
    out.push({ kind: 'paused-listed', text: 'paused, but still listed: the tracker cannot tell' });
  }
  if (listed === 0 && (c.state === 'leeching' || c.state === 'seeding')) {
    out.push({
      kind: 'not-listed',
      text:
        c.lastHeard === null
          ? 'running, but the tracker has not heard from it yet'
          : 'running, but the tracker no longer lists it',
    });
  }
  return out;
}
