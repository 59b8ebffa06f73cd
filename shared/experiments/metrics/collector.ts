// A run's metrics, computed from its event log as it streams by (nothing is kept but counters,
// per-client figures and the current connection graph), so a run never needs its whole log.
import type { LoggedEvent } from '../../events';
import { AccountingTracker } from './accounting';
import { CompletionTracker, type CompletionMetrics } from './completion';
import { OverlayTracker, type OverlayMetrics, type OverlaySample } from './overlay';
import { SeedingTracker } from './seeding';
import { TrackerLoadTracker, type TrackerLoadMetrics } from './trackerLoad';

export interface RunMetrics extends CompletionMetrics, OverlayMetrics, TrackerLoadMetrics {
  /** Virtual seconds simulated. */
  duration: number;
  clients: number;
  events: number;
  seederUtilisation: number | null;
  seedingUploaded: number;
  accountingError: number | null;
}

export class RunMetricsCollector {
  private readonly completion = new CompletionTracker();
  private readonly seeding = new SeedingTracker();
  private readonly overlay: OverlayTracker;
  private readonly load = new TrackerLoadTracker();
  private readonly accounting = new AccountingTracker();
  private clients = 0;
  private events = 0;

  constructor(options: { sampleEveryMs: number; onSample?: (s: OverlaySample) => void }) {
    this.overlay = new OverlayTracker(options.sampleEveryMs, options.onSample);
  }

  /** Feed every event of the log, in order. */
  readonly observe = (e: LoggedEvent): void => {
    this.events++;
    if (e.type === 'clientCreated') this.clients++;
    this.overlay.advance(e.t);
    this.completion.observe(e);
    this.seeding.observe(e);
    this.overlay.observe(e);
    this.load.observe(e);
    this.accounting.observe(e);
  };

  finish(endMs: number): RunMetrics {
    return {
      duration: endMs / 1000,
      clients: this.clients,
      events: this.events,
      ...this.completion.finish(),
      ...this.seeding.finish(endMs),
      ...this.overlay.finish(endMs),
      ...this.load.finish(endMs),
      ...this.accounting.finish(),
    };
  }
}

/** The metrics of a whole log at once (tests, and logs loaded from NDJSON). */
export function computeRunMetrics(
  events: Iterable<LoggedEvent>,
  endMs: number,
  sampleEveryMs: number,
): RunMetrics {
  const collector = new RunMetricsCollector({ sampleEveryMs });
  for (const e of events) collector.observe(e);
  return collector.finish(endMs);
}
