// What a run amounts to: per client, what really happened beside what the tracker credited; for the
// tracker, what it was asked. Built incrementally from the event stream, finished with the truth.
import type { LoggedEvent } from '../../shared/events';
import type { ClientState } from '../../shared/sim/events';
import type { AnnounceEventName } from '../../shared/tracker/events';
import type { ClientReport, Distribution, RunReport } from '../../shared/report';

export type { ClientReport, Distribution, RunReport };
import type { SimClient } from '../sim/context';

interface ClientTrack {
  creditedUploaded: number;
  creditedDownloaded: number;
  listed: number;
  state: ClientState;
  ghostSince: number | null;
  ghostMs: number;
}

const GONE: ReadonlySet<ClientState> = new Set(['crashed', 'stopped']);

export function quantile(sorted: number[], q: number): number | null {
  if (sorted.length === 0) return null;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

export function distribution(values: number[]): Distribution {
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  return {
    count: n,
    mean: n === 0 ? null : sorted.reduce((s, v) => s + v, 0) / n,
    median: quantile(sorted, 0.5),
    p90: quantile(sorted, 0.9),
    min: n === 0 ? null : sorted[0]!,
    max: n === 0 ? null : sorted[n - 1]!,
    values: sorted,
  };
}

export class RunAccounting {
  private readonly clients = new Map<number, ClientTrack>();
  /** `infoHash:peerId` → client, for every peer_id a client has announced with. */
  private readonly owner = new Map<string, number>();
  private readonly torrentOf = new Map<number, string>();
  private readonly requests: Record<AnnounceEventName | 'scrape', number> = {
    started: 0,
    completed: 0,
    stopped: 0,
    paused: 0,
    none: 0,
    scrape: 0,
  };
  private failures = 0;
  private readonly failureReasons: Record<string, number> = {};
  private peersExpired = 0;
  private events = 0;

  observe(e: LoggedEvent): void {
    this.events++;
    switch (e.type) {
      case 'clientCreated':
        this.clients.set(e.clientId, {
          creditedUploaded: 0,
          creditedDownloaded: 0,
          listed: 0,
          state: 'idle',
          ghostSince: null,
          ghostMs: 0,
        });
        this.owner.set(`${e.infoHash}:${e.peerId}`, e.clientId);
        this.torrentOf.set(e.clientId, e.infoHash);
        break;
      case 'clientIdentityChanged': {
        const infoHash = this.torrentOf.get(e.clientId);
        if (infoHash !== undefined) this.owner.set(`${infoHash}:${e.peerId}`, e.clientId);
        break;
      }
      case 'clientStateChanged': {
        const c = this.clients.get(e.clientId);
        if (c) {
          c.state = e.state;
          this.updateGhost(c, e.t);
        }
        break;
      }
      case 'peerAdded':
      case 'peerRemoved': {
        const c = this.clientOf(e.infoHash, e.peerId);
        if (c) {
          c.listed += e.type === 'peerAdded' ? 1 : -1;
          this.updateGhost(c, e.t);
        }
        if (e.type === 'peerRemoved' && e.reason === 'expired') this.peersExpired++;
        break;
      }
      case 'creditApplied': {
        const c = this.clientOf(e.infoHash, e.peerId);
        if (c) {
          c.creditedUploaded += e.uploaded;
          c.creditedDownloaded += e.downloaded;
        }
        break;
      }
      case 'announceReceived':
        this.requests[e.event]++;
        break;
      case 'scrapeReceived':
        this.requests.scrape++;
        break;
      case 'requestFailed':
        this.failures++;
        this.failureReasons[e.reason] = (this.failureReasons[e.reason] ?? 0) + 1;
        break;
      default:
        break;
    }
  }

  report(scenario: string, seed: number, endMs: number, truth: readonly SimClient[]): RunReport {
    const clients = truth
      .filter((c) => this.clients.has(c.id))
      .map((c): ClientReport => {
        const track = this.clients.get(c.id)!;
        const ghostMs = track.ghostMs + (track.ghostSince === null ? 0 : endMs - track.ghostSince);
        return {
          name: c.name,
          profile: c.profile,
          state: c.state,
          trueUploaded: c.trueUploaded,
          trueDownloaded: c.trueDownloaded,
          creditedUploaded: track.creditedUploaded,
          creditedDownloaded: track.creditedDownloaded,
          ghostMs,
          completionMs:
            c.completedAt !== null && c.arrivedAt !== null && c.trueDownloaded > 0
              ? c.completedAt - c.arrivedAt
              : null,
        };
      });
    return {
      scenario,
      seed,
      endMs,
      events: this.events,
      clients,
      tracker: {
        requests: { ...this.requests },
        failures: this.failures,
        failureReasons: { ...this.failureReasons },
        peersExpired: this.peersExpired,
      },
      completionMs: distribution(clients.flatMap((c) => (c.completionMs === null ? [] : [c.completionMs]))),
    };
  }

  private clientOf(infoHash: string, peerId: string): ClientTrack | undefined {
    const id = this.owner.get(`${infoHash}:${peerId}`);
    return id === undefined ? undefined : this.clients.get(id);
  }

  private updateGhost(c: ClientTrack, t: number): void {
    const ghost = c.listed > 0 && GONE.has(c.state);
    if (ghost && c.ghostSince === null) c.ghostSince = t;
    if (!ghost && c.ghostSince !== null) {
      c.ghostMs += t - c.ghostSince;
      c.ghostSince = null;
    }
  }
}
