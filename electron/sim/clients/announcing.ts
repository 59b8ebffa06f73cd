// A client's conversation with the tracker in virtual time: the request travels half the round trip,
// the tracker answers, the answer travels back. A restart or an outage in between aborts it, an
// offline client's request times out, and every failure is retried with the profile's back-off.
import { clientProfile } from '../../../shared/sim/profiles';
import type { AnnounceFailure } from '../../../shared/sim/events';
import type { AnnounceEventName } from '../../../shared/tracker/events';
import type { InFlightAnnounce, SimClient, SimContext } from '../context';
import { announceTarget } from './announceTarget';
import { decodeAnnounce } from './announceResponse';
import { openConnections } from './connecting';

/** Linux's default ephemeral port range (32768–60999): a new source port per request, never reused soon. */
const EPHEMERAL_FIRST = 32_768;
const EPHEMERAL_COUNT = 28_232;

export function scheduleAnnounce(ctx: SimContext, c: SimClient, at: number, forced = false): void {
  c.announceGeneration++;
  c.nextAnnounceAt = at;
  ctx.queue.schedule(at, { kind: 'announceDue', client: c.id, generation: c.announceGeneration, forced });
}

export function cancelAnnounce(c: SimClient): void {
  c.announceGeneration++;
  c.nextAnnounceAt = null;
}

export function onAnnounceDue(ctx: SimContext, clientId: number, generation: number, forced: boolean): void {
  const c = ctx.clients[clientId];
  if (!c || c.announceGeneration !== generation || c.lifecycle !== 'running' || c.inFlight !== null) return;
  if (c.paused && clientProfile(c.profile).pause !== 'paused') return;
  sendAnnounce(ctx, c, { forced });
}

/** The event this announce carries: a pending one-shot event, else `paused` while BEP-21-paused. */
function eventFor(c: SimClient): AnnounceEventName {
  const owed = c.owed[0];
  if (owed !== undefined) return owed;
  return c.paused && clientProfile(c.profile).pause === 'paused' ? 'paused' : 'none';
}

export function sendAnnounce(
  ctx: SimContext,
  c: SimClient,
  options: { forced?: boolean; final?: boolean; event?: AnnounceEventName } = {},
): void {
  const profile = clientProfile(c.profile);
  const torrent = ctx.torrents[c.torrent]!;
  const event = options.event ?? eventFor(c);
  const announceId = ++ctx.counters.announces;
  const target = announceTarget(profile, {
    passkey: c.passkey,
    infoHash: torrent.infoHash,
    peerId: c.peerId,
    port: c.port,
    uploaded: c.sessionUploaded,
    downloaded: c.sessionDownloaded,
    left: ctx.transfers[c.torrent]!.left(c.id),
    key: c.key,
    trackerId: c.trackerId,
    event,
  });
  ctx.emit({
    type: 'announceSent',
    t: ctx.now,
    clientId: c.id,
    announceId,
    event,
    target,
    ip: c.ip,
    attempt: c.failures + 1,
    forced: options.forced ?? false,
  });
  cancelAnnounce(c);
  c.inFlight = announceId;
  const sourcePort = EPHEMERAL_FIRST + (c.requestsSent++ % EPHEMERAL_COUNT);
  const flight: InFlightAnnounce = {
    announceId,
    client: c.id,
    event,
    target,
    ip: c.ip,
    sourcePort,
    phase: 'to-tracker',
    requestId: null,
    body: null,
    final: options.final ?? false,
    session: c.sessionGeneration,
  };
  ctx.inFlight.set(announceId, flight);
  if (c.online) {
    ctx.queue.schedule(ctx.now + Math.floor(ctx.network.announceRttMs / 2), {
      kind: 'announceArrives',
      announceId,
    });
  } else {
    ctx.queue.schedule(ctx.now + ctx.network.announceTimeoutMs, { kind: 'announceTimedOut', announceId });
  }
}

/** Half-way: the tracker handles the request (or the connection is refused). */
export async function onAnnounceArrives(ctx: SimContext, announceId: number): Promise<void> {
  const f = ctx.inFlight.get(announceId);
  if (!f || f.phase !== 'to-tracker') return;
  const delivery = await ctx.tracker.send(f.target, f.ip, f.sourcePort, ctx.now);
  f.phase = 'to-client';
  if (delivery.delivered) {
    f.requestId = delivery.requestId;
    f.body = delivery.body;
    ctx.emit({
      type: 'announceDelivered',
      t: ctx.now,
      clientId: f.client,
      announceId,
      requestId: delivery.requestId,
    });
  }
  ctx.queue.schedule(ctx.now + Math.ceil(ctx.network.announceRttMs / 2), {
    kind: 'announceAnswered',
    announceId,
  });
}

