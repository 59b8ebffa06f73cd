// The sequence chart's tooltips in words: which announce an arrow is, its parameters as sent, the
// answer's figures or how it failed, each with its real (virtual) time.
import { eventLabel } from './paramText';
import { parseRequestTarget } from './requestTarget';
import type { SequenceExchange, SequenceMark, SequenceSpan } from './sequenceHistory';
import { formatClock } from './sequenceScale';
import type { RequestRow } from './types';

export interface SequenceTip {
  title: string;
  lines: string[];
}

/** The parameters a reader of a sequence chart cares about, as sent (raw query values). */
const SUMMARY_PARAMS = ['uploaded', 'downloaded', 'left', 'numwant'] as const;

export function paramsSummary(target: string): string | null {
  const params = parseRequestTarget(target).params;
  const parts: string[] = [];
  for (const name of SUMMARY_PARAMS) {
    const p = params.find((q) => q.name === name);
    if (p) parts.push(`${name}=${p.raw}`);
  }
  return parts.length === 0 ? null : parts.join(' ');
}

const at = (t: number): string => formatClock(t, true);

const lostText: Record<'refused' | 'timeout' | 'aborted' | 'pending', string> = {
  refused: 'never arrived: the tracker is down (connection refused)',
  timeout: 'never arrived: the client is offline (timed out)',
  aborted: 'aborted: the tracker restarted while it was on its way',
  pending: 'on its way',
};

export function exchangeTitle(x: SequenceExchange, clientName: string): string {
  const retry = x.detail.attempt > 1 ? ` (retry ${x.detail.attempt - 1})` : '';
  const forced = x.detail.forced ? ' (forced)' : '';
  return `${clientName}: ${eventLabel[x.event]} announce${retry}${forced}`;
}

function requestLines(x: SequenceExchange): string[] {
  const lines = [`sent ${at(x.sentAt)}`];
  const params = paramsSummary(x.detail.target);
  if (params) lines.push(params);
  if (x.deliveredAt !== null) lines.push(`arrived ${at(x.deliveredAt)} as request #${x.requestId}`);
  else if (x.outcome === 'refused' || x.outcome === 'timeout' || x.outcome === 'aborted') {
    lines.push(`${lostText[x.outcome]} — gave up ${at(x.endedAt ?? x.sentAt)}`);
  } else lines.push(lostText.pending);
  return lines;
}

function responseLines(x: SequenceExchange, row: RequestRow | undefined): string[] {
  const ended = x.endedAt === null ? '' : at(x.endedAt);
  if (x.outcome === 'rejected') return [`failure reason: ${x.failure ?? ''}`, `received ${ended}`];
  if (x.outcome !== 'answered') return [`no answer: the tracker restarted mid-request — gave up ${ended}`];
  const lines = [`answered, received ${ended}`];
  const peers = x.detail.peersReceived ?? row?.peers.length ?? 0;
  const eligible =
    row?.eligible === null || row?.eligible === undefined ? '' : ` of ${row.eligible} eligible`;
  const strategy = row?.strategy ? `, ${row.strategy}` : '';
  lines.push(`${peers} ${peers === 1 ? 'peer' : 'peers'} returned${eligible}${strategy}`);
  if (x.detail.interval !== null) lines.push(`next announce in ${x.detail.interval} s (interval)`);
  const warning = x.detail.warning ?? row?.warning ?? null;
  if (warning) lines.push(`warning: ${warning}`);
  return lines;
}

/** The tooltip of one arrow of an announce. */
export function legTip(
  x: SequenceExchange,
  leg: 'request' | 'response',
  clientName: string,
  row?: RequestRow,
): SequenceTip {
  const lines = leg === 'request' ? requestLines(x) : responseLines(x, row);
  if (x.detail.retryAt !== null) lines.push(`retries ${at(x.detail.retryAt)}`);
  return { title: `${exchangeTitle(x, clientName)} — ${leg}`, lines };
}

const spanWords: Record<SequenceSpan['kind'], string> = {
  paused: 'paused: a paused client sends nothing (or BEP 21 event=paused)',
  offline: 'offline: its announces time out',
  down: 'tracker down: announces are refused',
};

export function spanTip(span: SequenceSpan, owner: string): SequenceTip {
  const until = span.to === null ? 'still' : `until ${at(span.to)}`;
  return { title: `${owner}: ${spanWords[span.kind]}`, lines: [`from ${at(span.from)}`, until] };
}

export function markTip(mark: SequenceMark, clientName: string | null): SequenceTip {
  const who = clientName ?? 'a peer that is not simulated';
  switch (mark.kind) {
    case 'crash':
      return {
        title: `${who} crashed`,
        lines: [at(mark.t), 'no stopped announce: the tracker still lists it'],
      };
    case 'expiry':
      return {
        title: `tracker: ${who}’s entry expired`,
        lines: [at(mark.t), 'not heard from within the peer timeout: removed from the peer list'],
      };
    case 'restart':
      return {
        title: 'tracker restarted',
        lines: [at(mark.t), 'in-memory peers lost; requests in flight aborted'],
      };
  }
}
