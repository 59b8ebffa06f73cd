// When the tracker reaped a peer by timeout (peerRemoved, reason `expired`), per client: the graph
// fades the ghost out at that moment. The model keeps the list (model.expiries); this only searches it.

export interface Expiry {
  clientId: number;
  t: number;
}

export class ExpiryLog {
  /** Expiries of simulated clients' entries, in log (time) order. */
  expiries: readonly Expiry[] = [];

  sync(source: { readonly expiries: readonly Expiry[] }): this {
    this.expiries = source.expiries;
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
