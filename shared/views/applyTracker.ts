// Tracker events → the model: the request log, the tracker's view of each client, the counts.
import type { LoggedEvent } from '../events';
import type { SwarmModel } from './model';
import type { ClientRow } from './types';

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
      const c = model.clientOfPeer(e.infoHash, e.peerId);
      if (c) {
        c.lastHeard = e.t;
        c.lastHeardEvent = e.event;
        c.reportedUploaded = e.uploaded;
        c.reportedDownloaded = e.downloaded;
      }
      return;
    }
    case 'requestFailed': {
      const row = model.request(e.requestId);
      if (row) row.failure = e.reason;
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
      return;
    }
    case 'responseSent': {
      const row = model.request(e.requestId);
      if (row) {
        row.status = e.status;
        row.bytes = e.bytes;
        row.body = e.body;
      }
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
