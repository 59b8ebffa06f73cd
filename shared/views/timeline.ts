// The view model at any moment of the log: checkpoints (copies of the model) every few thousand
// events, so showing time t costs one copy and at most a checkpoint's worth of events — what makes
// dragging the timeline feel instant on a long run.
import type { LoggedEvent } from '../events';
import { SwarmModel } from './model';

export const CHECKPOINT_EVERY = 4_000;

/** Number of events with t ≤ `t` (the log is in time order). */
export function eventsUntil(events: readonly LoggedEvent[], t: number): number {
  let lo = 0;
  let hi = events.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (events[mid]!.t <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export class ModelTimeline {
  private checkpoints: SwarmModel[] = [];

  /** Called after the head model grew: keeps a checkpoint every CHECKPOINT_EVERY events. */
  grew(head: SwarmModel): void {
    const last = this.checkpoints[this.checkpoints.length - 1];
    const lastAt = last?.events.length ?? 0;
    if (head.events.length - lastAt >= CHECKPOINT_EVERY) this.checkpoints.push(head.clone());
  }

  /** The log was cut back to `length` events: checkpoints beyond it are dropped. */
  truncated(length: number): void {
    this.checkpoints = this.checkpoints.filter((c) => c.events.length <= length);
  }

  reset(): void {
    this.checkpoints = [];
  }

  /**
   * The model after the first `count` events of `head`'s log. `reuse`, a model from an earlier
   * call, is advanced in place when it is behind `count` and on the same log (scrubbing forward).
   */
  modelAt(head: SwarmModel, count: number, reuse?: SwarmModel): SwarmModel {
    const target = Math.max(0, Math.min(count, head.events.length));
    if (target === head.events.length) return head;
    if (reuse && reuse !== head && reuse.events.length <= target && sameLog(reuse, head)) {
      reuse.apply(head.events.slice(reuse.events.length, target));
      return reuse;
    }
    let base: SwarmModel | undefined;
    for (let i = this.checkpoints.length - 1; i >= 0; i--) {
      if (this.checkpoints[i]!.events.length <= target) {
        base = this.checkpoints[i];
        break;
      }
    }
    const model = base ? base.clone() : fresh(head);
    model.apply(head.events.slice(model.events.length, target));
    return model;
  }

  /** The model at virtual time `t` (every event with time ≤ t applied). */
  modelAtTime(head: SwarmModel, t: number, reuse?: SwarmModel): SwarmModel {
    return this.modelAt(head, eventsUntil(head.events, t), reuse);
  }
}

/** `model` was built from a prefix of `head`'s log (the same event objects: no truncation since). */
function sameLog(model: SwarmModel, head: SwarmModel): boolean {
  const n = model.events.length;
  return model.session === head.session && (n === 0 || model.events[n - 1] === head.events[n - 1]);
}

function fresh(head: SwarmModel): SwarmModel {
  const m = new SwarmModel();
  m.reset(head.session);
  return m;
}
