// The announce (BEP 3): find or add the peer, credit its counters, count a snatch, pick peers.
// Every step that changes state says so as an event; a rejected announce changes nothing.
import type { AnnounceEventName } from '../../shared/tracker/events';
import { computeCredit } from './accounting';
import { parseAddress } from './address';
import type { AnnounceAnswerFields } from './encode';
import { countsOf, emitCountsIfChanged, removePeer } from './peerEvents';
import { answerPeer, compactAddress, CompactPeers, isSeeder, peerIp } from './peerView';
import type { AnnounceRequest, Rejection, RequestContext } from './request';
import { reject } from './request';
import { swarmPools } from './selection/pool';
import { selectPeers } from './selection/strategies';
import { hex, type TrackerState } from './state';
import { PeerFlag } from './store/peerTable';
import { fnv1a } from './store/slotIndex';
import type { Swarm } from './store/swarm';

export type AnnounceResult =
  | { ok: true; answer: AnnounceAnswerFields; compact: boolean; noPeerId: boolean }
  | ({ ok: false } & Rejection);

interface Found {
  slot: number;
  /** The known peer announces from a new address (recognised by peer_id, or by key). */
  moved: boolean;
  /** ip:port identity: a different peer_id now announces from this address; the old entry goes. */
  replaced: number;
}

interface Announcer {
  req: AnnounceRequest;
  ctx: RequestContext;
  event: AnnounceEventName;
  compact: Uint8Array;
  keyHash: number | null;
  user: number;
  userName: string | null;
  peerIdHex: string;
}

export function announce(state: TrackerState, req: AnnounceRequest, ctx: RequestContext): AnnounceResult {
  const s = state.settings;
  let user = -1;
  let userName: string | null = null;
  if (s.private) {
    if (req.passkey === null) {
      return reject('this tracker is private: announce with your passkey (/<passkey>/announce)', 'passkey');
    }
    const account = state.users.byKey(req.passkey);
    if (!account) return reject('unknown passkey', 'passkey');
    user = account.index;
    userName = account.name;
  }

  let event = req.event;
  if (event === 'paused') {
    if (s.pausedHandling === 'reject')
      return reject('event=paused (BEP 21) is not supported by this tracker', 'event');
    if (s.pausedHandling === 'update') event = 'none';
  }

  let address = ctx.remote;
  if (s.trustIpParam && req.ip !== null) {
    const fromParam = parseAddress(req.ip);
    if (!fromParam) return reject(`ip is not an IP address: ${JSON.stringify(req.ip.slice(0, 64))}`, 'ip');
    address = fromParam;
  }

  const a: Announcer = {
    req,
    ctx,
    event,
    compact: compactAddress(address, req.port),
    keyHash: req.key ? fnv1a(req.key, 0, req.key.length, 0) | 0 : null,
    user,
    userName,
    peerIdHex: state.observed ? hex(req.peerId) : '',
  };
  const infoHashHex = hex(req.infoHash);
  if (state.observed) {
    state.emit({
      type: 'announceReceived',
      t: ctx.now,
      requestId: ctx.requestId,
      infoHash: infoHashHex,
      peerId: a.peerIdHex,
      ip: address.text,
      port: req.port,
      event: req.event,
      uploaded: req.uploaded,
      downloaded: req.downloaded,
      left: req.left,
      corrupt: req.corrupt,
      numwant: req.numwant,
      compact: req.compact ?? true,
      noPeerId: req.noPeerId,
      key: req.key ? hex(req.key) : null,
      trackerId: req.trackerId,
      passkey: req.passkey,
      user: userName,
    });
  }

  const known = state.store.swarm(infoHashHex);
  if (event === 'stopped' && !known) return answer(state, a, null, -1, true, s.warningMessage || null);
  const swarm = known ?? state.store.swarmOrCreate(req.infoHash, infoHashHex);
  const found = findPeer(state, swarm, a);

  // Min-interval enforcement applies to regular announces only: never lose a started/completed/stopped.
  const lastSeen = found.slot === -1 ? 0 : state.store.table.lastSeen[found.slot]!;
  const ageSeconds = Math.floor((ctx.now - lastSeen) / 1000);
  const early =
    found.slot !== -1 &&
    (event === 'none' || event === 'paused') &&
    s.minIntervalEnforcement !== 'off' &&
    ctx.now - lastSeen < s.minInterval * 1000;
  if (early && s.minIntervalEnforcement === 'reject') {
    return reject(
      `announce too soon: ${ageSeconds} s since the last one, min interval is ${s.minInterval} s`,
    );
  }
  if (early) {
    const warning = `announce ignored: ${ageSeconds} s since the last one, min interval is ${s.minInterval} s`;
    return answer(state, a, swarm, found.slot, false, warning);
  }

  const before = state.observed ? countsOf(swarm) : null;
  if (found.replaced !== -1) removePeer(state, found.replaced, 'replaced', ctx.requestId, ctx.now);
  let slot = found.slot;
  if (event === 'stopped') {
    if (slot !== -1) {
      credit(state, a, swarm, slot, false);
      removePeer(state, slot, 'stopped', ctx.requestId, ctx.now);
      slot = -1;
    }
  } else if (slot === -1) {
    slot = addPeer(state, a, swarm);
  } else {
    updatePeer(state, a, swarm, slot, found.moved);
  }
  if (slot !== -1 && event === 'completed') countSnatch(state, a, swarm, slot);
  if (before) emitCountsIfChanged(state, swarm, before, ctx.now);
  return answer(state, a, swarm, slot, true, s.warningMessage || null);
}