export function onAnnounceTimedOut(ctx: SimContext, announceId: number): void {
  const f = ctx.inFlight.get(announceId);
  if (!f || f.phase !== 'to-tracker') return;
  fail(ctx, f, 'timeout');
}

/** The tracker restarted or went down: requests not yet handled are cut off. */
export function abortRequestsInFlight(ctx: SimContext): void {
  const aborted = [...ctx.inFlight.values()]
    .filter((f) => f.phase === 'to-tracker')
    .sort((a, b) => a.announceId - b.announceId);
  for (const f of aborted) fail(ctx, f, 'aborted');
}

function fail(ctx: SimContext, f: InFlightAnnounce, reason: AnnounceFailure): void {
  ctx.inFlight.delete(f.announceId);
  const c = ctx.clients[f.client]!;
  if (c.inFlight === f.announceId) c.inFlight = null;
  const stale = f.final || c.lifecycle !== 'running' || f.session !== c.sessionGeneration;
  const retryAt = stale ? null : retryTime(ctx, c);
  ctx.emit({ type: 'announceFailed', t: ctx.now, clientId: c.id, announceId: f.announceId, reason, retryAt });
  if (retryAt !== null) scheduleAnnounce(ctx, c, retryAt);
}

function retryTime(ctx: SimContext, c: SimClient): number {
  const schedule = clientProfile(c.profile).retrySeconds;
  c.failures++;
  return ctx.now + schedule[Math.min(c.failures - 1, schedule.length - 1)]! * 1000;
}

/** The answer is back at the client. */
export function onAnnounceAnswered(ctx: SimContext, announceId: number): void {
  const f = ctx.inFlight.get(announceId);
  if (!f || f.phase !== 'to-client') return;
  if (f.body === null) return fail(ctx, f, 'refused');
  ctx.inFlight.delete(announceId);
  const c = ctx.clients[f.client]!;
  if (c.inFlight === announceId) c.inFlight = null;
  const stale = f.final || c.lifecycle !== 'running' || f.session !== c.sessionGeneration;
  const decoded = decodeAnnounce(f.body);
  const base = {
    type: 'announceCompleted' as const,
    t: ctx.now,
    clientId: c.id,
    announceId,
    requestId: f.requestId!,
    failureReason: decoded.failureReason,
    warning: decoded.warning,
    interval: decoded.interval,
    minInterval: decoded.minInterval,
    peersReceived: decoded.peers.length,
  };
  // A quitting or crashed client is gone: the answer reaches nobody.
  if (stale) {
    ctx.emit({ ...base, nextAnnounceAt: null });
    return;
  }
  if (decoded.failureReason !== null) {
    const retryAt = retryTime(ctx, c);
    ctx.emit({ ...base, nextAnnounceAt: retryAt });
    scheduleAnnounce(ctx, c, retryAt);
    return;
  }
  c.failures = 0;
  c.lastAnnounceAt = ctx.now;
  if (decoded.interval !== null && decoded.interval > 0) c.interval = decoded.interval;
  if (decoded.minInterval !== null) c.minInterval = decoded.minInterval;
  if (decoded.trackerId !== null) c.trackerId = decoded.trackerId;
  acknowledge(ctx, c, f.event);
  const next = nextAnnounceTime(ctx, c);
  ctx.emit({ ...base, nextAnnounceAt: next });
  if (next !== null) scheduleAnnounce(ctx, c, next);
  if (c.online && !c.paused && decoded.peers.length > 0) openConnections(ctx, c, announceId, decoded.peers);
}

/** The tracker has seen this event: the client owes it one fewer. */
function acknowledge(ctx: SimContext, c: SimClient, event: AnnounceEventName): void {
  if (c.owed[0] !== event) return;
  c.owed.shift();
  const finished = ctx.transfers[c.torrent]!.left(c.id) === 0;
  if (
    event === 'started' &&
    finished &&
    clientProfile(c.profile).resendsCompletedOnStart &&
    !c.owed.includes('completed')
  ) {
    c.owed.push('completed'); // the real-world bug: `completed` again on every start of a finished torrent
  }
}

/** When to announce next: right away for an owed event, never while stopped-paused, else after the interval. */
function nextAnnounceTime(ctx: SimContext, c: SimClient): number | null {
  if (c.paused && clientProfile(c.profile).pause === 'stopped') return c.owed.length > 0 ? ctx.now : null;
  if (c.owed.length > 0) return ctx.now;
  return ctx.now + (c.interval ?? 1800) * 1000;
}

/** The earliest time `min interval` allows another announce. */
export function earliestAllowed(c: SimClient): number {
  if (c.lastAnnounceAt === null || c.minInterval === null) return -Infinity;
  return c.lastAnnounceAt + c.minInterval * 1000;
}
