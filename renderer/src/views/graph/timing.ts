// The animation rule: every animated position is a pure function of (virtual time, speed), never a
// wall-clock tween, so pausing freezes the picture exactly and a seek costs nothing. At high speed a
// 100 ms announce would last a fraction of a frame, so each phase is shown for at least a minimum
// *real* duration, expressed in virtual time as `minimum real ms × speed` (RaftScope derives its
// message positions from simulation time the same way).
import type { Speed } from '../../../../shared/bridge';

/** Minimum on-screen durations, in real milliseconds. */
export const LEG_REAL_MS = 600;
export const LIT_REAL_MS = 1600;
export const FAILURE_REAL_MS = 1000;
export const EXPIRY_REAL_MS = 1600;

/** How far an announce with no answer yet travels before it waits (fraction of the way). */
export const PENDING_REACH = 0.75;
/** An announce with no outcome after this much virtual time is no longer drawn (its client is gone). */
export const STALE_FLIGHT_MS = 120_000;

/** Minimum visible spans in virtual milliseconds at the current speed. */
export interface Spans {
  leg: number;
  lit: number;
  failure: number;
  expiry: number;
}

/** The spans at a speed; null when nothing is animated (`max` runs as fast as possible). */
export function spansFor(speed: Speed | null | undefined): Spans | null {
  if (speed === null || speed === undefined || speed === 'max' || !(speed > 0)) return null;
  return {
    leg: LEG_REAL_MS * speed,
    lit: LIT_REAL_MS * speed,
    failure: FAILURE_REAL_MS * speed,
    expiry: EXPIRY_REAL_MS * speed,
  };
}

/** A phase that really took `real` virtual ms is shown for max(real, minimum). */
export function visibleSpan(real: number, minimum: number): number {
  return Math.max(real, minimum);
}

/** The times of an announce, as AnnounceFlight records them (null: has not happened). */
export interface FlightTimes {
  sentAt: number;
  deliveredAt: number | null;
  answeredAt: number | null;
  failedAt: number | null;
  /** The tracker's `failure reason` (an answered refusal) or the transport failure. */
  failure: string | null;
}

export type FlightFrame =
  /** The request on its way, `p` from the peer (0) to the tracker (1). */
  | { phase: 'out'; p: number }
  /** The answer on its way back, `p` from the tracker (0) to the peer (1); `refused` for a failure reason. */
  | { phase: 'back'; p: number; refused: boolean }
  /** The answer arrived: its peers are lit, fading with `alpha`. */
  | { phase: 'lit'; alpha: number }
  /** It failed: an X `p` of the way from the peer to the tracker (or at the peer for a refusal), fading. */
  | { phase: 'failed'; p: number; alpha: number };

/** Has this happened by `now`? (An event later than the clock shown has not, yet.) */
function happened(t: number | null, now: number): t is number {
  return t !== null && t <= now;
}

/**
 * One leg of the journey starts at `start` (virtual ms) and is resolved at `resolved` (or not yet): a
 * resolved leg ends at max(resolved, start + leg); an unresolved one creeps to PENDING_REACH and waits.
 */
export function legProgress(start: number, resolved: number | null, now: number, leg: number): number {
  if (resolved !== null) {
    const end = Math.max(resolved, start + leg);
    return end > start ? Math.min(1, (now - start) / (end - start)) : 1;
  }
  return leg > 0 ? Math.min(PENDING_REACH, (now - start) / leg) : PENDING_REACH;
}

/** Where a leg ends on screen time: max(resolved, start + leg). */
export function legEnd(start: number, resolved: number, leg: number): number {
  return Math.max(resolved, start + leg);
}

/** When a failed leg shows its X: when the dot reached its waiting point, or the failure, if later. */
function failureShownAt(start: number, failedAt: number, leg: number): number {
  return Math.max(failedAt, start + PENDING_REACH * leg);
}

function fade(t: number, start: number, span: number): number {
  return span > 0 ? 1 - (t - start) / span : 0;
}