function findPeer(state: TrackerState, swarm: Swarm, a: Announcer): Found {
  const { store, settings } = state;
  const t = store.table;
  if (settings.peerIdentity === 'ip:port') {
    const atAddress = store.findByAddress(swarm, a.compact);
    if (atAddress !== -1) {
      const samePeerId = t.peerIdOf(atAddress).every((b, i) => b === a.req.peerId[i]);
      if (samePeerId) return { slot: atAddress, moved: false, replaced: -1 };
    }
    if (settings.recognizeByKey && a.keyHash !== null) {
      const keyHash = a.keyHash;
      const moved = store.findByPeerId(
        swarm,
        a.req.peerId,
        (slot) => t.hasFlag(slot, PeerFlag.HasKey) && t.keyHash[slot] === keyHash && slot !== atAddress,
      );
      if (moved !== -1) return { slot: moved, moved: true, replaced: atAddress };
    }
    return { slot: -1, moved: false, replaced: atAddress };
  }
  const slot =
    settings.peerIdentity === 'user+peer_id'
      ? store.findByPeerId(swarm, a.req.peerId, (x) => t.user[x] === a.user)
      : store.findByPeerId(swarm, a.req.peerId);
  return { slot, moved: slot !== -1 && !store.hasAddress(slot, a.compact), replaced: -1 };
}

function addPeer(state: TrackerState, a: Announcer, swarm: Swarm): number {
  const { store } = state;
  const slot = store.add(swarm, {
    peerId: a.req.peerId,
    compact: a.compact,
    user: a.user,
    keyHash: a.keyHash,
    seeder: a.req.left === 0,
    now: a.ctx.now,
  });
  credit(state, a, swarm, slot, true);
  recordReport(state, a, slot);
  if (a.event === 'paused') store.setPaused(slot, true);
  if (state.observed) {
    state.emit({
      type: 'peerAdded',
      t: a.ctx.now,
      requestId: a.ctx.requestId,
      entry: store.table.entry[slot]!,
      infoHash: swarm.infoHashHex,
      peerId: a.peerIdHex,
      ip: peerIp(store, slot),
      port: a.req.port,
      seeder: a.req.left === 0,
      user: a.userName,
    });
  }
  return slot;
}

