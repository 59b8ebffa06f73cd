// The views' state, derived from the event log and nothing else: apply events in order and read
// the rows. It is mutable for speed (a big swarm sends thousands of events a second); `version`
// changes whenever anything does, which is what the UI subscribes to.
import type { SessionInfo } from '../bridge';
import type { LoggedEvent } from '../events';
import type { TrackerSettings } from '../tracker/settings';
import { PeerEntries } from '../tracker/entries';
import { applySimEvent } from './applySim';
import { applyTrackerEvent, moveRealPeer } from './applyTracker';
import type {
  AnnounceFlight,
  ClientRow,
  CountsPoint,
  RequestRow,
  TorrentRow,
  TotalsPoint,
  UserRow,
} from './types';

export class SwarmModel {
  version = 0;
  session: SessionInfo | null = null;
  /** Every event, in order (the views are rebuilt from it after a truncation). */
  events: LoggedEvent[] = [];
  /** Time of the latest event. */
  lastEventAt = 0;
  clients: ClientRow[] = [];
  clientsByName = new Map<string, number>();
  /** `infoHash:peerId` → client. */
  owners = new Map<string, number>();
  entries = new PeerEntries();
  /** Tracker entry → client it belongs to (null: not a simulated client). */
  entryOwner = new Map<number, number | null>();
  users = new Map<string, UserRow>();
  torrents = new Map<string, TorrentRow>();
  trackerSettings: TrackerSettings | null = null;
  trackerUp = true;
  requests: RequestRow[] = [];
  requestIndex = new Map<number, number>();
  flights = new Map<number, AnnounceFlight>();
  /** Announces in order of sending (for the animation and the sequence of a client). */
  flightOrder: AnnounceFlight[] = [];
  /** Simulated clients' tracker entries reaped by timeout, in time order (the graph fades ghosts out). */
  expiries: { clientId: number; t: number }[] = [];
  counts: CountsPoint[] = [];
  totals: TotalsPoint[] = [];
  requestsPerMinute = new Map<number, number>();
  rejectedCommands: { t: number; commandType: string | null; error: string }[] = [];

  reset(session: SessionInfo | null): void {
    const fresh = new SwarmModel();
    Object.assign(this, fresh, { version: this.version + 1, session, events: [] as LoggedEvent[] });
    this.trackerSettings = session?.trackerSettings ?? null;
  }

  apply(events: readonly LoggedEvent[]): void {
    for (const e of events) {
      if (e.seq !== this.events.length) continue; // already seen (a replay after reconnecting)
      this.events.push(e);
      this.lastEventAt = e.t;
      if (e.type === 'clientCreated') moveRealPeer(this, e.clientId);
      if (!applySimEvent(this, e)) applyTrackerEvent(this, e);
    }
    this.version++;
  }

  /**
   * An independent copy (a checkpoint for scrubbing): rows are copied, so applying events to one
   * never shows in the other. Immutable points (counts, totals…) are shared by slicing.
   */
  clone(): SwarmModel {
    const m = new SwarmModel();
    m.version = this.version;
    m.session = this.session;
    m.events = this.events.slice();
    m.lastEventAt = this.lastEventAt;
    m.clients = this.clients.map((c) => ({
      ...c,
      peerIds: [...c.peerIds],
      connections: new Set(c.connections),
      listedEntries: new Set(c.listedEntries),
    }));
    m.clientsByName = new Map(this.clientsByName);
    m.owners = new Map(this.owners);
    m.entries = this.entries.clone();
    m.entryOwner = new Map(this.entryOwner);
    m.users = new Map([...this.users].map(([k, v]) => [k, { ...v }]));
    m.torrents = new Map([...this.torrents].map(([k, v]) => [k, { ...v }]));
    m.trackerSettings = this.trackerSettings;
    m.trackerUp = this.trackerUp;
    m.requests = this.requests.map((r) => ({ ...r }));
    m.requestIndex = new Map(this.requestIndex);
    m.flightOrder = this.flightOrder.map((f) => ({ ...f }));
    m.flights = new Map(m.flightOrder.map((f) => [f.announceId, f]));
    m.expiries = this.expiries.slice();
    m.counts = this.counts.slice();
    m.totals = this.totals.slice();
    m.requestsPerMinute = new Map(this.requestsPerMinute);
    m.rejectedCommands = this.rejectedCommands.slice();
    m.running = { ...this.running };
    return m;
  }

  /** The log was cut back (seek, fork): rebuild from the events that remain. */
  truncate(length: number): void {
    const kept = this.events.slice(0, length);
    this.reset(this.session);
    this.apply(kept);
  }

  client(id: number): ClientRow | undefined {
    return this.clients[id];
  }

  clientOfPeer(infoHash: string, peerId: string): ClientRow | undefined {
    const id = this.owners.get(`${infoHash}:${peerId}`);
    return id === undefined ? undefined : this.clients[id];
  }

  /** An announce sets off: a flight in sending order, answered, failed and given peers later. */
  startFlight(
    start: Pick<AnnounceFlight, 'announceId' | 'clientId' | 'event' | 'sentAt' | 'deliveredAt' | 'requestId'>,
  ): AnnounceFlight {
    const flight: AnnounceFlight = {
      ...start,
      answeredAt: null,
      failedAt: null,
      failure: null,
      returned: [],
    };
    this.flights.set(flight.announceId, flight);
    this.flightOrder.push(flight);
    return flight;
  }

  request(requestId: number): RequestRow | undefined {
    const i = this.requestIndex.get(requestId);
    return i === undefined ? undefined : this.requests[i];
  }

  /** Sum of truth and credit over all clients, kept as events arrive (O(1) to read). */
  running: Omit<TotalsPoint, 't'> = {
    trueUploaded: 0,
    trueDownloaded: 0,
    creditedUploaded: 0,
    creditedDownloaded: 0,
  };

  currentTotals(): Omit<TotalsPoint, 't'> {
    return { ...this.running };
  }
}
