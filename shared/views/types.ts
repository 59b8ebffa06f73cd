// What the views show, as plain records derived from the event log (see model.ts).
import type { ClientState } from '../sim/events';
import type { AnnounceEventName, SelectionReason } from '../tracker/events';

export interface ClientRow {
  id: number;
  name: string;
  group: string;
  profile: string;
  infoHash: string;
  ip: string;
  port: number;
  /** Every peer_id it has announced with (a restart may bring a new one). */
  peerIds: string[];
  key: string | null;
  user: string | null;
  size: number;
  uploadCapacity: number;
  downloadCapacity: number;
  state: ClientState;
  stateSince: number;
  // The truth: what the client really did.
  trueUploaded: number;
  trueDownloaded: number;
  left: number;
  // Its side of the conversation with the tracker.
  lastAnnounceSent: { t: number; event: AnnounceEventName } | null;
  nextAnnounceAt: number | null;
  lastFailure: { t: number; reason: string } | null;
  connections: Set<number>;
  // The tracker's view of it.
  /** Tracker entries (peer list entries) currently listed for this client. */
  listedEntries: Set<number>;
  listedAs: 'seeder' | 'leecher' | null;
  /** When the tracker last heard from it, and what it was told then. */
  lastHeard: number | null;
  lastHeardEvent: AnnounceEventName | null;
  reportedUploaded: number;
  reportedDownloaded: number;
  creditedUploaded: number;
  creditedDownloaded: number;
  /**
   * A real client (live mode): not simulated, so its "truth" is what it reported. `clientLabel` is
   * the client and version its peer_id names (shared/peerId.ts), e.g. 'Transmission 3.00'.
   */
  real?: true;
  clientLabel?: string;
}

export interface UserRow {
  name: string;
  creditedUploaded: number;
  creditedDownloaded: number;
  snatches: number;
}

export interface TorrentRow {
  infoHash: string;
  name: string;
  size: number;
  pieces: number;
  complete: number;
  incomplete: number;
  downloaded: number;
  downloaders: number;
}

export interface RequestRow {
  requestId: number;
  t: number;
  clientId: number | null;
  announceId: number | null;
  method: string;
  target: string;
  remoteIp: string;
  remotePort: number;
  transport: string;
  kind: 'announce' | 'scrape' | 'other';
  event: AnnounceEventName | null;
  status: number | null;
  bytes: number | null;
  /** The response body (base64), when the tracker recorded it. */
  body: string | null;
  failure: string | null;
  warning: string | null;
  /** The answer: returned peers (entry numbers), why each, how many could have been returned. */
  peers: number[];
  reasons: SelectionReason[];
  eligible: number | null;
  numwant: number | null;
  strategy: string | null;
  statsUpdated: boolean | null;
}

/** An announce on its way, for the animation: sent → delivered → answered (or failed). */
export interface AnnounceFlight {
  announceId: number;
  clientId: number;
  event: AnnounceEventName;
  sentAt: number;
  deliveredAt: number | null;
  requestId: number | null;
  answeredAt: number | null;
  failedAt: number | null;
  failure: string | null;
  /** Clients whose entries the answer returned. */
  returned: number[];
}

export interface CountsPoint {
  t: number;
  complete: number;
  incomplete: number;
}

export interface TotalsPoint {
  t: number;
  trueUploaded: number;
  trueDownloaded: number;
  creditedUploaded: number;
  creditedDownloaded: number;
}