function updatePeer(state: TrackerState, a: Announcer, swarm: Swarm, slot: number, moved: boolean): void {
  const { store } = state;
  const t = store.table;
  if (moved) {
    store.setAddress(slot, a.compact);
    changed(state, a, swarm, slot, 'moved');
  }
  if (a.keyHash !== null) {
    t.keyHash[slot] = a.keyHash;
    t.setFlag(slot, PeerFlag.HasKey, true);
  }
  // Upload rate from the reported counters, before they are overwritten (speed-aware selection).
  const seconds = (a.ctx.now - t.lastSeen[slot]!) / 1000;
  const uploadedSince = a.req.uploaded - t.uploaded[slot]!;
  if (seconds > 0 && uploadedSince >= 0) t.uploadRate[slot] = uploadedSince / seconds;
  credit(state, a, swarm, slot, false);
  recordReport(state, a, slot);
  const seeder = a.req.left === 0;
  if (seeder !== isSeeder(store, slot)) {
    store.setSeeder(slot, seeder);
    changed(state, a, swarm, slot, seeder ? 'seeding' : 'leeching');
  }
  const paused = a.event === 'paused';
  if (paused !== t.hasFlag(slot, PeerFlag.Paused)) {
    store.setPaused(slot, paused);
    changed(state, a, swarm, slot, paused ? 'paused' : 'resumed');
  }
}

/** Stores what the peer reported (the counters are stored by `credit`). */
function recordReport(state: TrackerState, a: Announcer, slot: number): void {
  const t = state.store.table;
  t.left[slot] = a.req.left;
  t.corrupt[slot] = a.req.corrupt ?? 0;
  t.lastSeen[slot] = a.ctx.now;
  t.announces[slot] = t.announces[slot]! + 1;
}

function changed(
  state: TrackerState,
  a: Announcer,
  swarm: Swarm,
  slot: number,
  change: 'seeding' | 'leeching' | 'paused' | 'resumed' | 'moved',
): void {
  if (!state.observed) return;
  const { store } = state;
  state.emit({
    type: 'peerChanged',
    t: a.ctx.now,
    requestId: a.ctx.requestId,
    entry: store.table.entry[slot]!,
    infoHash: swarm.infoHashHex,
    peerId: a.peerIdHex,
    ip: peerIp(store, slot),
    port: store.table.portOf(slot),
    seeder: isSeeder(store, slot),
    paused: store.table.hasFlag(slot, PeerFlag.Paused),
    change,
  });
}

/** Private mode: credit the user per the accounting settings. Public mode only stores the counters. */
function credit(state: TrackerState, a: Announcer, swarm: Swarm, slot: number, isNew: boolean): void {
  const t = state.store.table;
  const account = a.user === -1 ? undefined : state.users.at(a.user);
  if (!account) {
    t.uploaded[slot] = a.req.uploaded;
    t.downloaded[slot] = a.req.downloaded;
    return;
  }
  const c = computeCredit({
    counterReset: state.settings.counterReset,
    firstAnnounce: state.settings.firstAnnounce,
    isNew,
    started: a.event === 'started',
    storedUploaded: t.uploaded[slot]!,
    storedDownloaded: t.downloaded[slot]!,
    uploaded: a.req.uploaded,
    downloaded: a.req.downloaded,
  });
  t.uploaded[slot] = c.storeUploaded;
  t.downloaded[slot] = c.storeDownloaded;
  account.uploaded += c.uploaded;
  account.downloaded += c.downloaded;
  if (state.observed) {
    state.emit({
      type: 'creditApplied',
      t: a.ctx.now,
      requestId: a.ctx.requestId,
      infoHash: swarm.infoHashHex,
      peerId: a.peerIdHex,
      user: account.name,
      rule: c.rule,
      uploaded: c.uploaded,
      downloaded: c.downloaded,
      reportedUploaded: a.req.uploaded,
      reportedDownloaded: a.req.downloaded,
      totalUploaded: account.uploaded,
      totalDownloaded: account.downloaded,
    });
  }
}

