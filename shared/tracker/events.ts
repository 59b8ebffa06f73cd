// Everything the tracker does, as typed, serializable facts. The visualizer, the request log, the
// exports and the tests are all built from these. Binary values (info_hash, peer_id, key) are hex.
import type { SelectionStrategyName, TrackerSettings } from './settings';

/** `none` is the regular (periodic) announce: BEP 3's "empty" event. `paused` is BEP 21. */
export type AnnounceEventName = 'started' | 'completed' | 'stopped' | 'paused' | 'none';
/** The protocol a request came in over (the simulation's in-process transport is HTTP without a socket). */
export type TrackerTransport = 'http' | 'udp';

/** Why a peer was put in a response; the renderer turns the code into a sentence. */
export type SelectionReason =
  | 'random'
  | 'newest'
  | 'oldest'
  | 'seeder-first'
  | 'leecher-after-seeders'
  | 'fastest'
  | 'slowest'
  | 'no-speed-bias'
  | 'same-subnet'
  | 'other-subnet';

export type PeerRemovalReason = 'stopped' | 'expired' | 'restart' | 'replaced';

/** Which accounting rule produced a credit (see `counterReset` and `firstAnnounce` settings). */
export type CreditRule =
  | 'baseline' // first sight or `started`: remember the counters, credit nothing
  | 'delta' // reported − last reported
  | 'rebaseline' // a counter went down: new baseline, nothing credited
  | 'clamped' // a counter went down: that counter credits 0, the other its delta
  | 'held' // keep-max: nothing until the counter passes the old high-water mark
  | 'signed' // signed-delta: credited even when negative
  | 'from-zero'; // credit-all: the first announce's counters credited in full

interface At {
  /** Virtual time in milliseconds. */
  t: number;
}

export interface RequestReceived extends At {
  type: 'requestReceived';
  requestId: number;
  transport: TrackerTransport;
  remoteIp: string;
  remotePort: number;
  method: string;
  /** The request target exactly as received, e.g. `/announce?info_hash=%D9%A5…` (UDP: a description). */
  target: string;
}

export interface AnnounceReceived extends At {
  type: 'announceReceived';
  requestId: number;
  infoHash: string;
  peerId: string;
  /** The address the tracker uses for this peer (the socket's, or `ip=` when trusted). */
  ip: string;
  port: number;
  event: AnnounceEventName;
  uploaded: number;
  downloaded: number;
  left: number;
  corrupt: number | null;
  numwant: number | null;
  compact: boolean;
  noPeerId: boolean;
  key: string | null;
  trackerId: string | null;
  passkey: string | null;
  user: string | null;
}

export interface ScrapeReceived extends At {
  type: 'scrapeReceived';
  requestId: number;
  infoHashes: string[];
  passkey: string | null;
  user: string | null;
}

export interface RequestFailed extends At {
  type: 'requestFailed';
  requestId: number;
  /**
   * HTTP: 200 for a bencoded `failure reason` (what clients expect), otherwise the HTTP status.
   * UDP (BEP 15 has no status): 200 when an error packet was sent back, 0 when the packet was dropped.
   */
  status: number;
  reason: string;
  /** The query parameter or path part at fault, when there is one. */
  field: string | null;
}

export interface PeerAdded extends At {
  type: 'peerAdded';
  requestId: number;
  /** The tracker's number for this peer entry, unique for the tracker's life; later events use it. */
  entry: number;
  infoHash: string;
  peerId: string;
  ip: string;
  port: number;
  seeder: boolean;
  user: string | null;
}

export interface PeerChanged extends At {
  type: 'peerChanged';
  requestId: number;
  entry: number;
  infoHash: string;
  peerId: string;
  ip: string;
  port: number;
  seeder: boolean;
  paused: boolean;
  /** What changed, in words the UI can show: `seeding`, `paused`, `resumed`, `moved`. */
  change: 'seeding' | 'leeching' | 'paused' | 'resumed' | 'moved';
}

