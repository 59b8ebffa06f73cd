// What the tracker was asked and what its answers were worth. Load: requests (announce and scrape,
// refused ones included) per minute of the run and in its busiest minute, and bytes the tracker
// sent. Staleness: of the peers the tracker returned, the share the requester found already gone
// (crashed, quit, offline, paused or moved: connectionsOpened.unreachable).
import type { LoggedEvent } from '../../events';

export interface TrackerLoadMetrics {
  requests: number;
  requestsPerMinute: number;
  /** Requests in the busiest minute [k, k + 1) of virtual time. */
  peakRequestsPerMinute: number;
  trackerBytes: number;
  returnedPeers: number;
  unreachablePeers: number;
  staleShare: number | null;
}

export class TrackerLoadTracker {
  private requests = 0;
  private readonly perMinute = new Map<number, number>();
  private bytes = 0;
  private returned = 0;
  private unreachable = 0;

  observe(e: LoggedEvent): void {
    switch (e.type) {
      case 'requestReceived': {
        this.requests++;
        const minute = Math.floor(e.t / 60_000);
        this.perMinute.set(minute, (this.perMinute.get(minute) ?? 0) + 1);
        break;
      }
      case 'responseSent':
        this.bytes += e.bytes;
        break;
      case 'announceAnswered':
        this.returned += e.peers.length;
        break;
      case 'connectionsOpened':
        this.unreachable += e.unreachable.length;
        break;
      default:
        break;
    }
  }

  finish(endMs: number): TrackerLoadMetrics {
    return {
      requests: this.requests,
      requestsPerMinute: endMs > 0 ? this.requests / (endMs / 60_000) : 0,
      peakRequestsPerMinute: Math.max(0, ...this.perMinute.values()),
      trackerBytes: this.bytes,
      returnedPeers: this.returned,
      unreachablePeers: this.unreachable,
      staleShare: this.returned > 0 ? this.unreachable / this.returned : null,
    };
  }
}
