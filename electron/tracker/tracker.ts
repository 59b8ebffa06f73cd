// The embedded tracker's protocol core: no I/O, no wall clock. Transports (HTTP, UDP, in-process)
// hand it decoded requests with the time; it answers with data and reports every step as an event.
import { createPrng, prngFromState, type Prng } from '../../shared/prng';
import type { TrackerEvent, TrackerEventSink } from '../../shared/tracker/events';
import {
  defaultTrackerSettings,
  describeIssues,
  mergeTrackerSettings,
  trackerSettingsSchema,
  trackerUserSchema,
  type TrackerSettings,
  type TrackerUser,
} from '../../shared/tracker/settings';
import type { TrackerStats } from '../../shared/tracker/stats';
import { announce, type AnnounceResult } from './announce';
import { countsOf, emitCountsIfChanged, emitPeerRemoved, removePeer } from './peerEvents';
import type { AnnounceRequest, RequestContext, ScrapeRequest } from './request';
import { scrape, type ScrapeResult } from './scrape';
import type { SimulatedPeers, TrackerState } from './state';
import { trackerStats } from './stats';
import { PeerStore, type PeerStoreSnapshot } from './store/peerStore';
import { UserAccounts, type UserAccountsSnapshot } from './users';

export interface TrackerOptions {
  settings?: Partial<TrackerSettings>;
  users?: readonly TrackerUser[];
  /** Seed for the tracker's PRNG (selection, interval jitter); ignored when `rng` is given. */
  seed?: number;
  rng?: Prng;
  onEvent?: TrackerEventSink;
  /** Live mode: tells simulated peers from real clients (see `simulatedPeersToRealClients`). */
  simulatedPeers?: SimulatedPeers;
}

/** Everything the tracker holds, as plain data: an engine snapshot restores it exactly. */
export interface TrackerSnapshot {
  settings: TrackerSettings;
  store: PeerStoreSnapshot;
  users: UserAccountsSnapshot;
  rng: number[];
  requestCounter: number;
}

export type SettingsUpdate = { ok: true; changed: (keyof TrackerSettings)[] } | { ok: false; error: string };

export class Tracker {
  private readonly state: {
    store: PeerStore;
    users: UserAccounts;
    settings: TrackerSettings;
    rng: Prng;
    observed: boolean;
    simulatedPeers?: SimulatedPeers;
    emit(event: TrackerEvent): void;
  };
  private sink: TrackerEventSink | undefined;
  private requestCounter = 0;

  constructor(options: TrackerOptions = {}) {
    const parsed = trackerSettingsSchema.safeParse({ ...defaultTrackerSettings, ...options.settings });
    if (!parsed.success) throw new Error(describeIssues(parsed.error, 'settings'));
    const users = (options.users ?? []).map((u) => trackerUserSchema.parse(u));
    this.sink = options.onEvent;
    this.state = {
      store: new PeerStore(),
      users: new UserAccounts(users),
      settings: parsed.data,
      rng: options.rng ?? createPrng(options.seed ?? 1),
      observed: this.sink !== undefined,
      ...(options.simulatedPeers ? { simulatedPeers: options.simulatedPeers } : {}),
      emit: (event) => this.sink?.(event),
    };
  }

  get settings(): TrackerSettings {
    return this.state.settings;
  }

  get peerCount(): number {
    return this.state.store.peerCount;
  }

  get torrentCount(): number {
    return this.state.store.torrentCount;
  }

  /** Bytes of peer storage (typed-array columns and indexes); the memory benchmark reads it. */
  get storageBytes(): number {
    return this.state.store.byteLength;
  }

  set onEvent(sink: TrackerEventSink | undefined) {
    this.sink = sink;
    this.state.observed = sink !== undefined;
  }

  /** Transports number their requests here, so ids are unique across HTTP, UDP and in-process. */
  nextRequestId(): number {
    return ++this.requestCounter;
  }

  /** Transports report what happens at their level (request received, response sent, failures). */
  emit(event: TrackerEvent): void {
    this.state.emit(event);
  }