export interface PeerRemoved extends At {
  type: 'peerRemoved';
  /** The request that removed it (`stopped`, `replaced`), or null for a sweep or a restart. */
  requestId: number | null;
  entry: number;
  infoHash: string;
  peerId: string;
  ip: string;
  port: number;
  seeder: boolean;
  reason: PeerRemovalReason;
  /** When the tracker last heard from this peer. */
  lastSeen: number;
}

export interface CreditApplied extends At {
  type: 'creditApplied';
  requestId: number;
  infoHash: string;
  peerId: string;
  user: string;
  rule: CreditRule;
  /** Bytes credited by this announce (may be negative with `signed-delta`). */
  uploaded: number;
  downloaded: number;
  reportedUploaded: number;
  reportedDownloaded: number;
  /** The user's credited totals after this announce. */
  totalUploaded: number;
  totalDownloaded: number;
}

export interface SnatchCounted extends At {
  type: 'snatchCounted';
  requestId: number;
  infoHash: string;
  peerId: string;
  user: string | null;
  /** The torrent's `downloaded` after counting. */
  downloaded: number;
}

export interface SnatchRefused extends At {
  type: 'snatchRefused';
  requestId: number;
  infoHash: string;
  peerId: string;
  user: string | null;
  reason: 'already-counted-for-peer' | 'already-counted-for-user' | 'left-not-zero';
}

export interface CountsChanged extends At {
  type: 'countsChanged';
  infoHash: string;
  complete: number;
  incomplete: number;
  downloaded: number;
  /** BEP 21: incomplete peers that are not partial seeds (paused). */
  downloaders: number;
}

export interface AnnounceAnswered extends At {
  type: 'announceAnswered';
  requestId: number;
  infoHash: string;
  peerId: string;
  interval: number;
  minInterval: number;
  complete: number;
  incomplete: number;
  downloaded: number;
  strategy: SelectionStrategyName;
  /** The number of peers asked for after the default and the cap were applied. */
  numwant: number;
  /** Peers that could have been returned (the swarm minus the requester and any filtered seeders). */
  eligible: number;
  /** Seeders left out because the requester seeds and `seedersToSeeders` is off. */
  seedersWithheld: number;
  /** The peers returned, as the entries announced by `peerAdded` (resolve them with PeerEntries). */
  peers: number[];
  /** Why each was chosen, parallel to `peers`. */
  reasons: SelectionReason[];
  compact: boolean;
  warning: string | null;
  /** false when min-interval enforcement answered without touching the stats. */
  statsUpdated: boolean;
}

export interface ScrapeFile {
  infoHash: string;
  complete: number;
  incomplete: number;
  downloaded: number;
  downloaders: number;
}

export interface ScrapeAnswered extends At {
  type: 'scrapeAnswered';
  requestId: number;
  files: ScrapeFile[];
}

export interface ResponseSent extends At {
  type: 'responseSent';
  requestId: number;
  status: number;
  bytes: number;
  /** The body as base64 (bencode for announce and scrape), or null when it is not recorded (stats). */
  body: string | null;
}

export interface TrackerRestarted extends At {
  type: 'trackerRestarted';
  keptState: boolean;
  peersDropped: number;
}

export interface TrackerSettingsChanged extends At {
  type: 'trackerSettingsChanged';
  settings: TrackerSettings;
  changed: (keyof TrackerSettings)[];
}

export interface TrackerUserAdded extends At {
  type: 'trackerUserAdded';
  user: string;
  passkey: string;
}

export type TrackerEvent =
  | RequestReceived
  | AnnounceReceived
  | ScrapeReceived
  | RequestFailed
  | PeerAdded
  | PeerChanged
  | PeerRemoved
  | CreditApplied
  | SnatchCounted
  | SnatchRefused
  | CountsChanged
  | AnnounceAnswered
  | ScrapeAnswered
  | ResponseSent
  | TrackerRestarted
  | TrackerSettingsChanged
  | TrackerUserAdded;

export type TrackerEventType = TrackerEvent['type'];
export type TrackerEventSink = (event: TrackerEvent) => void;