/**
 * The announce as drawn at virtual time `now`, or null when it is not on screen. Out: sentAt → the
 * visible end of delivery; back: from there → the visible end of the answer; then the lit peers, or
 * the failure's X.
 */
export function flightAt(f: FlightTimes, now: number, spans: Spans): FlightFrame | null {
  if (now < f.sentAt) return null;
  const delivered = happened(f.deliveredAt, now) ? f.deliveredAt : null;
  const failed = happened(f.failedAt, now) ? f.failedAt : null;
  const answered = happened(f.answeredAt, now) ? f.answeredAt : null;

  if (delivered === null) {
    if (failed !== null) {
      // Lost on the way (tracker down, client offline): the dot waits, then fizzles where it waited.
      const shown = failureShownAt(f.sentAt, failed, spans.leg);
      if (now < shown) return { phase: 'out', p: legProgress(f.sentAt, null, now, spans.leg) };
      return now < shown + spans.failure
        ? { phase: 'failed', p: PENDING_REACH, alpha: fade(now, shown, spans.failure) }
        : null;
    }
    if (now - f.sentAt > STALE_FLIGHT_MS + spans.leg) return null;
    return { phase: 'out', p: legProgress(f.sentAt, null, now, spans.leg) };
  }

  const outEnd = legEnd(f.sentAt, delivered, spans.leg);
  if (now < outEnd) return { phase: 'out', p: legProgress(f.sentAt, delivered, now, spans.leg) };

  if (answered === null) {
    if (failed !== null) {
      // Aborted at the tracker (a restart mid-request): the answer never leaves.
      const shown = failureShownAt(outEnd, failed, spans.leg);
      if (now < shown) return { phase: 'back', p: legProgress(outEnd, null, now, spans.leg), refused: false };
      return now < shown + spans.failure
        ? { phase: 'failed', p: 1 - PENDING_REACH, alpha: fade(now, shown, spans.failure) }
        : null;
    }
    if (now - delivered > STALE_FLIGHT_MS + spans.leg) return null;
    return { phase: 'back', p: legProgress(outEnd, null, now, spans.leg), refused: false };
  }

  const refused = f.failure !== null;
  const backEnd = legEnd(outEnd, answered, spans.leg);
  if (now < backEnd) return { phase: 'back', p: legProgress(outEnd, answered, now, spans.leg), refused };
  if (refused) {
    return now < backEnd + spans.failure
      ? { phase: 'failed', p: 0, alpha: fade(now, backEnd, spans.failure) }
      : null;
  }
  return now < backEnd + spans.lit ? { phase: 'lit', alpha: fade(now, backEnd, spans.lit) } : null;
}

/**
 * How long after `sentAt` an announce can still be on screen: the scan over recent announces starts
 * this far back.
 */
export function flightWindow(spans: Spans, maxRoundTrip: number = STALE_FLIGHT_MS): number {
  return maxRoundTrip + 2 * spans.leg + Math.max(spans.lit, spans.failure) + STALE_FLIGHT_MS;
}

/** A ghost expired at `expiredAt`: its fading halo at `now` (1 → 0), or null when done or not yet. */
export function expiryAt(expiredAt: number, now: number, spans: Spans): { progress: number } | null {
  if (now < expiredAt || now >= expiredAt + spans.expiry) return null;
  return { progress: spans.expiry > 0 ? (now - expiredAt) / spans.expiry : 1 };
}

/**
 * The time the graph shows. While playing, the clock between two engine statuses is extrapolated, and
 * a status that lands a little behind the extrapolation would make every dot step back: small
 * backward steps are held instead. A big one is a seek; paused, the engine's time is shown exactly.
 */
export function shownTime(
  previous: number | null,
  now: number,
  playing: boolean,
  speed: Speed | null,
): number {
  if (!playing || previous === null || speed === null || speed === 'max') return now;
  const holdable = 250 * speed;
  return now < previous && previous - now <= holdable ? previous : now;
}
