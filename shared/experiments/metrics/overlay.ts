// The overlay: who is connected to whom (connectionsOpened adds edges, connectionsClosed removes
// them), sampled on a fixed grid of virtual time while anyone is still downloading (at least one
// leecher present). A sample counts the connected components among the clients present (leeching
// or seeding), the largest one's share, and the share of leechers whose component holds no seeder
// (cut off from every complete copy). Also: clients that never had a connection in the whole run.
import type { LoggedEvent } from '../../events';
import type { ClientState } from '../../sim/events';

export interface OverlayMetrics {
  /** Samples taken (those with at least one leecher present). */
  samples: number;
  /** Means over the samples. */
  components: number | null;
  largestComponentShare: number | null;
  cutOffLeecherShare: number | null;
  neverConnected: number;
  neverConnectedShare: number | null;
}

export interface OverlaySample {
  t: number;
  present: number;
  components: number;
  largest: number;
  leechers: number;
  cutOffLeechers: number;
}

const PRESENT: ReadonlySet<ClientState> = new Set(['leeching', 'seeding']);

export class OverlayTracker {
  private readonly state = new Map<number, ClientState>();
  private readonly links = new Map<number, Set<number>>();
  private readonly connected = new Set<number>();
  private nextSampleAt: number;
  private sampleCount = 0;
  private componentsSum = 0;
  private largestShareSum = 0;
  private cutOffSum = 0;

  constructor(
    private readonly everyMs: number,
    private readonly onSample?: (s: OverlaySample) => void,
  ) {
    this.nextSampleAt = everyMs;
  }

  /** Takes the samples due strictly before `t` (events at t have not been applied yet). */
  advance(t: number): void {
    while (this.nextSampleAt < t) {
      this.sample(this.nextSampleAt);
      this.nextSampleAt += this.everyMs;
    }
  }

  observe(e: LoggedEvent): void {
    switch (e.type) {
      case 'clientCreated':
        this.state.set(e.clientId, 'idle');
        this.links.set(e.clientId, new Set());
        break;
      case 'clientStateChanged':
        this.state.set(e.clientId, e.state);
        break;
      case 'connectionsOpened':
        for (const p of e.peers) this.link(e.clientId, p, true);
        break;
      case 'connectionsClosed':
        for (const p of e.peers) this.link(e.clientId, p, false);
        break;
      default:
        break;
    }
  }

  private link(a: number, b: number, open: boolean): void {
    if (open) {
      this.links.get(a)?.add(b);
      this.links.get(b)?.add(a);
      this.connected.add(a);
      this.connected.add(b);
    } else {
      this.links.get(a)?.delete(b);
      this.links.get(b)?.delete(a);
    }
  }

  private sample(t: number): void {
    const present: number[] = [];
    let leechers = 0;
    for (const [id, s] of this.state) {
      if (!PRESENT.has(s)) continue;
      present.push(id);
      if (s === 'leeching') leechers++;
    }
    if (leechers === 0) return;
    const parent = new Map<number, number>(present.map((id) => [id, id]));
    const find = (x: number): number => {
      let r = x;
      while (parent.get(r)! !== r) r = parent.get(r)!;
      while (parent.get(x)! !== r) {
        const next = parent.get(x)!;
        parent.set(x, r);
        x = next;
      }
      return r;
    };
    for (const id of present) {
      for (const other of this.links.get(id)!) {
        if (!parent.has(other)) continue;
        const ra = find(id);
        const rb = find(other);
        if (ra !== rb) parent.set(ra, rb);
      }
    }
    const size = new Map<number, number>();
    const seeded = new Set<number>();
    for (const id of present) {
      const r = find(id);
      size.set(r, (size.get(r) ?? 0) + 1);
      if (this.state.get(id) === 'seeding') seeded.add(r);
    }
    let cutOff = 0;
    for (const id of present) if (this.state.get(id) === 'leeching' && !seeded.has(find(id))) cutOff++;
    const largest = Math.max(...size.values());
    this.sampleCount++;
    this.componentsSum += size.size;
    this.largestShareSum += largest / present.length;
    this.cutOffSum += cutOff / leechers;
    this.onSample?.({
      t,
      present: present.length,
      components: size.size,
      largest,
      leechers,
      cutOffLeechers: cutOff,
    });
  }

  finish(endMs: number): OverlayMetrics {
    this.advance(endMs + 1);
    const n = this.sampleCount;
    const clients = this.state.size;
    const never = clients - [...this.state.keys()].filter((id) => this.connected.has(id)).length;
    return {
      samples: n,
      components: n === 0 ? null : this.componentsSum / n,
      largestComponentShare: n === 0 ? null : this.largestShareSum / n,
      cutOffLeecherShare: n === 0 ? null : this.cutOffSum / n,
      neverConnected: never,
      neverConnectedShare: clients === 0 ? null : never / clients,
    };
  }
}
