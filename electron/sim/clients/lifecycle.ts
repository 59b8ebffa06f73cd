// What happens to a client when it arrives, finishes, pauses, crashes, restarts, quits, loses the
// network, moves to a new address or is told to announce. Each action returns an error message when
// it does not apply to the client's current state (the engine reports it as a rejected command).
import { clientProfile } from '../../../shared/sim/profiles';
import { toHex } from '../../../shared/bytes';
import type { SimClient, SimContext } from '../context';
import { cancelAnnounce, earliestAllowed, scheduleAnnounce, sendAnnounce } from './announcing';
import { addressKey } from './connecting';
import { makePeerId, movedAddress } from './identity';
import { closeConnections, refreshState } from './state';

export type ActionResult = string | null;

function announceNowOrWhenFree(ctx: SimContext, c: SimClient): void {
  if (c.inFlight === null) sendAnnounce(ctx, c);
  // else: the answer to the request in flight schedules the owed event right away
}

function scheduleSeedTimeEnd(ctx: SimContext, c: SimClient): void {
  if (c.seedTimeMs === null) return;
  ctx.queue.schedule(ctx.now + c.seedTimeMs, {
    kind: 'seedTimeOver',
    client: c.id,
    generation: c.sessionGeneration,
  });
}

/** The client appears: it joins the transfer model with its initial pieces and announces `started`. */
export function arrive(ctx: SimContext, c: SimClient): void {
  if (c.lifecycle !== 'idle') return;
  const transfers = ctx.transfers[c.torrent]!;
  transfers.addPeer({
    id: c.id,
    uploadCapacity: c.uploadCapacity,
    downloadCapacity: c.downloadCapacity,
    maxConnections: c.maxConnections,
    have: c.initialHave,
  });
  const torrent = ctx.torrents[c.torrent]!;
  ctx.emit({
    type: 'clientCreated',
    t: ctx.now,
    clientId: c.id,
    name: c.name,
    group: c.group,
    profile: c.profile,
    infoHash: torrent.infoHashHex,
    ip: c.ip,
    port: c.port,
    peerId: toHex(c.peerId),
    key: c.key,
    user: c.user,
    uploadCapacity: c.uploadCapacity,
    downloadCapacity: c.downloadCapacity,
    maxConnections: c.maxConnections,
    size: torrent.size,
    left: transfers.left(c.id),
  });
  c.lifecycle = 'running';
  c.arrivedAt = ctx.now;
  c.owed = ['started'];
  refreshState(ctx, c, 'arrived');
  sendAnnounce(ctx, c);
  if (ctx.transfers[c.torrent]!.left(c.id) === 0) scheduleSeedTimeEnd(ctx, c);
}

/** The last piece arrived: BEP 3 says announce `completed` now (not on exit, as seed 002 claims). */
export function downloadCompleted(ctx: SimContext, c: SimClient): void {
  c.completedAt = ctx.now;
  if (!c.owed.includes('completed')) c.owed.push('completed');
  refreshState(ctx, c, 'download complete');
  if (c.online && !c.paused) announceNowOrWhenFree(ctx, c);
  scheduleSeedTimeEnd(ctx, c);
}

export function pause(ctx: SimContext, c: SimClient): ActionResult {
  if (c.lifecycle !== 'running') return `${c.name} is not running`;
  if (c.paused) return `${c.name} is already paused`;
  c.paused = true;
  closeConnections(ctx, c, 'paused');
  refreshState(ctx, c, 'paused');
  switch (clientProfile(c.profile).pause) {
    case 'nothing':
      cancelAnnounce(c); // silence: the tracker keeps listing it until the peer timeout
      break;
    case 'paused':
      announceNowOrWhenFree(ctx, c); // BEP 21: event=paused now and in every announce while paused
      break;
    case 'stopped':
      c.owed = ['stopped'];
      announceNowOrWhenFree(ctx, c);
      break;
  }
  return null;
}

export function resume(ctx: SimContext, c: SimClient): ActionResult {
  if (c.lifecycle !== 'running' || !c.paused) return `${c.name} is not paused`;
  c.paused = false;
  refreshState(ctx, c, 'resumed');
  const behaviour = clientProfile(c.profile).pause;
  if (behaviour === 'stopped') {
    c.owed = ['started'];
    announceNowOrWhenFree(ctx, c);
  } else if (behaviour === 'paused') {
    announceNowOrWhenFree(ctx, c);
  } else {
    // It sent nothing while paused; the regular schedule picks up where it left off.
    const due = c.lastAnnounceAt === null ? ctx.now : c.lastAnnounceAt + (c.interval ?? 1800) * 1000;
    if (c.inFlight === null) scheduleAnnounce(ctx, c, Math.max(ctx.now, due));
  }
  return null;
}

