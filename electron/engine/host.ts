// The engine as the UI sees it, behind the bridge: loads scenarios, answers requests, and streams
// the event log to every connected view in batches. Both shells (Electron IPC and the browser
// mode's WebSocket) sit on this one object, so they behave the same.
import {
  engineRequestSchema,
  type EngineMessage,
  type EngineReply,
  type EngineRequest,
  type SessionInfo,
} from '../../shared/bridge';
import type { LoggedEvent } from '../../shared/events';
import type { ScenarioInput } from '../../shared/sim/scenario';
import { describeIssues } from '../../shared/tracker/settings';
import { findPreset, scenarioPresets } from '../sim/presets';
import { Engine, type TransportName } from './engine';
import type { WallClock } from './playback';
import { ScenarioError } from './setup';
import { runBranch } from './branch';
import { findLesson, lessons } from '../lessons';
import { sessionFileSchema, type SessionFile } from '../../shared/session';
import { LiveSession } from '../live/liveSession';
import { ExperimentSession } from '../experiments/hostSession';

export interface HostConnection {
  send(message: EngineMessage): void;
}

export interface EngineHostOptions {
  wallClock: WallClock;
  transport?: TransportName;
  /** The preset loaded at start. */
  preset?: string;
  /** How long events are gathered before they are sent (ms of wall time). */
  batchMs?: number;
}

const HELLO_CHUNK = 5_000;
const FLUSH_AT = 2_000;

export class EngineHost {
  private engine!: Engine;
  private session!: SessionInfo;
  private scenario!: ScenarioInput;
  private sessionCounter = 0;
  private readonly connections = new Set<HostConnection>();
  private pending: LoggedEvent[] = [];
  private flushTimer: unknown = null;
  private statusDirty = false;
  private detach: (() => void)[] = [];
  /** Live mode: real clients on real sockets, the clock at 1× (electron/live). */
  private readonly live = new LiveSession();
  /** Sweeps on worker threads beside the live engine (issue 6). */
  readonly experiments = new ExperimentSession((message) => this.broadcast(message));

  private constructor(private readonly options: EngineHostOptions) {}

  static async create(options: EngineHostOptions): Promise<EngineHost> {
    const host = new EngineHost(options);
    const preset = findPreset(options.preset ?? 'anatomy-of-a-session');
    if (!preset) throw new Error(`no preset named "${options.preset}"`);
    await host.load(preset);
    return host;
  }

  get current(): Engine {
    return this.engine;
  }

  /** A view connected: it gets nothing until it says hello. */
  connect(connection: HostConnection): { request(request: unknown): Promise<EngineReply>; close(): void } {
    return {
      request: (request) => this.handle(request, connection),
      close: () => void this.connections.delete(connection),
    };
  }

  async close(): Promise<void> {
    this.stopFlushTimer();
    for (const off of this.detach) off();
    await this.experiments.close();
    await this.live.close();
    await this.engine.close();
    this.connections.clear();
  }

  private async handle(raw: unknown, connection: HostConnection): Promise<EngineReply> {
    const parsed = engineRequestSchema.safeParse(raw);
    if (!parsed.success) return { ok: false, error: describeIssues(parsed.error, 'request') };
    const request: EngineRequest = parsed.data;
    try {
      switch (request.kind) {
        case 'hello':
          this.flush();
          this.greet(connection);
          this.experiments.greet((message) => connection.send(message));
          return { ok: true, value: null };
        case 'command':
          await this.engine.dispatch(request.command);
          this.scheduleFlush();
          return { ok: true, value: null };
        case 'loadPreset': {
          const preset = findPreset(request.name);
          if (!preset) return { ok: false, error: `no preset named "${request.name}"` };
          await this.load(preset);
          return { ok: true, value: null };
        }
        case 'loadScenario':
          await this.load(request.scenario as ScenarioInput);
          return { ok: true, value: null };
        case 'getScenario':
          return { ok: true, value: this.scenarioWithCommands() };
        case 'getReport':
          return { ok: true, value: this.engine.report() };
        case 'getSession':
          return { ok: true, value: this.engine.session(this.scenario as Record<string, unknown>) };
        case 'loadSession': {
          const session = sessionFileSchema.safeParse(request.session);
          if (!session.success) return { ok: false, error: describeIssues(session.error, 'session') };
          await this.load(session.data.scenario as ScenarioInput, session.data);
          return { ok: true, value: null };
        }
        case 'fork':
          await this.fork(request.at);
          return { ok: true, value: null };
        case 'listLessons':
          return { ok: true, value: lessons.map(({ lesson: _lesson, ...info }) => info) };
        case 'runExperiment':
          return this.experiments.start(request.experiment, request.jobs);
        case 'cancelExperiment':
          return await this.experiments.cancel();
        case 'setLive':
          return { ok: true, value: await this.live.set(request) };
        case 'getLive':
          return { ok: true, value: this.live.info() };
        case 'createTorrent':
          return { ok: true, value: await this.live.createTorrent(request) };
        case 'getLesson': {
          const entry = findLesson(request.name);
          return entry
            ? { ok: true, value: entry.lesson }
            : { ok: false, error: `no lesson named "${request.name}"` };
        }
      }
    } catch (err) {
      if (err instanceof ScenarioError) return { ok: false, error: err.problems.join('\n') };
      return { ok: false, error: (err as Error).message };
    }
  }

