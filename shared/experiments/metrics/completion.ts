// Download completion: for every client that arrived missing pieces, the time from its arrival
// (clientCreated) to the progress report where its `left` reached 0. A leecher that crashed or quit
// before finishing gave up on the file and is left out (counted in `departed`); one still
// downloading when the run ended is censored: in the quantiles it is "later than anything seen".
import type { LoggedEvent } from '../../events';

export interface CompletionMetrics {
  /** Clients that arrived missing pieces and did not give up (crash or quit) before finishing. */
  leechers: number;
  /** Leechers that crashed or quit before finishing. */
  departed: number;
  finished: number;
  /** Completion times of those that finished, in seconds, ascending. */
  completionTimes: number[];
  /** Mean over the leechers that finished (see finishedShare). */
  completionMean: number | null;
  /** Median and 90th percentile over all leechers; null when censored (too few finished). */
  completionMedian: number | null;
  completionP90: number | null;
  finishedShare: number | null;
  /** Virtual time (s) at which the first leecher finished, and the last one if all did. */
  firstFinish: number | null;
  allFinished: number | null;
}

/** Quantile q over n values of which only the sorted `finished` are known (the rest are +∞). */
export function censoredQuantile(finished: readonly number[], n: number, q: number): number | null {
  if (n === 0) return null;
  const pos = (n - 1) * q;
  if (Math.ceil(pos) >= finished.length) return null;
  const lo = Math.floor(pos);
  return finished[lo]! + (finished[Math.ceil(pos)]! - finished[lo]!) * (pos - lo);
}

export class CompletionTracker {
  private readonly arrivedAt = new Map<number, number>();
  private readonly completedAt = new Map<number, number>();
  private readonly departed = new Set<number>();

  observe(e: LoggedEvent): void {
    if (e.type === 'clientCreated') {
      if (e.left > 0) this.arrivedAt.set(e.clientId, e.t);
    } else if (e.type === 'transfersProgressed') {
      for (let i = 0; i < e.clients.length; i++) {
        const id = e.clients[i]!;
        if (e.left[i] === 0 && this.arrivedAt.has(id) && !this.completedAt.has(id)) {
          this.completedAt.set(id, e.t);
          this.departed.delete(id);
        }
      }
    } else if (e.type === 'clientStateChanged' && (e.state === 'crashed' || e.state === 'stopped')) {
      if (this.arrivedAt.has(e.clientId) && !this.completedAt.has(e.clientId)) this.departed.add(e.clientId);
    } else if (e.type === 'clientStateChanged' && (e.previous === 'crashed' || e.previous === 'stopped')) {
      this.departed.delete(e.clientId); // restarted: it wants the file again
    }
  }

  finish(): CompletionMetrics {
    const times: number[] = [];
    let first: number | null = null;
    let last: number | null = null;
    for (const [id, t] of this.completedAt) {
      times.push((t - this.arrivedAt.get(id)!) / 1000);
      first = first === null ? t : Math.min(first, t);
      last = last === null ? t : Math.max(last, t);
    }
    times.sort((a, b) => a - b);
    const n = this.arrivedAt.size - this.departed.size;
    return {
      leechers: n,
      departed: this.departed.size,
      finished: times.length,
      completionTimes: times,
      completionMean: times.length === 0 ? null : times.reduce((s, v) => s + v, 0) / times.length,
      completionMedian: censoredQuantile(times, n, 0.5),
      completionP90: censoredQuantile(times, n, 0.9),
      finishedShare: n === 0 ? null : times.length / n,
      firstFinish: first === null ? null : first / 1000,
      allFinished: n > 0 && times.length === n ? last! / 1000 : null,
    };
  }
}
