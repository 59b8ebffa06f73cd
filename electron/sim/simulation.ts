// The simulation: a discrete-event loop over the context. It owns no I/O — the tracker is reached
// through a TrackerPort — and all randomness comes from PRNG streams forked from one seed.
import type { ActionCommand, ActionCommandInput } from '../../shared/commands';
import { actionCommandSchema, describeCommandError } from '../../shared/commands';
import { createPrng, type Prng } from '../../shared/prng';
import type { SimulationEvent } from '../../shared/sim/events';
import type { Scenario } from '../../shared/sim/scenario';
import { applyAction } from './actions';
import {
  onAnnounceAnswered,
  onAnnounceArrives,
  onAnnounceDue,
  onAnnounceTimedOut,
} from './clients/announcing';
import { arrive, onSeedTimeOver } from './clients/lifecycle';
import type { SimClient, SimContext, SimTask } from './context';
import { addGroup } from './population';
import { EventQueue } from './scheduler';
import { restoreContext, snapshotContext, type SimSnapshot } from './snapshot';
import { scenarioTorrents } from './torrents';
import type { TrackerPort } from './trackerPort';
import { onProgressReport, onTransferTick } from './transferTicks';
import { SwarmTransfers } from './transfer/swarmTransfers';

export interface SimulationOptions {
  scenario: Scenario;
  /** The timeline as written (input form), so applied commands are logged replayably. */
  timeline: { at: number; command: ActionCommandInput }[];
  seed: number;
  /** The run's master PRNG (seeded with `seed`); the simulation forks its streams from it. */
  rng?: Prng;
  tracker: TrackerPort;
  emit(event: SimulationEvent): void;
}

export class Simulation {
  readonly ctx: SimContext;

  /** A simulation restored from a snapshot (see snapshot.ts). */
  static fromSnapshot(
    snapshot: SimSnapshot,
    tracker: TrackerPort,
    emit: (event: SimulationEvent) => void,
  ): Simulation {
    return new Simulation(restoreContext(snapshot, tracker, emit));
  }

  constructor(from: SimulationOptions | SimContext) {
    if ('queue' in from) {
      this.ctx = from;
      return;
    }
    const options = from;
    const master = options.rng ?? createPrng(options.seed);
    const population = master.fork();
    const identity = master.fork();
    const transfer = master.fork();
    const torrents = scenarioTorrents(options.scenario);
    const network = options.scenario.network;
    this.ctx = {
      now: 0,
      network: {
        announceRttMs: network.announceRtt,
        announceTimeoutMs: network.announceTimeout,
        tickMs: network.tick,
        progressEveryMs: network.progressEvery,
      },
      rng: { population, identity, transfer },
      clients: [],
      torrents,
      transfers: torrents.map((t) => new SwarmTransfers({ size: t.size, pieceSize: t.pieceSize }, transfer)),
      queue: new EventQueue<SimTask>(),
      addressBook: new Map(),
      inFlight: new Map(),
      tracker: options.tracker,
      users: options.scenario.tracker.users.map((u) => ({ ...u })),
      timeline: options.timeline,
      counters: { announces: 0, movedAddresses: 0, groups: 0 },
      progressed: new Set(),
      emit: options.emit,
    };
    const ctx = this.ctx;
    ctx.emit({
      type: 'simulationStarted',
      t: 0,
      scenario: options.scenario.name,
      seed: options.seed,
      durationMs: options.scenario.duration,
      torrents: torrents.map((t) => ({
        infoHash: t.infoHashHex,
        name: t.name,
        size: t.size,
        pieceSize: t.pieceSize,
        pieces: t.pieces,
      })),
    });
    for (const group of options.scenario.groups) addGroup(ctx, group, ctx.users);
    options.timeline.forEach((entry, index) => ctx.queue.schedule(entry.at, { kind: 'timeline', index }));
    ctx.queue.schedule(network.tick, { kind: 'transferTick' });
    ctx.queue.schedule(network.progressEvery, { kind: 'progressReport' });
    ctx.queue.schedule(ctx.tracker.settings.sweepInterval * 1000, { kind: 'trackerSweep' });
  }

  snapshot(): SimSnapshot {
    return snapshotContext(this.ctx);
  }

  get now(): number {
    return this.ctx.now;
  }

  /** Time of the next scheduled task (Infinity when nothing is left). */
  nextEventTime(): number {
    return this.ctx.queue.peekTime();
  }

  /** Runs every task due at or before `t`, then sets the clock to `t`. */
  async runUntil(t: number): Promise<void> {
    const queue = this.ctx.queue;
    while (queue.peekTime() <= t) await this.runNext();
    if (t > this.ctx.now) this.ctx.now = t;
  }

  /** Runs every task of the next instant that has any; returns false when nothing is left. */
  async step(): Promise<boolean> {
    const at = this.ctx.queue.peekTime();
    if (at === Infinity) return false;
    await this.runUntil(at);
    return true;
  }

  /** Validates and applies a user's action now; the result is logged either way. */
  async apply(input: unknown, source: 'timeline' | 'user'): Promise<string | null> {
    const parsed = actionCommandSchema.safeParse(input);
    const type = typeof input === 'object' && input !== null && 'type' in input ? String(input.type) : null;
    if (!parsed.success) {
      const error = describeCommandError(input, parsed.error.issues);
      this.ctx.emit({ type: 'commandRejected', t: this.ctx.now, commandType: type, error });
      return error;
    }
    return this.applyParsed(parsed.data, input as ActionCommandInput, source);
  }

  private async applyParsed(
    command: ActionCommand,
    input: ActionCommandInput,
    source: 'timeline' | 'user',
  ): Promise<string | null> {
    const error = await applyAction(this.ctx, command);
    if (error !== null) {
      this.ctx.emit({ type: 'commandRejected', t: this.ctx.now, commandType: command.type, error });
      return error;
    }
    this.ctx.emit({ type: 'commandApplied', t: this.ctx.now, command: input, source });
    return null;
  }

  client(name: string): SimClient | undefined {
    return this.ctx.clients.find((c) => c.name === name);
  }

  private async runNext(): Promise<void> {
    const ctx = this.ctx;
    const item = ctx.queue.pop()!;
    ctx.now = item.at;
    const task = item.task;
    switch (task.kind) {
      case 'arrive':
        return arrive(ctx, ctx.clients[task.client]!);
      case 'announceDue':
        return onAnnounceDue(ctx, task.client, task.generation, task.forced);
      case 'announceArrives':
        return onAnnounceArrives(ctx, task.announceId);
      case 'announceAnswered':
        return onAnnounceAnswered(ctx, task.announceId);
      case 'announceTimedOut':
        return onAnnounceTimedOut(ctx, task.announceId);
      case 'seedTimeOver':
        return onSeedTimeOver(ctx, ctx.clients[task.client]!, task.generation);
      case 'transferTick':
        return onTransferTick(ctx);
      case 'progressReport':
        return onProgressReport(ctx);
      case 'trackerSweep':
        ctx.tracker.sweep(ctx.now);
        ctx.queue.schedule(ctx.now + ctx.tracker.settings.sweepInterval * 1000, { kind: 'trackerSweep' });
        return;
      case 'timeline': {
        const entry = ctx.timeline[task.index]!;
        await this.apply(entry.command, 'timeline');
        return;
      }
    }
  }
}
