// A small hand-written event log for the graph's tests: clients, their tracker entries, and announces
// with the times the animation is built from (sent → delivered → answered, or failed), applied to a
// real SwarmModel. Only the events the graph reads are written.
import type { LoggedEvent, SimEvent } from '../../../shared/events';
import type { ClientState } from '../../../shared/sim/events';
import type { PeerRemovalReason, SelectionReason } from '../../../shared/tracker/events';
import type { AnnounceFlight } from '../../../shared/views/types';
import { SwarmModel } from '../../../shared/views/model';

export const INFO_HASH = 'aa'.repeat(20);

const peerIdOf = (id: number): string => id.toString(16).padStart(40, '0');

export class GraphLog {
  readonly events: LoggedEvent[] = [];
  private nextRequest = 1;
  private nextAnnounce = 1;
  private nextEntry = 1;
  private readonly entries = new Map<number, number>();

  push(e: SimEvent): this {
    this.events.push({ ...e, seq: this.events.length } as LoggedEvent);
    return this;
  }

  /** A client arrives (and is listed by the tracker unless `listed` is false). */
  client(
    id: number,
    name = `peer-${id}`,
    o: { t?: number; state?: ClientState; listed?: boolean } = {},
  ): this {
    const t = o.t ?? 0;
    this.push({
      type: 'clientCreated',
      t,
      clientId: id,
      name,
      group: 'peer',
      profile: 'transmission-1.32',
      infoHash: INFO_HASH,
      ip: `127.20.0.${id + 2}`,
      port: 51413,
      peerId: peerIdOf(id),
      key: null,
      user: null,
      uploadCapacity: 65_536,
      downloadCapacity: 1_048_576,
      maxConnections: 40,
      size: 1_000_000,
      left: 1_000_000,
    });
    this.state(id, o.state ?? 'leeching', t);
    if (o.listed !== false) this.listed(id, t);
    return this;
  }

  state(id: number, state: ClientState, t: number): this {
    return this.push({ type: 'clientStateChanged', t, clientId: id, state, previous: 'idle', cause: state });
  }

  listed(id: number, t: number): this {
    const entry = this.nextEntry++;
    this.entries.set(id, entry);
    return this.push({
      type: 'peerAdded',
      t,
      requestId: 0,
      entry,
      infoHash: INFO_HASH,
      peerId: peerIdOf(id),
      ip: `127.20.0.${id + 2}`,
      port: 51413,
      seeder: false,
      user: null,
    });
  }

  removed(id: number, t: number, reason: PeerRemovalReason): this {
    const entry = this.entries.get(id)!;
    return this.push({
      type: 'peerRemoved',
      t,
      requestId: null,
      entry,
      infoHash: INFO_HASH,
      peerId: peerIdOf(id),
      ip: `127.20.0.${id + 2}`,
      port: 51413,
      seeder: false,
      reason,
      lastSeen: 0,
    });
  }

  connected(id: number, peers: number[], t: number): this {
    return this.push({
      type: 'connectionsOpened',
      t,
      clientId: id,
      announceId: 0,
      peers,
      unreachable: [],
      full: 0,
      notSimulated: 0,
    });
  }

  /** An announce that reaches the tracker at `sentAt + rtt/2` and is answered at `sentAt + rtt`. */
  announce(
    id: number,
    sentAt: number,
    o: { rtt?: number; returns?: { id: number; reason: SelectionReason }[]; failureReason?: string } = {},
  ): this {
    const rtt = o.rtt ?? 100;
    const announceId = this.nextAnnounce++;
    const requestId = this.nextRequest++;
    const returns = o.returns ?? [];
    this.push({
      type: 'announceSent',
      t: sentAt,
      clientId: id,
      announceId,
      event: 'none',
      target: '/announce',
      ip: '127.0.0.1',
      attempt: 1,
      forced: false,
    });
    const at = sentAt + rtt / 2;
    this.push({
      type: 'requestReceived',
      t: at,
      requestId,
      transport: 'http',
      remoteIp: '127.0.0.1',
      remotePort: 40000,
      method: 'GET',
      target: '/announce',
    });
    this.push({
      type: 'announceAnswered',
      t: at,
      requestId,
      infoHash: INFO_HASH,
      peerId: peerIdOf(id),
      interval: 1800,
      minInterval: 0,
      complete: 0,
      incomplete: returns.length + 1,
      downloaded: 0,
      strategy: 'random',
      numwant: 50,
      eligible: returns.length + 2,
      seedersWithheld: 0,
      peers: returns.map((r) => this.entries.get(r.id)!),
      reasons: returns.map((r) => r.reason),
      compact: true,
      warning: null,
      statsUpdated: true,
    });
    this.push({ type: 'announceDelivered', t: at, clientId: id, announceId, requestId });
    return this.push({
      type: 'announceCompleted',
      t: sentAt + rtt,
      clientId: id,
      announceId,
      requestId,
      failureReason: o.failureReason ?? null,
      warning: null,
      interval: 1800,
      minInterval: 0,
      peersReceived: returns.length,
      nextAnnounceAt: sentAt + 1_800_000,
    });
  }

  /** An announce that never reaches the tracker and fails at `failedAt`. */
  lost(id: number, sentAt: number, failedAt: number, reason: 'refused' | 'timeout' = 'timeout'): this {
    const announceId = this.nextAnnounce++;
    this.push({
      type: 'announceSent',
      t: sentAt,
      clientId: id,
      announceId,
      event: 'none',
      target: '/announce',
      ip: '127.0.0.1',
      attempt: 1,
      forced: false,
    });
    return this.push({
      type: 'announceFailed',
      t: failedAt,
      clientId: id,
      announceId,
      reason,
      retryAt: null,
    });
  }

  model(): SwarmModel {
    const model = new SwarmModel();
    model.apply([...this.events].sort((a, b) => a.t - b.t || a.seq - b.seq).map((e, seq) => ({ ...e, seq })));
    return model;
  }
}

/** A flight record as the model keeps it, for the timing tests. */
export function flight(times: Partial<AnnounceFlight> & { sentAt: number }): AnnounceFlight {
  return {
    announceId: 1,
    clientId: 0,
    event: 'none',
    deliveredAt: null,
    requestId: null,
    answeredAt: null,
    failedAt: null,
    failure: null,
    returned: [],
    ...times,
  };
}
