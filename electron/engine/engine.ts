// The engine: one tracker, one simulation, one event log. It takes commands (validated; a bad one
// becomes an error event), keeps snapshots so any virtual time can be restored, and produces the
// run report. A run is fully defined by scenario + seed + the commands issued (with their times).
import { controlCommandSchema, type ActionCommandInput } from '../../shared/commands';
import { SESSION_FORMAT, type SessionFile } from '../../shared/session';
import type { LoggedEvent, SimEvent } from '../../shared/events';
import { createPrng, type Prng } from '../../shared/prng';
import type { TrackerEvent } from '../../shared/tracker/events';
import { Simulation } from '../sim/simulation';
import type { SimSnapshot } from '../sim/snapshot';
import { Tracker, type TrackerSnapshot } from '../tracker/tracker';
import { EventLog, type EventListener } from './eventLog';
import { HttpTrackerPort } from './httpPort';
import { InProcessTrackerPort } from './inProcessPort';
import type { EngineStatus } from '../../shared/bridge';
import { Playback, type WallClock } from './playback';
import { SimulatedPeerIds } from '../live/simulatedPeers';

export type { EngineStatus };
import { RunAccounting, type RunReport } from './report';
import { prepareScenario, type PreparedScenario } from './setup';

export type TransportName = 'inproc' | 'http';

export interface EngineOptions {
  /** The scenario file's contents (validated here). */
  scenario: unknown;
  /** Overrides the scenario's seed. */
  seed?: number;
  transport?: TransportName;
  /** Keep events in memory (needed to seek); headless runs may stream them instead. */
  retainEvents?: boolean;
  /** Keep a running digest of the log. */
  digest?: boolean;
  /** Virtual milliseconds between snapshots (Infinity: none, so no seeking). */
  snapshotEveryMs?: number;
  /** Wall clock for real-time playback (the CLI and the app inject the real one). */
  wallClock?: WallClock;
  /** Listeners attached before the first event, so they see the whole log (from seq 0). */
  listeners?: EventListener[];
  /** Commands of a saved session, replayed at exactly the points of the log where they were applied. */
  commands?: RecordedCommand[];
}

export interface RecordedCommand {
  at: number;
  /** The log length when it was applied: replays apply it at the same point. */
  seq: number;
  command: unknown;
}

interface EngineSnapshot {
  t: number;
  logLength: number;
  trackerUp: boolean;
  sim: SimSnapshot;
  tracker: TrackerSnapshot;
}

type Port = InProcessTrackerPort | HttpTrackerPort;

/** How far past now a live run's end is kept. */
const LIVE_HORIZON_MS = 3_600_000;

export class Engine {
  readonly log: EventLog;
  readonly seed: number;
  private readonly scenarioEndMs: number;
  readonly commands: RecordedCommand[] = [];
  private sim!: Simulation;
  private accounting = new RunAccounting();
  private readonly snapshots: EngineSnapshot[] = [];
  private readonly playback: Playback | null;
  private readonly statusListeners = new Set<(status: EngineStatus) => void>();
  private readonly snapshotEveryMs: number;
  /** The simulated clients' peer_ids: in live mode, the rest are real clients. */
  private readonly simulatedPeers = new SimulatedPeerIds();
  private liveMode = false;
  /**
   * What a backward seek stepped back from: the later snapshots and events. While no command
   * changes the run, that is exactly what running on would produce (the run is deterministic), so
   * a forward seek restores it instead of simulating it again.
   */
  private future: { snapshots: EngineSnapshot[]; events: LoggedEvent[] } | null = null;

  static async create(options: EngineOptions): Promise<Engine> {
    const prepared = prepareScenario(options.scenario);
    const engine = new Engine(options, prepared);
    await engine.start(options.transport ?? 'inproc');
    return engine;
  }

  private readonly tracker: Tracker;
  private readonly master: Prng;
  private port!: Port;

  private constructor(
    options: EngineOptions,
    readonly prepared: PreparedScenario,
  ) {
    this.seed = options.seed ?? prepared.scenario.seed;
    this.scenarioEndMs = prepared.scenario.duration;
    this.snapshotEveryMs = options.snapshotEveryMs ?? 60_000;
    this.commands.push(...(options.commands ?? []).map((c) => ({ ...c })));
    this.log = new EventLog({ retain: options.retainEvents ?? true, digest: options.digest ?? false });
    this.log.subscribe((e) => this.accounting.observe(e));
    this.log.subscribe((e) => this.simulatedPeers.observe(e));
    for (const listener of options.listeners ?? []) this.log.subscribe(listener);
    // One master PRNG for the run: the tracker gets the first independent stream, the simulation the rest.
    this.master = createPrng(this.seed);
    this.tracker = new Tracker({
      settings: prepared.trackerSettings,
      users: prepared.scenario.tracker.users,
      rng: this.master.fork(),
      onEvent: (e) => this.onTrackerEvent(e),
      simulatedPeers: this.simulatedPeers,
    });
    this.playback = options.wallClock
      ? new Playback(this, options.wallClock, () => this.notifyStatus())
      : null;
  }

