// What a run amounts to (the engine builds it; the CLI, the app and the exports show it).
import type { ClientState } from './sim/events';
import type { AnnounceEventName } from './tracker/events';

export interface ClientReport {
  name: string;
  profile: string;
  state: ClientState;
  trueUploaded: number;
  trueDownloaded: number;
  creditedUploaded: number;
  creditedDownloaded: number;
  /** Milliseconds the tracker listed this client while it was crashed or had quit. */
  ghostMs: number;
  /** Milliseconds from arrival to download complete, or null. */
  completionMs: number | null;
}

export interface Distribution {
  count: number;
  mean: number | null;
  median: number | null;
  p90: number | null;
  min: number | null;
  max: number | null;
  values: number[];
}

export interface RunReport {
  scenario: string;
  seed: number;
  endMs: number;
  events: number;
  clients: ClientReport[];
  tracker: {
    requests: Record<AnnounceEventName | 'scrape', number>;
    failures: number;
    failureReasons: Record<string, number>;
    peersExpired: number;
  };
  completionMs: Distribution;
}