  get observed(): boolean {
    return this.state.observed;
  }

  announce(request: AnnounceRequest, context: RequestContext): AnnounceResult {
    return announce(this.trackerState(), request, context);
  }

  scrape(request: ScrapeRequest, context: RequestContext): ScrapeResult {
    return scrape(this.trackerState(), request, context);
  }

  /** Removes every peer not heard from within the peer timeout; returns how many went. */
  sweep(now: number): number {
    const state = this.trackerState();
    const { store } = state;
    const t = store.table;
    const cutoff = now - state.settings.peerTimeout * 1000;
    const expired: number[] = [];
    for (let slot = 0; slot < t.highWater; slot++) {
      if (t.isLive(slot) && t.lastSeen[slot]! <= cutoff) expired.push(slot);
    }
    const touched = new Map<number, ReturnType<typeof countsOf>>();
    for (const slot of expired) {
      const swarm = store.swarmOf(slot);
      if (!touched.has(swarm.index)) touched.set(swarm.index, countsOf(swarm));
      removePeer(state, slot, 'expired', null, now);
    }
    for (const swarm of store.allSwarms()) {
      const before = touched.get(swarm.index);
      if (before) emitCountsIfChanged(state, swarm, before, now);
    }
    store.pruneEmptySwarms();
    return expired.length;
  }

  /**
   * A tracker restart. Without `keepStateOnRestart` the in-memory peers (and so every accounting
   * baseline) are lost, as in Ocelot; users' totals and snatch counts live on ("in the database").
   */
  restart(now: number): void {
    const state = this.trackerState();
    const { store } = state;
    const keep = state.settings.keepStateOnRestart;
    const dropped = keep ? 0 : store.peerCount;
    if (!keep) {
      const before = new Map([...store.allSwarms()].map((s) => [s.index, countsOf(s)] as const));
      for (const slot of store.slots()) emitPeerRemoved(state, slot, 'restart', null, now);
      store.clearPeers();
      for (const swarm of store.allSwarms()) emitCountsIfChanged(state, swarm, before.get(swarm.index)!, now);
    }
    state.emit({ type: 'trackerRestarted', t: now, keptState: keep, peersDropped: dropped });
  }

  updateSettings(patch: unknown, now: number): SettingsUpdate {
    const merged = mergeTrackerSettings(this.state.settings, patch);
    if (!merged.ok) return merged;
    const changed = (Object.keys(merged.settings) as (keyof TrackerSettings)[]).filter(
      (key) => merged.settings[key] !== this.state.settings[key],
    );
    this.state.settings = merged.settings;
    this.state.emit({ type: 'trackerSettingsChanged', t: now, settings: merged.settings, changed });
    return { ok: true, changed };
  }

  addUser(user: unknown, now: number): { ok: true } | { ok: false; error: string } {
    const parsed = trackerUserSchema.safeParse(user);
    if (!parsed.success) return { ok: false, error: describeIssues(parsed.error, 'user') };
    if (!this.state.users.add(parsed.data)) return { ok: false, error: 'user.passkey: already registered' };
    this.state.emit({
      type: 'trackerUserAdded',
      t: now,
      user: parsed.data.name,
      passkey: parsed.data.passkey,
    });
    return { ok: true };
  }

  snapshot(): TrackerSnapshot {
    return {
      settings: { ...this.state.settings },
      store: this.state.store.snapshot(),
      users: this.state.users.snapshot(),
      rng: this.state.rng.state(),
      requestCounter: this.requestCounter,
    };
  }

  /** Puts the tracker back into a snapshot's state (events are not re-emitted). */
  restore(snapshot: TrackerSnapshot): void {
    this.state.settings = { ...snapshot.settings };
    this.state.store.restore(snapshot.store);
    this.state.users.restore(snapshot.users);
    this.state.rng = prngFromState(snapshot.rng);
    this.requestCounter = snapshot.requestCounter;
  }

  stats(includePeers = true): TrackerStats {
    return trackerStats(this.trackerState(), includePeers);
  }

  private trackerState(): TrackerState {
    return this.state;
  }
}