  private async start(transport: TransportName): Promise<void> {
    if (transport === 'http') {
      const port = new HttpTrackerPort(this.tracker, () => this.sim.now);
      await port.start(0);
      this.port = port;
    } else {
      this.port = new InProcessTrackerPort(this.tracker);
    }
    this.sim = new Simulation({
      scenario: this.prepared.scenario,
      timeline: this.prepared.timeline,
      seed: this.seed,
      rng: this.master,
      tracker: this.port,
      emit: (e) => this.log.append(e),
    });
    if (this.snapshotEveryMs !== Infinity) this.takeSnapshot();
  }

  get now(): number {
    return this.sim.now;
  }

  /**
   * Where the run ends: the scenario's duration; in live mode always an hour ahead of now, since
   * real clients keep announcing whatever the scenario says.
   */
  get endMs(): number {
    return this.liveMode ? Math.max(this.scenarioEndMs, this.now + LIVE_HORIZON_MS) : this.scenarioEndMs;
  }

  get simulation(): Simulation {
    return this.sim;
  }

  get trackerCore(): Tracker {
    return this.tracker;
  }

  /** The HTTP tracker's port when the transport is HTTP. */
  get httpPort(): number | null {
    return this.port instanceof HttpTrackerPort ? this.port.listeningPort : null;
  }

  status(): EngineStatus {
    return {
      now: this.now,
      endMs: this.endMs,
      playing: this.playback?.playing ?? false,
      speed: this.playback?.speed ?? 'max',
      events: this.log.length,
      ...(this.liveMode ? { live: true } : {}),
    };
  }

  get live(): boolean {
    return this.liveMode;
  }

  /**
   * Live mode: the clock runs at 1× wall time (read only through the injected WallClock) while real
   * clients reach the tracker core (electron/live starts the sockets). Seeking, stepping and other
   * speeds are refused meanwhile: real clients' announces cannot be replayed.
   */
  setLive(on: boolean): void {
    if (on && !this.playback) throw new Error('live mode needs a wall clock');
    this.liveMode = on;
    // Real clients are not replayable: a known future recorded before does not hold any more.
    this.future = null;
    if (on) {
      this.playback!.setSpeed(1);
      this.playback!.play();
    }
    this.notifyStatus();
  }

  onStatus(listener: (status: EngineStatus) => void): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  /** Runs (as fast as possible) to virtual time `t`, taking snapshots and replaying recorded commands. */
  async advanceTo(t: number): Promise<void> {
    for (;;) {
      const pending = this.pendingCommand();
      const snapAt = this.nextSnapshotAt();
      let target = t;
      if (pending && pending.at < target) target = pending.at;
      if (snapAt < target) target = snapAt;
      await this.sim.runUntil(target);
      if (snapAt === target) this.takeSnapshot();
      if (pending && pending.at === target) {
        await this.sim.apply(pending.command, 'user');
        continue;
      }
      if (target >= t) return;
    }
  }

  /** Advances to the next instant at which something is logged (or the end). */
  async step(): Promise<void> {
    const before = this.log.length;
    while (this.log.length === before) {
      const next = Math.min(this.sim.nextEventTime(), this.pendingCommand()?.at ?? Infinity);
      if (next === Infinity || next > this.endMs) return;
      await this.advanceTo(next);
    }
    this.notifyStatus();
  }

  /** Any command: control commands drive the clock; everything else is an action for the simulation. */
  async dispatch(input: unknown): Promise<void> {
    const control = controlCommandSchema.safeParse(input);
    if (control.success) {
      const c = control.data;
      if (
        this.liveMode &&
        (c.type === 'seek' || c.type === 'step' || (c.type === 'setSpeed' && c.speed !== 1))
      )
        throw new Error(
          `live mode runs at 1× real time: switch it off to ${c.type === 'setSpeed' ? 'change the speed' : c.type}`,
        );
      switch (c.type) {
        case 'play':
          return this.playback?.play();
        case 'pause':
          return this.playback?.pause();
        case 'setSpeed':
          return this.playback?.setSpeed(c.speed);
        case 'step':
          return this.step();
        case 'seek':
          return this.seek(c.to);
      }
    }
    // A command issued in the past of the recording forks it: the old future is dropped.
    this.future = null;
    if (this.pendingCommand()) this.commands.splice(this.commands.findIndex((c) => c.seq >= this.log.length));
    this.commands.push({ at: this.now, seq: this.log.length, command: input });
    await this.sim.apply(input as ActionCommandInput, 'user');
    this.notifyStatus();
  }

