// The append-only event log: every tracker and simulation event, in the order it happened, each
// with a sequence number. Listeners see events as they are appended; a running SHA-256 over the
// NDJSON lines makes "same scenario + seed ⇒ same log" checkable without keeping the log.
import { createHash, type Hash } from 'node:crypto';
import type { LoggedEvent, SimEvent } from '../../shared/events';

export type EventListener = (event: LoggedEvent) => void;

export interface EventLogOptions {
  /** Keep events in memory (the app, seeking); headless runs stream them out instead. */
  retain: boolean;
  /** Keep the running digest (costs one JSON.stringify per event). */
  digest: boolean;
}

export class EventLog {
  private readonly events: LoggedEvent[] = [];
  private readonly listeners = new Set<EventListener>();
  private readonly truncateListeners = new Set<(length: number) => void>();
  private hash: Hash = createHash('sha256');
  private nextSeq = 0;

  constructor(private readonly options: EventLogOptions = { retain: true, digest: true }) {}

  get length(): number {
    return this.nextSeq;
  }

  append(event: SimEvent): LoggedEvent {
    const logged = { seq: this.nextSeq++, ...event } as LoggedEvent;
    if (this.options.digest) this.hash.update(JSON.stringify(logged) + '\n');
    if (this.options.retain) this.events.push(logged);
    for (const listener of this.listeners) listener(logged);
    return logged;
  }

  /** Called after the log is cut back (with the new length). */
  onTruncate(listener: (length: number) => void): () => void {
    this.truncateListeners.add(listener);
    return () => this.truncateListeners.delete(listener);
  }

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Retained events with seq in [from, to). */
  slice(from = 0, to = this.nextSeq): LoggedEvent[] {
    if (!this.options.retain) throw new Error('this event log does not retain events');
    return this.events.slice(from, to);
  }

  /** SHA-256 (hex) of the NDJSON of every event appended so far. */
  digest(): string {
    if (!this.options.digest) throw new Error('this event log keeps no digest');
    return this.hash.copy().digest('hex');
  }

  /** Drops every event from `seq` on (a fork discards the old future); the hash is recomputed. */
  truncate(seq: number): void {
    if (!this.options.retain) throw new Error('this event log does not retain events');
    if (seq >= this.nextSeq) return;
    this.events.length = seq;
    this.nextSeq = seq;
    this.hash = createHash('sha256');
    if (this.options.digest) for (const e of this.events) this.hash.update(JSON.stringify(e) + '\n');
    for (const listener of this.truncateListeners) listener(seq);
  }
}