function countSnatch(state: TrackerState, a: Announcer, swarm: Swarm, slot: number): void {
  const t = state.store.table;
  const base = {
    t: a.ctx.now,
    requestId: a.ctx.requestId,
    infoHash: swarm.infoHashHex,
    peerId: a.peerIdHex,
    user: a.userName,
  };
  const refuse = (
    reason: 'already-counted-for-peer' | 'already-counted-for-user' | 'left-not-zero',
  ): void => {
    if (state.observed) state.emit({ type: 'snatchRefused', ...base, reason });
  };
  if (a.req.left !== 0) return refuse('left-not-zero');
  // Remember every user who reported completing this torrent, whatever the mode, so that switching
  // to once-per-user later still knows who has already been counted.
  const firstForUser = a.user === -1 || state.users.markSnatched(a.user, swarm.infoHashHex);
  const mode = state.settings.snatchCounting;
  if (mode === 'once-per-user' && a.user !== -1) {
    if (!firstForUser) return refuse('already-counted-for-user');
  } else if (mode !== 'every-completed' && t.hasFlag(slot, PeerFlag.Snatched)) {
    return refuse('already-counted-for-peer');
  }
  t.setFlag(slot, PeerFlag.Snatched, true);
  swarm.snatches++;
  const account = a.user === -1 ? undefined : state.users.at(a.user);
  if (account) account.snatches++;
  if (state.observed) state.emit({ type: 'snatchCounted', ...base, downloaded: swarm.snatches });
}

/** A real client is not sent simulated peers unless the setting says so: the filter, or null. */
function simulatedPeersWithheld(state: TrackerState, a: Announcer): ((slot: number) => boolean) | null {
  const sim = state.simulatedPeers;
  if (!sim || state.settings.simulatedPeersToRealClients || sim.isSimulated(a.req.peerId)) return null;
  const table = state.store.table;
  return (slot) => sim.isSimulated(table.peerIdOf(slot));
}

/** Builds the response: counts, interval, and the peers the strategy picks (never the requester). */
function answer(
  state: TrackerState,
  a: Announcer,
  swarm: Swarm | null,
  requester: number,
  statsUpdated: boolean,
  warning: string | null,
): AnnounceResult {
  const s = state.settings;
  const { store } = state;
  const numwant = Math.min(a.req.numwant ?? s.numwantDefault, s.numwantMax);
  const jitter = s.intervalJitter > 0 ? state.rng.int(-s.intervalJitter, s.intervalJitter) : 0;
  const interval = Math.max(1, s.interval + jitter);
  let slots: number[] = [];
  let reasons: ReturnType<typeof selectPeers>['reasons'] = [];
  let eligible = 0;
  let seedersWithheld = 0;
  if (swarm && a.event !== 'stopped') {
    const pools = swarmPools(
      store,
      swarm,
      requester,
      a.req.left === 0,
      s.seedersToSeeders,
      a.ctx.peerFamily ?? null,
      simulatedPeersWithheld(state, a),
    );
    eligible = pools.leechers.size + pools.seeders.size;
    seedersWithheld = pools.seedersWithheld;
    ({ slots, reasons } = selectPeers(s.selection, {
      store,
      pools,
      requesterCompact: a.compact,
      numwant,
      rng: state.rng,
    }));
  }
  const compact = a.req.compact ?? true; // BEP 23: trackers SHOULD answer compact by default
  const fields: AnnounceAnswerFields = {
    interval,
    minInterval: s.minInterval,
    complete: swarm?.complete ?? 0,
    incomplete: swarm?.incomplete ?? 0,
    downloaded: swarm?.snatches ?? 0,
    // Compact answers are copies of stored bytes; only the dictionary form needs per-peer objects.
    peers: compact
      ? new CompactPeers(store.table, slots)
      : { dict: slots.map((slot) => answerPeer(store, slot)) },
    trackerId: s.trackerId,
    warning,
  };
  if (state.observed) {
    state.emit({
      type: 'announceAnswered',
      t: a.ctx.now,
      requestId: a.ctx.requestId,
      infoHash: hex(a.req.infoHash),
      peerId: a.peerIdHex,
      interval,
      minInterval: s.minInterval,
      complete: fields.complete,
      incomplete: fields.incomplete,
      downloaded: fields.downloaded,
      strategy: s.selection,
      numwant,
      eligible,
      seedersWithheld,
      peers: slots.map((slot) => store.table.entry[slot]!),
      reasons,
      compact,
      warning,
      statsUpdated,
    });
  }
  return { ok: true, answer: fields, compact, noPeerId: a.req.noPeerId };
}
