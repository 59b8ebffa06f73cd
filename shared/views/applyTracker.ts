// Tracker events → the model: the request log, the tracker's view of each client, the counts.
import type { EventOf, LoggedEvent } from '../events';
import { decodePeerIdHex, peerIdLabel } from '../peerId';
import type { ClientState } from '../sim/events';
import type { SwarmModel } from './model';
import type { AnnounceEventName } from '../tracker/events';
import { newClientRow } from './clientRow';
import type { ClientRow } from './types';

/** What a real client's announce says about its state (all we know of its truth). */
function reportedState(e: EventOf<'announceReceived'>): ClientState {
  if (e.event === 'stopped') return 'stopped';
  if (e.event === 'paused') return 'paused';
  return e.left === 0 ? 'seeding' : 'leeching';
}

/**
 * A peer no simulated client owns announced: a real client (live mode). It gets a row like a
 * simulated client's, marked real, named by its client and version and its address.
 */
function addRealPeer(model: SwarmModel, e: EventOf<'announceReceived'>): ClientRow {
  const label = peerIdLabel(decodePeerIdHex(e.peerId));
  const base = `${label} ${e.ip.includes(':') ? `[${e.ip}]` : e.ip}:${e.port}`;
  let name = base;
  for (let n = 2; model.clientsByName.has(name); n++) name = `${base} #${n}`;
  const row: ClientRow = {
    ...newClientRow({
      id: model.clients.length,
      name,
      group: 'real clients',
      profile: label,
      infoHash: e.infoHash,
      ip: e.ip,
      port: e.port,
      peerIds: [e.peerId],
      key: e.key,
      user: e.user,
      size: model.torrents.get(e.infoHash)?.size ?? 0,
      uploadCapacity: 0,
      downloadCapacity: 0,
      state: reportedState(e),
      stateSince: e.t,
      left: e.left,
    }),
    real: true,
    clientLabel: label,
  };
  model.clients[row.id] = row;
  model.clientsByName.set(name, row.id);
  model.owners.set(`${e.infoHash}:${e.peerId}`, row.id);
  return row;
}

/** A real client's side, from its announce: what it reported is its truth. */
function applyReport(c: ClientRow, e: EventOf<'announceReceived'>): void {
  const state = reportedState(e);
  if (state !== c.state) {
    c.state = state;
    c.stateSince = e.t;
  }
  c.ip = e.ip;
  c.port = e.port;
  c.left = e.left;
  c.trueUploaded = e.uploaded;
  c.trueDownloaded = e.downloaded;
  c.lastAnnounceSent = { t: e.t, event: e.event };
}

/**
 * A simulated client is about to take id `id`, which a real client holds (real clients arrived
 * between simulated ones): the real one moves to the end, and every reference to it follows.
 */
export function moveRealPeer(model: SwarmModel, id: number): void {
  const c = model.clients[id];
  if (!c?.real) return;
  const to = model.clients.length;
  c.id = to;
  model.clients[to] = c;
  model.clientsByName.set(c.name, to);
  for (const peerId of c.peerIds) model.owners.set(`${c.infoHash}:${peerId}`, to);
  for (const [entry, owner] of model.entryOwner) if (owner === id) model.entryOwner.set(entry, to);
  for (const row of model.requests) if (row.clientId === id) row.clientId = to;
  for (const expiry of model.expiries) if (expiry.clientId === id) expiry.clientId = to;
  for (const flight of model.flightOrder) {
    if (flight.clientId === id) flight.clientId = to;
    flight.returned = flight.returned.map((r) => (r === id ? to : r));
  }
}

/**
 * A real client's announce as a flight, so the graph animates it and the sequence chart draws it
 * like a simulated one. Only the tracker saw it, so it is sent and delivered at once; its id is
 * the request's, negated (simulated announces count up from 0).
 */
export function realFlightId(requestId: number): number {
  return -requestId - 1;
}

function startRealFlight(
  model: SwarmModel,
  c: ClientRow,
  e: { t: number; requestId: number; event: AnnounceEventName },
): void {
  model.startFlight({
    announceId: realFlightId(e.requestId),
    clientId: c.id,
    event: e.event,
    sentAt: e.t,
    deliveredAt: e.t,
    requestId: e.requestId,
  });
}

function ownerOfEntry(model: SwarmModel, entry: number): ClientRow | undefined {
  const id = model.entryOwner.get(entry);
  return id === undefined || id === null ? undefined : model.clients[id];
}

function listedAs(model: SwarmModel, c: ClientRow): 'seeder' | 'leecher' | null {
  let as: 'seeder' | 'leecher' | null = null;
  for (const entry of c.listedEntries) {
    const e = model.entries.get(entry);
    if (e) as = e.seeder ? 'seeder' : (as ?? 'leecher');
  }
  return as;
}

