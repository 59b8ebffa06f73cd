// Transport-neutral requests: what the HTTP query and the UDP packet both decode to.
import type { AnnounceEventName, TrackerTransport } from '../../shared/tracker/events';
import type { PeerAddress } from './address';

export interface AnnounceRequest {
  infoHash: Uint8Array;
  peerId: Uint8Array;
  port: number;
  uploaded: number;
  downloaded: number;
  left: number;
  corrupt: number | null;
  event: AnnounceEventName;
  /** null: not sent, so the tracker's default applies. */
  numwant: number | null;
  /** null: not sent; BEP 23 suggests compact by default. */
  compact: boolean | null;
  noPeerId: boolean;
  key: Uint8Array | null;
  trackerId: string | null;
  /** The `ip` parameter, used only when the tracker trusts it. */
  ip: string | null;
  passkey: string | null;
}

export interface ScrapeRequest {
  infoHashes: Uint8Array[];
  passkey: string | null;
}

/** Where a request came from and when; stamped by the transport. */
export interface RequestContext {
  requestId: number;
  transport: TrackerTransport;
  remote: PeerAddress;
  remotePort: number;
  now: number;
  /**
   * Only peers of this address family may be returned; absent: both (HTTP answers `peers` and
   * BEP 7 `peers6`). A BEP 15 UDP answer carries one family, the one the packet came over.
   */
  peerFamily?: 4 | 6;
}

/** A failure to answer with a bencoded `failure reason` (HTTP 200, as clients expect). */
export interface Rejection {
  reason: string;
  field: string | null;
}

export type Parsed<T> = { ok: true; value: T } | ({ ok: false } & Rejection);

export function reject(reason: string, field: string | null = null): { ok: false } & Rejection {
  return { ok: false, reason, field };
}