  /**
   * Shows virtual time `t`: backward from the nearest earlier snapshot (the later log is dropped
   * and kept aside as the known future), forward by running on — or, while that known future is
   * still valid, by restoring its snapshot nearest to `t` and putting its events back.
   */
  async seek(t: number): Promise<void> {
    if (this.liveMode) throw new Error('live mode runs at 1× real time: switch it off to seek');
    const target = Math.max(0, Math.min(t, this.endMs));
    const snapshot = [...this.snapshots].reverse().find((s) => s.t <= target);
    if (!snapshot) throw new Error('seeking needs snapshots (snapshotEveryMs was Infinity)');
    this.playback?.pause();
    const ahead = this.future?.snapshots.findLast((s) => s.t <= target && s.logLength > this.log.length);
    if (ahead && ahead.t > this.now) await this.restoreFuture(ahead);
    else if (target < this.now) await this.restorePast(snapshot);
    await this.advanceTo(target);
    this.notifyStatus();
  }

  private async restore(snapshot: EngineSnapshot): Promise<void> {
    this.tracker.restore(snapshot.tracker);
    await this.port.setUp(snapshot.trackerUp, snapshot.t);
    this.sim = Simulation.fromSnapshot(snapshot.sim, this.port, (e) => this.log.append(e));
  }

  /** Back to an earlier snapshot; what came after it becomes the known future. */
  private async restorePast(snapshot: EngineSnapshot): Promise<void> {
    const later = this.snapshots.slice(this.snapshots.indexOf(snapshot) + 1);
    const beyond = this.future;
    this.future = {
      snapshots: [...later, ...(beyond?.snapshots.filter((s) => s.logLength > this.log.length) ?? [])],
      events: [
        ...this.log.slice(snapshot.logLength),
        ...(beyond?.events.filter((e) => e.seq >= this.log.length) ?? []),
      ],
    };
    await this.restore(snapshot);
    this.log.truncate(snapshot.logLength);
    this.snapshots.splice(this.snapshots.indexOf(snapshot) + 1);
    this.accounting = new RunAccounting();
    for (const e of this.log.slice()) this.accounting.observe(e);
  }

  /** Forward to a snapshot of the known future: its events up to there are appended as they were. */
  private async restoreFuture(snapshot: EngineSnapshot): Promise<void> {
    const future = this.future!;
    const from = this.log.length;
    const lastKept = this.snapshots.at(-1)?.t ?? -1;
    await this.restore(snapshot);
    for (const e of future.events) if (e.seq >= from && e.seq < snapshot.logLength) this.log.append(e);
    this.snapshots.push(...future.snapshots.filter((s) => s.t > lastKept && s.t <= snapshot.t));
  }

  /** The run as a session file: replaying it gives the same event log. */
  session(scenario: Record<string, unknown>): SessionFile {
    return {
      format: SESSION_FORMAT,
      version: 1,
      scenario,
      seed: this.seed,
      commands: this.commands.map((c) => ({ at: c.at, seq: c.seq, command: c.command })),
    };
  }

  report(): RunReport {
    return this.accounting.report(this.prepared.scenario.name, this.seed, this.now, this.sim.ctx.clients);
  }

  events(from = 0): LoggedEvent[] {
    return this.log.slice(from);
  }

  async close(): Promise<void> {
    this.playback?.pause();
    if (this.port instanceof HttpTrackerPort) await this.port.close();
  }

  private onTrackerEvent(event: TrackerEvent): void {
    if (this.port instanceof HttpTrackerPort) this.port.observe(event);
    this.log.append(event as SimEvent);
  }

  private pendingCommand(): RecordedCommand | undefined {
    return this.commands.find((c) => c.seq >= this.log.length);
  }

  private nextSnapshotAt(): number {
    if (this.snapshotEveryMs === Infinity) return Infinity;
    const last = this.snapshots[this.snapshots.length - 1];
    return (last?.t ?? 0) + this.snapshotEveryMs;
  }

  private takeSnapshot(): void {
    this.snapshots.push({
      t: this.sim.now,
      logLength: this.log.length,
      trackerUp: this.port.isUp(),
      sim: this.sim.snapshot(),
      tracker: this.tracker.snapshot(),
    });
  }

  private notifyStatus(): void {
    const status = this.status();
    for (const listener of this.statusListeners) listener(status);
  }
}
