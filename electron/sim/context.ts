// The simulation's state, as plain data plus the few live objects (transfer models, PRNGs) that
// know how to snapshot themselves. Handlers take this context; nothing else holds state.
import type { Prng } from '../../shared/prng';
import type { ClientState, SimulationEvent } from '../../shared/sim/events';
import type { ClientProfileName } from '../../shared/sim/profiles';
import type { ActionCommandInput } from '../../shared/commands';
import type { AnnounceEventName } from '../../shared/tracker/events';
import type { EventQueue } from './scheduler';
import type { TrackerPort } from './trackerPort';
import type { SwarmTransfers } from './transfer/swarmTransfers';

export type Lifecycle = 'idle' | 'running' | 'crashed' | 'stopped';

export interface SimClient {
  id: number;
  name: string;
  group: string;
  groupIndex: number;
  profile: ClientProfileName;
  torrent: number;
  user: string | null;
  passkey: string | null;
  ip: string;
  port: number;
  peerId: Uint8Array;
  key: string | null;
  uploadCapacity: number;
  downloadCapacity: number;
  maxConnections: number;
  /** Milliseconds of seeding before quitting, or null to seed until the end. */
  seedTimeMs: number | null;
  /** Pieces held on arrival (the transfer model draws which ones). */
  initialHave: 'all' | 'none' | number;

  lifecycle: Lifecycle;
  online: boolean;
  paused: boolean;
  state: ClientState;

  /** Ground truth over the client's whole life. */
  trueUploaded: number;
  trueDownloaded: number;
  /** What the client reports: counters since its current session started (reset by a restart). */
  sessionUploaded: number;
  sessionDownloaded: number;
  /** Bytes moved since the last progress event. */
  unreportedUploaded: number;
  unreportedDownloaded: number;
  arrivedAt: number | null;
  completedAt: number | null;

  /** Requests sent so far: the k-th goes out from source port 32768 + k mod 28232, as an OS would pick. */
  requestsSent: number;
  /** Bumped to cancel the client's scheduled announce. */
  announceGeneration: number;
  /** Bumped to cancel everything scheduled for the client's session (seed-time end). */
  sessionGeneration: number;
  /** One-shot events the client still owes the tracker, oldest first (each sent until acknowledged). */
  owed: AnnounceEventName[];
  inFlight: number | null;
  failures: number;
  lastAnnounceAt: number | null;
  interval: number | null;
  minInterval: number | null;
  trackerId: string | null;
  nextAnnounceAt: number | null;
}

export interface SimTorrent {
  index: number;
  id: string;
  name: string;
  infoHash: Uint8Array;
  infoHashHex: string;
  size: number;
  pieceSize: number;
  pieces: number;
}

export type SimTask =
  | { kind: 'arrive'; client: number }
  | { kind: 'announceDue'; client: number; generation: number; forced: boolean }
  | { kind: 'progressReport' }
  | { kind: 'announceArrives'; announceId: number }
  | { kind: 'announceAnswered'; announceId: number }
  | { kind: 'announceTimedOut'; announceId: number }
  | { kind: 'seedTimeOver'; client: number; generation: number }
  | { kind: 'transferTick' }
  | { kind: 'trackerSweep' }
  | { kind: 'timeline'; index: number };

export interface InFlightAnnounce {
  announceId: number;
  client: number;
  event: AnnounceEventName;
  target: string;
  ip: string;
  sourcePort: number;
  /** to-tracker: not yet delivered; to-client: answered, the reply is on its way back. */
  phase: 'to-tracker' | 'to-client';
  requestId: number | null;
  /** The tracker's reply; null when the connection was refused. */
  body: Uint8Array | null;
  /** The client announces once and gives up (`stopped` on quit). */
  final: boolean;
  /** The client's session when it was sent: an answer to a previous session reaches nobody. */
  session: number;
}

export interface SimNetwork {
  announceRttMs: number;
  announceTimeoutMs: number;
  tickMs: number;
  progressEveryMs: number;
}

export interface SimRandom {
  /** Arrival times, capacities, initial pieces. */
  population: Prng;
  /** peer_ids, keys, ports. */
  identity: Prng;
  /** Choking and piece picking (owned by the transfer models). */
  transfer: Prng;
}

export interface SimContext {
  now: number;
  readonly network: SimNetwork;
  readonly rng: SimRandom;
  clients: SimClient[];
  readonly torrents: SimTorrent[];
  readonly transfers: SwarmTransfers[];
  readonly queue: EventQueue<SimTask>;
  /** `ip:port` → client id, for turning returned peers into connections. */
  readonly addressBook: Map<string, number>;
  readonly inFlight: Map<number, InFlightAnnounce>;
  readonly tracker: TrackerPort;
  /** Tracker users known to the simulation (clients announce with their passkeys). */
  readonly users: { name: string; passkey: string }[];
  readonly timeline: readonly { at: number; command: ActionCommandInput }[];
  counters: { announces: number; movedAddresses: number; groups: number };
  /** Clients with unreported transfer progress. */
  readonly progressed: Set<number>;
  emit(event: SimulationEvent): void;
}

export function clientByName(ctx: SimContext, name: string): SimClient | undefined {
  return ctx.clients.find((c) => c.name === name);
}