  /** Replaces the engine: every view gets the new session and starts over. */
  private async load(scenario: ScenarioInput, session?: SessionFile): Promise<void> {
    const engine = await Engine.create({
      scenario,
      ...(session ? { seed: session.seed, commands: session.commands } : {}),
      transport: this.options.transport ?? 'inproc',
      wallClock: this.options.wallClock,
      listeners: [(e) => this.onEvent(e)],
    });
    const previous = this.engine as Engine | undefined;
    for (const off of this.detach) off();
    this.engine = engine;
    await this.live.attach(engine);
    this.scenario = scenario;
    this.pending = [];
    this.detach = [
      engine.log.onTruncate((length) => this.onTruncate(length)),
      engine.onStatus(() => {
        this.statusDirty = true;
        this.scheduleFlush();
      }),
    ];
    this.session = {
      id: ++this.sessionCounter,
      scenario,
      seed: engine.seed,
      endMs: engine.endMs,
      transport: this.options.transport ?? 'inproc',
      trackerSettings: engine.prepared.trackerSettings,
      presets: scenarioPresets.map((p) => ({ name: p.name, description: p.description ?? '' })),
    };
    if (previous) await previous.close();
    for (const connection of this.connections) this.greet(connection);
  }

  /**
   * Back to `at` to change something: the run as it stands is kept (run to its end in the
   * background and sent as a comparison), and the engine is restored to `at`; the next command
   * issued there drops the old future.
   */
  private async fork(at: number): Promise<void> {
    const original = this.engine.session(this.scenario as Record<string, unknown>);
    const forkAt = Math.min(at, this.engine.now);
    await this.engine.seek(forkAt);
    const session = this.session.id;
    void runBranch(original).then(
      (series) => {
        if (this.session.id === session)
          this.broadcast({ kind: 'comparison', comparison: { forkAt, original: series } });
      },
      () => undefined,
    );
  }

  private greet(connection: HostConnection): void {
    connection.send({ kind: 'session', session: this.session });
    const events = this.engine.events();
    for (let i = 0; i < events.length; i += HELLO_CHUNK) {
      connection.send({ kind: 'events', events: events.slice(i, i + HELLO_CHUNK) });
    }
    connection.send({ kind: 'status', status: this.engine.status() });
    this.connections.add(connection);
  }

  private onEvent(event: LoggedEvent): void {
    if (this.engine === undefined || this.connections.size === 0) return;
    this.pending.push(event);
    if (this.pending.length >= FLUSH_AT) this.flush();
    else this.scheduleFlush();
  }

  private onTruncate(length: number): void {
    this.pending = this.pending.filter((e) => e.seq < length);
    this.flush();
    this.broadcast({ kind: 'truncated', length });
  }

  private scheduleFlush(): void {
    if (this.flushTimer !== null) return;
    this.flushTimer = this.options.wallClock.setTimeout(() => {
      this.flushTimer = null;
      this.flush();
    }, this.options.batchMs ?? 30);
  }

  private stopFlushTimer(): void {
    if (this.flushTimer !== null) this.options.wallClock.clearTimeout(this.flushTimer);
    this.flushTimer = null;
  }

  private flush(): void {
    this.stopFlushTimer();
    if (this.pending.length > 0) {
      const events = this.pending;
      this.pending = [];
      this.broadcast({ kind: 'events', events });
      this.statusDirty = true;
    }
    if (this.statusDirty) {
      this.statusDirty = false;
      this.broadcast({ kind: 'status', status: this.engine.status() });
    }
  }

  private broadcast(message: EngineMessage): void {
    for (const connection of this.connections) connection.send(message);
  }

  /** The loaded scenario with the commands issued so far appended to its timeline (approximate replay). */
  private scenarioWithCommands(): ScenarioInput {
    const timeline = [
      ...(this.scenario.timeline ?? []),
      ...this.engine.commands.map((c) => ({ at: `${c.at}ms`, ...(c.command as object) })),
    ] as ScenarioInput['timeline'];
    return { ...this.scenario, timeline };
  }
}
