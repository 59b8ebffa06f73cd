// What the sequence chart draws, in virtual time, read from the model: every announce as an
// exchange (request out, answer back, or how it failed), the spans a client was paused or offline
// (and the tracker down), crash marks, and the tracker's expiries and restarts. Positions come
// later (sequenceGeometry.ts); this only collects and classifies facts the log already states.
import type { LoggedEvent } from '../events';
import type { ClientState } from '../sim/events';
import type { AnnounceEventName } from '../tracker/events';
import type { AnnounceFlight } from './types';

/**
 * How an announce ended. `answered`: a normal answer; `rejected`: the tracker answered with a
 * `failure reason`; `refused` (tracker down), `timeout` (client offline), `aborted` (tracker
 * restarted mid-request): no answer came; `pending`: still on its way at the shown time.
 */
export type ExchangeOutcome = 'answered' | 'rejected' | 'refused' | 'timeout' | 'aborted' | 'pending';

export interface SequenceExchange {
  announceId: number;
  clientId: number;
  /** The tracker's request number, once the request arrived (null: it never did). */
  requestId: number | null;
  event: AnnounceEventName;
  sentAt: number;
  deliveredAt: number | null;
  /** When the client got the answer or gave up (null: pending). */
  endedAt: number | null;
  outcome: ExchangeOutcome;
  /** The failure reason or the way it failed, as the log gives it. */
  failure: string | null;
  /** What the log says besides (for the tooltip): the target as sent, the answer's figures. */
  detail: ExchangeDetail;
}

export interface ExchangeDetail {
  target: string;
  attempt: number;
  forced: boolean;
  interval: number | null;
  peersReceived: number | null;
  warning: string | null;
  /** When the client will try again after a failure. */
  retryAt: number | null;
}

export type SpanKind = 'paused' | 'offline' | 'down';

/** A stretch of time on one lifeline; `to` null means it lasts until the shown time. */
export interface SequenceSpan {
  kind: SpanKind;
  from: number;
  to: number | null;
}

export type MarkKind = 'crash' | 'expiry' | 'restart';

export interface SequenceMark {
  kind: MarkKind;
  t: number;
  /** The client concerned: the one that crashed, or whose tracker entry expired (null: not simulated). */
  clientId: number | null;
}

/** When a client is around to announce (arrived, not crashed or stopped); `to` null: still alive. */
export interface Lifespan {
  from: number;
  to: number | null;
}

export interface ClientHistory {
  exchanges: SequenceExchange[];
  spans: SequenceSpan[];
  marks: SequenceMark[];
  lifespans: Lifespan[];
}

export interface SequenceHistory {
  /** Per client id. */
  clients: Map<number, ClientHistory>;
  trackerSpans: SequenceSpan[];
  trackerMarks: SequenceMark[];
  /** Exchanges by the tracker's request id (to find the arrow of the selected request). */
  byRequest: Map<number, SequenceExchange>;
  /** Every moment something is drawn at, for the time axis. */
  moments: number[];
}

export interface HistorySource {
  readonly events: readonly LoggedEvent[];
  readonly flightOrder: readonly AnnounceFlight[];
  readonly entryOwner: ReadonlyMap<number, number | null>;
}

export function exchangeOutcome(f: AnnounceFlight): ExchangeOutcome {
  if (f.failedAt !== null) return f.failure === 'refused' || f.failure === 'timeout' ? f.failure : 'aborted';
  if (f.answeredAt !== null) return f.failure === null ? 'answered' : 'rejected';
  return 'pending';
}

const noDetail: ExchangeDetail = {
  target: '',
  attempt: 1,
  forced: false,
  interval: null,
  peersReceived: null,
  warning: null,
  retryAt: null,
};

export function exchangeOf(f: AnnounceFlight, detail: ExchangeDetail = noDetail): SequenceExchange {
  return {
    announceId: f.announceId,
    clientId: f.clientId,
    requestId: f.requestId,
    event: f.event,
    sentAt: f.sentAt,
    deliveredAt: f.deliveredAt,
    endedAt: f.answeredAt ?? f.failedAt,
    outcome: exchangeOutcome(f),
    failure: f.failure,
    detail,
  };
}

const spanOfState: Partial<Record<ClientState, SpanKind>> = { paused: 'paused', offline: 'offline' };
const alive = (state: ClientState): boolean => state !== 'idle' && state !== 'crashed' && state !== 'stopped';

function emptyHistory(): ClientHistory {
  return { exchanges: [], spans: [], marks: [], lifespans: [] };
}

/** Closes the open span or lifespan at `t`, if there is one. */
function close(list: { to: number | null }[], t: number): void {
  const last = list[list.length - 1];
  if (last && last.to === null) last.to = t;
}

export function sequenceHistory(source: HistorySource): SequenceHistory {
  const clients = new Map<number, ClientHistory>();
  const of = (id: number): ClientHistory => {
    let h = clients.get(id);
    if (!h) clients.set(id, (h = emptyHistory()));
    return h;
  };
  const trackerSpans: SequenceSpan[] = [];
  const trackerMarks: SequenceMark[] = [];
  const moments: number[] = [];
  const details = new Map<number, ExchangeDetail>();

  for (const e of source.events) {
    switch (e.type) {
      case 'announceSent':
        details.set(e.announceId, { ...noDetail, target: e.target, attempt: e.attempt, forced: e.forced });
        break;
      case 'announceCompleted': {
        const d = details.get(e.announceId);
        if (d) Object.assign(d, { interval: e.interval, peersReceived: e.peersReceived, warning: e.warning });
        break;
      }
      case 'announceFailed': {
        const d = details.get(e.announceId);
        if (d) d.retryAt = e.retryAt;
        break;
      }
      case 'clientCreated':
        of(e.clientId);
        break;
      case 'clientStateChanged': {
        const h = of(e.clientId);
        moments.push(e.t);
        const kind = spanOfState[e.state];
        if (kind !== spanOfState[e.previous]) close(h.spans, e.t);
        if (kind && kind !== spanOfState[e.previous]) h.spans.push({ kind, from: e.t, to: null });
        if (alive(e.state) && !alive(e.previous)) h.lifespans.push({ from: e.t, to: null });
        if (!alive(e.state) && alive(e.previous)) close(h.lifespans, e.t);
        if (e.state === 'crashed') h.marks.push({ kind: 'crash', t: e.t, clientId: e.clientId });
        break;
      }
      case 'peerRemoved':
        if (e.reason === 'expired') {
          moments.push(e.t);
          trackerMarks.push({ kind: 'expiry', t: e.t, clientId: source.entryOwner.get(e.entry) ?? null });
        }
        break;
      case 'trackerRestarted':
        moments.push(e.t);
        trackerMarks.push({ kind: 'restart', t: e.t, clientId: null });
        break;
      case 'trackerAvailabilityChanged':
        moments.push(e.t);
        if (e.up) close(trackerSpans, e.t);
        else if (trackerSpans[trackerSpans.length - 1]?.to !== null) {
          trackerSpans.push({ kind: 'down', from: e.t, to: null });
        }
        break;
      default:
        break;
    }
  }

  const byRequest = new Map<number, SequenceExchange>();
  for (const f of source.flightOrder) {
    const x = exchangeOf(f, details.get(f.announceId));
    of(f.clientId).exchanges.push(x);
    if (x.requestId !== null) byRequest.set(x.requestId, x);
    moments.push(x.sentAt);
    if (x.deliveredAt !== null) moments.push(x.deliveredAt);
    if (x.endedAt !== null) moments.push(x.endedAt);
  }
  return { clients, trackerSpans, trackerMarks, byRequest, moments };
}