export function applyTrackerEvent(model: SwarmModel, e: LoggedEvent): void {
  switch (e.type) {
    case 'requestReceived': {
      const minute = Math.floor(e.t / 60_000);
      model.requestsPerMinute.set(minute, (model.requestsPerMinute.get(minute) ?? 0) + 1);
      const path = e.target.split('?')[0] ?? '';
      model.requestIndex.set(e.requestId, model.requests.length);
      model.requests.push({
        requestId: e.requestId,
        t: e.t,
        clientId: null,
        announceId: null,
        method: e.method,
        target: e.target,
        remoteIp: e.remoteIp,
        remotePort: e.remotePort,
        transport: e.transport,
        kind: path.endsWith('/announce') ? 'announce' : path.endsWith('/scrape') ? 'scrape' : 'other',
        event: null,
        status: null,
        bytes: null,
        body: null,
        failure: null,
        warning: null,
        peers: [],
        reasons: [],
        eligible: null,
        numwant: null,
        strategy: null,
        statsUpdated: null,
      });
      return;
    }
    case 'announceReceived': {
      const row = model.request(e.requestId);
      if (row) row.event = e.event;
      const c = model.clientOfPeer(e.infoHash, e.peerId) ?? addRealPeer(model, e);
      if (c.real) {
        applyReport(c, e);
        if (row) {
          row.clientId = c.id;
          row.announceId = realFlightId(e.requestId);
        }
        startRealFlight(model, c, e);
      }
      c.lastHeard = e.t;
      c.lastHeardEvent = e.event;
      c.reportedUploaded = e.uploaded;
      c.reportedDownloaded = e.downloaded;
      return;
    }
    case 'requestFailed': {
      const row = model.request(e.requestId);
      if (row) row.failure = e.reason;
      const flight = model.flights.get(realFlightId(e.requestId));
      if (flight) flight.failure = e.reason;
      return;
    }
    case 'announceAnswered': {
      const row = model.request(e.requestId);
      if (row) {
        row.peers = e.peers;
        row.reasons = e.reasons;
        row.eligible = e.eligible;
        row.numwant = e.numwant;
        row.strategy = e.strategy;
        row.warning = e.warning;
        row.statsUpdated = e.statsUpdated;
      }
      const flight = model.flights.get(realFlightId(e.requestId));
      if (flight) flight.returned = e.peers.flatMap((entry) => model.entryOwner.get(entry) ?? []);
      return;
    }
    case 'responseSent': {
      const row = model.request(e.requestId);
      if (row) {
        row.status = e.status;
        row.bytes = e.bytes;
        row.body = e.body;
      }
      const flight = model.flights.get(realFlightId(e.requestId));
      if (flight) flight.answeredAt = e.t;
      return;
    }
    case 'peerAdded': {
      model.entries.apply(e);
      const c = model.clientOfPeer(e.infoHash, e.peerId);
      model.entryOwner.set(e.entry, c?.id ?? null);
      if (c) {
        c.listedEntries.add(e.entry);
        c.listedAs = listedAs(model, c);
      }
      return;
    }
    case 'peerChanged': {
      model.entries.apply(e);
      const c = ownerOfEntry(model, e.entry);
      if (c) c.listedAs = listedAs(model, c);
      return;
    }
    case 'peerRemoved': {
      model.entries.apply(e);
      const c = ownerOfEntry(model, e.entry);
      if (c && e.reason === 'expired') model.expiries.push({ clientId: c.id, t: e.t });
      // A real client the tracker timed out left without `stopped`, as far as anyone can tell.
      if (c?.real && e.reason === 'expired' && c.state !== 'stopped') {
        c.state = 'crashed';
        c.stateSince = e.t;
      }
      if (c) {
        c.listedEntries.delete(e.entry);
        c.listedAs = listedAs(model, c);
      }
      return;
    }
    case 'creditApplied': {
      const c = model.clientOfPeer(e.infoHash, e.peerId);
      if (c) {
        c.creditedUploaded += e.uploaded;
        c.creditedDownloaded += e.downloaded;
        model.running.creditedUploaded += e.uploaded;
        model.running.creditedDownloaded += e.downloaded;
      }
      const user = model.users.get(e.user) ?? {
        name: e.user,
        creditedUploaded: 0,
        creditedDownloaded: 0,
        snatches: 0,
      };
      user.creditedUploaded = e.totalUploaded;
      user.creditedDownloaded = e.totalDownloaded;
      model.users.set(e.user, user);
      // Credit moves in steps at announces: record the step where it happens, not at the next sample.
      if (e.uploaded !== 0 || e.downloaded !== 0) model.totals.push({ t: e.t, ...model.currentTotals() });
      return;
    }
    case 'snatchCounted': {
      if (e.user !== null) {
        const user = model.users.get(e.user) ?? {
          name: e.user,
          creditedUploaded: 0,
          creditedDownloaded: 0,
          snatches: 0,
        };
        user.snatches++;
        model.users.set(e.user, user);
      }
      return;
    }
    case 'countsChanged': {
      const torrent = model.torrents.get(e.infoHash);
      if (torrent)
        Object.assign(torrent, {
          complete: e.complete,
          incomplete: e.incomplete,
          downloaded: e.downloaded,
          downloaders: e.downloaders,
        });
      let complete = 0;
      let incomplete = 0;
      for (const t of model.torrents.values()) {
        complete += t.complete;
        incomplete += t.incomplete;
      }
      model.counts.push({ t: e.t, complete, incomplete });
      return;
    }
    case 'trackerRestarted':
      return;
    case 'trackerSettingsChanged':
      model.trackerSettings = e.settings;
      return;
    default:
      return;
  }
}