function endSession(ctx: SimContext, c: SimClient, lifecycle: 'crashed' | 'stopped', cause: string): void {
  c.lifecycle = lifecycle;
  c.paused = false;
  c.sessionGeneration++;
  cancelAnnounce(c);
  closeConnections(ctx, c, lifecycle === 'crashed' ? 'crashed' : 'left');
  refreshState(ctx, c, cause);
}

/** Gone without a word: no `stopped`, so the tracker lists a ghost until its peer timeout. */
export function crash(ctx: SimContext, c: SimClient): ActionResult {
  if (c.lifecycle !== 'running') return `${c.name} is not running`;
  endSession(ctx, c, 'crashed', 'crashed');
  return null;
}

/** Closes properly: one `stopped` announce, not retried; if it is lost, so is the final credit. */
export function quit(ctx: SimContext, c: SimClient): ActionResult {
  if (c.lifecycle !== 'running') return `${c.name} is not running`;
  const wasPausedStopped =
    c.paused && clientProfile(c.profile).pause === 'stopped' && c.owed[0] !== 'stopped';
  endSession(ctx, c, 'stopped', 'quit');
  if (!wasPausedStopped) sendAnnounce(ctx, c, { event: 'stopped', final: true });
  return null;
}

/** A new session: counters from 0 (a tracker must re-baseline), maybe a new peer_id, `started` again. */
export function restart(ctx: SimContext, c: SimClient): ActionResult {
  if (c.lifecycle !== 'crashed' && c.lifecycle !== 'stopped')
    return `${c.name} is running (crash or quit it first)`;
  c.lifecycle = 'running';
  c.online = true;
  c.paused = false;
  c.sessionUploaded = 0;
  c.sessionDownloaded = 0;
  c.failures = 0;
  c.owed = ['started'];
  c.trackerId = null;
  c.inFlight = null;
  if (clientProfile(c.profile).newPeerIdOnRestart) {
    c.peerId = makePeerId(clientProfile(c.profile), ctx.rng.identity);
    ctx.emit({
      type: 'clientIdentityChanged',
      t: ctx.now,
      clientId: c.id,
      ip: c.ip,
      port: c.port,
      peerId: toHex(c.peerId),
      key: c.key,
      cause: 'restart',
    });
  }
  refreshState(ctx, c, 'restarted');
  sendAnnounce(ctx, c);
  if (ctx.transfers[c.torrent]!.left(c.id) === 0) scheduleSeedTimeEnd(ctx, c);
  return null;
}

export function goOffline(ctx: SimContext, c: SimClient): ActionResult {
  if (c.lifecycle !== 'running') return `${c.name} is not running`;
  if (!c.online) return `${c.name} is already offline`;
  c.online = false;
  closeConnections(ctx, c, 'offline');
  refreshState(ctx, c, 'went offline');
  return null;
}

export function goOnline(ctx: SimContext, c: SimClient): ActionResult {
  if (c.lifecycle !== 'running') return `${c.name} is not running`;
  if (c.online) return `${c.name} is already online`;
  c.online = true;
  refreshState(ctx, c, 'back online');
  // A client that has been failing retries on its back-off schedule; one that never noticed
  // (no announce was due) carries on with its regular schedule.
  return null;
}

/** Same client, same key, new loopback address; the tracker finds out at the next announce. */
export function changeIp(ctx: SimContext, c: SimClient): ActionResult {
  if (c.lifecycle !== 'running') return `${c.name} is not running`;
  closeConnections(ctx, c, 'ip-change');
  c.ip = movedAddress(ctx.counters.movedAddresses++);
  ctx.addressBook.set(addressKey(c.ip, c.port), c.id);
  ctx.emit({
    type: 'clientIdentityChanged',
    t: ctx.now,
    clientId: c.id,
    ip: c.ip,
    port: c.port,
    peerId: toHex(c.peerId),
    key: c.key,
    cause: 'ip-change',
  });
  return null;
}

/** A manual announce. Profiles that honour `min interval` wait until it allows one. */
export function forceAnnounce(ctx: SimContext, c: SimClient): ActionResult {
  if (c.lifecycle !== 'running') return `${c.name} is not running`;
  if (c.paused && clientProfile(c.profile).pause !== 'paused') return `${c.name} is paused`;
  if (c.inFlight !== null) return `${c.name} is already announcing`;
  const at = clientProfile(c.profile).forceAnnounceIgnoresMinInterval
    ? ctx.now
    : Math.max(ctx.now, earliestAllowed(c));
  if (at === ctx.now) sendAnnounce(ctx, c, { forced: true });
  else scheduleAnnounce(ctx, c, at, true);
  return null;
}

export function onSeedTimeOver(ctx: SimContext, c: SimClient, generation: number): void {
  if (c.sessionGeneration !== generation || c.lifecycle !== 'running') return;
  quit(ctx, c);
}
