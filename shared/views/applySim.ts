// Simulation events → the model. Returns false for events it does not handle (tracker events).
import type { LoggedEvent } from '../events';
import type { SwarmModel } from './model';
import { newClientRow } from './clientRow';

function addOwner(model: SwarmModel, infoHash: string, peerId: string, clientId: number): void {
  model.owners.set(`${infoHash}:${peerId}`, clientId);
}

export function applySimEvent(model: SwarmModel, e: LoggedEvent): boolean {
  switch (e.type) {
    case 'simulationStarted':
      for (const t of e.torrents) {
        model.torrents.set(t.infoHash, {
          infoHash: t.infoHash,
          name: t.name,
          size: t.size,
          pieces: t.pieces,
          complete: 0,
          incomplete: 0,
          downloaded: 0,
          downloaders: 0,
        });
      }
      return true;
    case 'clientCreated': {
      const row = newClientRow({
        id: e.clientId,
        name: e.name,
        group: e.group,
        profile: e.profile,
        infoHash: e.infoHash,
        ip: e.ip,
        port: e.port,
        peerIds: [e.peerId],
        key: e.key,
        user: e.user,
        size: e.size,
        uploadCapacity: e.uploadCapacity,
        downloadCapacity: e.downloadCapacity,
        state: 'idle',
        stateSince: e.t,
        left: e.left,
      });
      model.clients[e.clientId] = row;
      model.clientsByName.set(e.name, e.clientId);
      addOwner(model, e.infoHash, e.peerId, e.clientId);
      return true;
    }
    case 'clientStateChanged': {
      const c = model.clients[e.clientId];
      if (c) {
        c.state = e.state;
        c.stateSince = e.t;
      }
      return true;
    }
    case 'clientIdentityChanged': {
      const c = model.clients[e.clientId];
      if (c) {
        c.ip = e.ip;
        c.port = e.port;
        c.key = e.key;
        if (!c.peerIds.includes(e.peerId)) c.peerIds.push(e.peerId);
        addOwner(model, c.infoHash, e.peerId, c.id);
      }
      return true;
    }
    case 'announceSent': {
      const c = model.clients[e.clientId];
      if (c) {
        c.lastAnnounceSent = { t: e.t, event: e.event };
        c.nextAnnounceAt = null;
      }
      model.startFlight({
        announceId: e.announceId,
        clientId: e.clientId,
        event: e.event,
        sentAt: e.t,
        deliveredAt: null,
        requestId: null,
      });
      return true;
    }
    case 'announceDelivered': {
      const f = model.flights.get(e.announceId);
      if (f) {
        f.deliveredAt = e.t;
        f.requestId = e.requestId;
      }
      const row = model.request(e.requestId);
      if (row) {
        row.clientId = e.clientId;
        row.announceId = e.announceId;
        if (f) f.returned = row.peers.flatMap((entry) => model.entryOwner.get(entry) ?? []);
      }
      return true;
    }
    case 'announceCompleted': {
      const f = model.flights.get(e.announceId);
      if (f) {
        f.answeredAt = e.t;
        if (e.failureReason !== null) f.failure = e.failureReason;
      }
      const c = model.clients[e.clientId];
      if (c) {
        c.nextAnnounceAt = e.nextAnnounceAt;
        c.lastFailure = e.failureReason === null ? c.lastFailure : { t: e.t, reason: e.failureReason };
      }
      return true;
    }
    case 'announceFailed': {
      const f = model.flights.get(e.announceId);
      if (f) {
        f.failedAt = e.t;
        f.failure = e.reason;
      }
      const c = model.clients[e.clientId];
      if (c) {
        c.lastFailure = { t: e.t, reason: e.reason };
        c.nextAnnounceAt = e.retryAt;
      }
      return true;
    }
    case 'connectionsOpened': {
      const c = model.clients[e.clientId];
      for (const peer of e.peers) {
        c?.connections.add(peer);
        model.clients[peer]?.connections.add(e.clientId);
      }
      return true;
    }
    case 'connectionsClosed': {
      const c = model.clients[e.clientId];
      for (const peer of e.peers) {
        c?.connections.delete(peer);
        model.clients[peer]?.connections.delete(e.clientId);
      }
      return true;
    }
    case 'transfersProgressed': {
      for (let i = 0; i < e.clients.length; i++) {
        const c = model.clients[e.clients[i]!];
        if (!c) continue;
        c.trueUploaded += e.uploaded[i]!;
        c.trueDownloaded += e.downloaded[i]!;
        model.running.trueUploaded += e.uploaded[i]!;
        model.running.trueDownloaded += e.downloaded[i]!;
        c.left = e.left[i]!;
      }
      model.totals.push({ t: e.t, ...model.currentTotals() });
      return true;
    }
    case 'trackerAvailabilityChanged':
      model.trackerUp = e.up;
      return true;
    case 'commandApplied':
      return true;
    case 'commandRejected':
      model.rejectedCommands.push({ t: e.t, commandType: e.commandType, error: e.error });
      return true;
    default:
      return false;
  }
}
