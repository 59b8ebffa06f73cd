// What the simulated clients and the engine report, beside the tracker's own events. Together they
// make the event log: the single source of truth the views, exports and replays are built from.
import type { AnnounceEventName } from '../tracker/events';
import type { ActionCommandInput } from '../commands';

/** One state per client for drawing; a crashed client the tracker still lists is drawn as a ghost. */
export type ClientState = 'idle' | 'leeching' | 'seeding' | 'paused' | 'offline' | 'crashed' | 'stopped';

interface At {
  t: number;
}

export interface SimulationStarted extends At {
  type: 'simulationStarted';
  scenario: string;
  seed: number;
  durationMs: number;
  torrents: { infoHash: string; name: string; size: number; pieceSize: number; pieces: number }[];
}

export interface ClientCreated extends At {
  type: 'clientCreated';
  clientId: number;
  name: string;
  group: string;
  profile: string;
  infoHash: string;
  ip: string;
  port: number;
  peerId: string;
  key: string | null;
  user: string | null;
  uploadCapacity: number;
  downloadCapacity: number;
  maxConnections: number;
  size: number;
  left: number;
}

export interface ClientStateChanged extends At {
  type: 'clientStateChanged';
  clientId: number;
  state: ClientState;
  previous: ClientState;
  /** A short reason: `arrived`, `completed`, `paused`, `crashed`, `went offline`, `quit`… */
  cause: string;
}

/** A new address (IP change) or a new peer_id (restart): the same client under another identity. */
export interface ClientIdentityChanged extends At {
  type: 'clientIdentityChanged';
  clientId: number;
  ip: string;
  port: number;
  peerId: string;
  key: string | null;
  cause: 'ip-change' | 'restart';
}

export interface AnnounceSent extends At {
  type: 'announceSent';
  clientId: number;
  announceId: number;
  event: AnnounceEventName;
  /** The request target exactly as the client puts it on the wire. */
  target: string;
  ip: string;
  /** 1 for the first try, 2+ for retries after a failure. */
  attempt: number;
  forced: boolean;
}

/** The tracker received the announce: links the client's announce to the tracker's requestId. */
export interface AnnounceDelivered extends At {
  type: 'announceDelivered';
  clientId: number;
  announceId: number;
  requestId: number;
}

export interface AnnounceCompleted extends At {
  type: 'announceCompleted';
  clientId: number;
  announceId: number;
  requestId: number;
  /** The tracker's `failure reason`, when it refused the announce. */
  failureReason: string | null;
  warning: string | null;
  interval: number | null;
  minInterval: number | null;
  peersReceived: number;
  /** When the client will announce next (null: it will not, e.g. after `stopped`). */
  nextAnnounceAt: number | null;
}

export type AnnounceFailure = 'refused' | 'timeout' | 'aborted';

export interface AnnounceFailed extends At {
  type: 'announceFailed';
  clientId: number;
  announceId: number;
  /** refused: tracker down; timeout: the client is offline; aborted: the tracker restarted mid-request. */
  reason: AnnounceFailure;
  retryAt: number | null;
}

export type DisconnectReason = 'left' | 'crashed' | 'offline' | 'paused' | 'both-seeding' | 'ip-change';

/**
 * What a client made of the peers one announce returned: the connections it opened, and the
 * returned peers it could not use — `unreachable` ones were already gone (crashed, stopped,
 * offline, moved: a stale peer list), `full` ones had no free connection slot.
 */
export interface ConnectionsOpened extends At {
  type: 'connectionsOpened';
  clientId: number;
  announceId: number;
  peers: number[];
  unreachable: number[];
  full: number;
  /** Returned addresses that belong to no simulated client (real clients, or nobody). */
  notSimulated: number;
}

export interface ConnectionsClosed extends At {
  type: 'connectionsClosed';
  clientId: number;
  peers: number[];
  reason: DisconnectReason;
}

/**
 * Bytes moved since the last progress event (one every `network.progressEvery`), for every client
 * that moved any, as parallel arrays to keep the log compact; `left` is after the period.
 */
export interface TransfersProgressed extends At {
  type: 'transfersProgressed';
  clients: number[];
  uploaded: number[];
  downloaded: number[];
  left: number[];
}

export interface TrackerAvailabilityChanged extends At {
  type: 'trackerAvailabilityChanged';
  up: boolean;
}

export interface CommandApplied extends At {
  type: 'commandApplied';
  /** The command as given (its input form), so a saved session can replay it exactly. */
  command: ActionCommandInput;
  /** `timeline` for a scripted action, `user` for one issued while running. */
  source: 'timeline' | 'user';
}

export interface CommandRejected extends At {
  type: 'commandRejected';
  /** The command's `type` when it had one. */
  commandType: string | null;
  error: string;
}

export type SimulationEvent =
  | SimulationStarted
  | ClientCreated
  | ClientStateChanged
  | ClientIdentityChanged
  | AnnounceSent
  | AnnounceDelivered
  | AnnounceCompleted
  | AnnounceFailed
  | ConnectionsOpened
  | ConnectionsClosed
  | TransfersProgressed
  | TrackerAvailabilityChanged
  | CommandApplied
  | CommandRejected;
