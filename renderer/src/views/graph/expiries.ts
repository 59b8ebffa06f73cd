// When the tracker reaped a peer by timeout (peerRemoved, reason `expired`), per client: the graph
// fades the ghost out at that moment. The model keeps removed entries but not when or why they went,
// so this reads the log itself, incrementally (only the events added since the last call).
import type { LoggedEvent } from '../../../../shared/events';

export interface Expiry {
  clientId: number;
  t: number;
}

interface ExpirySource {
  readonly events: readonly LoggedEvent[];
  readonly entryOwner: ReadonlyMap<number, number | null>;
}

export class ExpiryLog {
  /** Expiries of simulated clients' entries, in log (time) order. */
  readonly expiries: Expiry[] = [];
  private events: readonly LoggedEvent[] | null = null;
  private cursor = 0;

  /** Catches up with the model's log; starts over when the log was replaced (a new session, a seek). */
  sync(source: ExpirySource): this {
    if (source.events !== this.events || source.events.length < this.cursor) {
      this.events = source.events;
      this.cursor = 0;
      this.expiries.length = 0;
    }
    const events = source.events;
    for (let i = this.cursor; i < events.length; i++) {
      const e = events[i]!;
      if (e.type !== 'peerRemoved' || e.reason !== 'expired') continue;
      const owner = source.entryOwner.get(e.entry);
      if (owner !== undefined && owner !== null) this.expiries.push({ clientId: owner, t: e.t });
    }
    this.cursor = events.length;
    return this;
  }

  /** Index of the first expiry at or after `t` (binary search; expiries are in time order). */
  firstAtOrAfter(t: number): number {
    let lo = 0;
    let hi = this.expiries.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.expiries[mid]!.t < t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
