// The one contract between the renderer and the engine. It has exactly two implementations that
// carry the same serialized messages: Electron IPC (through the preload's narrow API) and a
// WebSocket in browser mode. Requests are validated on the engine side like any other input.
import { z } from 'zod';
import type { LoggedEvent } from './events';
import type { ExperimentProgress } from './experiments/progress';
import type { ScenarioInput } from './sim/scenario';
import type { TrackerSettings } from './tracker/settings';

export type Speed = number | 'max';

export interface EngineStatus {
  /** Virtual time of the engine's state (ms). */
  now: number;
  /** The scenario's end (ms). */
  endMs: number;
  playing: boolean;
  speed: Speed;
  /** Events in the log. */
  events: number;
  /** Live mode (real clients, 1× real time); absent when off. */
  live?: true;
}

export interface PresetInfo {
  name: string;
  description: string;
}

/** What the renderer needs to know about the loaded run, sent when it starts (and on connect). */
export interface SessionInfo {
  /** Changes with every new engine (a new scenario, a reload): views reset when it does. */
  id: number;
  scenario: ScenarioInput;
  seed: number;
  endMs: number;
  transport: 'inproc' | 'http';
  /** The tracker's settings at the start (later changes arrive as events). */
  trackerSettings: TrackerSettings;
  presets: PresetInfo[];
}

/** Engine → renderer. */
export type EngineMessage =
  | { kind: 'session'; session: SessionInfo }
  | { kind: 'events'; events: LoggedEvent[] }
  /** The log was cut back to `length` events (a seek or a fork): drop everything after. */
  | { kind: 'truncated'; length: number }
  | { kind: 'status'; status: EngineStatus }
  /** After a fork: the original run's course, to compare with the new branch. */
  | { kind: 'comparison'; comparison: BranchComparison }
  /** A sweep running beside the live engine: its progress and the runs finished since the last report. */
  | { kind: 'experiment'; experiment: ExperimentProgress };

/** One run's course over virtual time, sampled for charts and key numbers. */
export interface BranchSeries {
  endMs: number;
  /** Seeders and leechers the tracker counted. */
  counts: { t: number; complete: number; incomplete: number }[];
  /** Truth and credit summed over clients. */
  totals: {
    t: number;
    trueUploaded: number;
    trueDownloaded: number;
    creditedUploaded: number;
    creditedDownloaded: number;
  }[];
  /** Times downloads completed. */
  completions: number[];
  requestsPerMinute: [minute: number, requests: number][];
}

export interface BranchComparison {
  /** Where the runs part ways (ms). */
  forkAt: number;
  /** The run as it was before the fork, run to its end. */
  original: BranchSeries;
}

export const engineRequestSchema = z.discriminatedUnion('kind', [
  /** Session info, then the whole log so far, then live messages. */
  z.object({ kind: z.literal('hello') }).strict(),
  /** Any command (control or action); it is validated by the engine, and a bad one is logged as an error event. */
  z.object({ kind: z.literal('command'), command: z.unknown() }).strict(),
  z.object({ kind: z.literal('loadPreset'), name: z.string().min(1).max(80) }).strict(),
  /** A scenario file's contents; an invalid one is answered with the problems, by JSON path. */
  z.object({ kind: z.literal('loadScenario'), scenario: z.unknown() }).strict(),
  /** The current scenario (with the commands issued so far in its timeline), for saving. */
  z.object({ kind: z.literal('getScenario') }).strict(),
  z.object({ kind: z.literal('getReport') }).strict(),
  /** The whole run as a session file (scenario + seed + commands), to save and replay exactly. */
  z.object({ kind: z.literal('getSession') }).strict(),
  z.object({ kind: z.literal('loadSession'), session: z.unknown() }).strict(),
  /**
   * Go back to virtual time `at` to change something there: the run from `at` on is kept aside
   * (run to its end and sent as a `comparison`), and the engine continues from `at`.
   */
  z.object({ kind: z.literal('fork'), at: z.number().int().min(0) }).strict(),
  z.object({ kind: z.literal('listLessons') }).strict(),
  z.object({ kind: z.literal('getLesson'), name: z.string().min(1).max(80) }).strict(),
  /**
   * Live mode on or off: the tracker on real sockets (`host`, default loopback; `port`, default
   * 6969, 0 picks a free one) and the clock at 1× real time. Answered with a `LiveInfo`.
   */
  z
    .object({
      kind: z.literal('setLive'),
      enabled: z.boolean(),
      host: z.string().min(1).max(64).optional(),
      port: z.number().int().min(0).max(65535).optional(),
    })
    .strict(),
  z.object({ kind: z.literal('getLive') }).strict(),
  /**
   * A .torrent for a file or folder on the engine's machine (a full path), written beside it,
   * announcing to `announce` or else to the live tracker. Answered with a `CreatedTorrentInfo`.
   */
  z
    .object({
      kind: z.literal('createTorrent'),
      path: z.string().min(1).max(4096),
      announce: z.string().min(1).max(2048).optional(),
    })
    .strict(),
  /**
   * Runs an experiment (docs/experiments.md) on worker threads beside the live engine, one at a time;
   * progress arrives as `experiment` messages. An invalid experiment is answered with its problems.
   */
  z
    .object({
      kind: z.literal('runExperiment'),
      experiment: z.unknown(),
      jobs: z.number().int().min(1).max(64).optional(),
    })
    .strict(),
  z.object({ kind: z.literal('cancelExperiment') }).strict(),
]);

export type EngineRequest = z.infer<typeof engineRequestSchema>;

export type EngineReply = { ok: true; value: unknown } | { ok: false; error: string };

/** Live mode as it stands (the reply to `setLive` and `getLive`). */
export interface LiveInfo {
  enabled: boolean;
  /** The interface bound (or to bind). */
  host: string;
  httpPort: number | null;
  udpPort: number | null;
  /** Announce URLs to paste into a client or a .torrent (first: the one .torrent files get). */
  urls: { label: string; url: string }[];
  /** Set when the tracker listens beyond loopback. */
  warning: string | null;
}

/** The reply to `createTorrent`. */
export interface CreatedTorrentInfo {
  file: string;
  name: string;
  infoHash: string;
  magnet: string;
  announce: string;
  pieces: number;
  pieceLength: number;
  totalLength: number;
  private: boolean;
}

/** What both transports give the renderer. */
export interface EngineBridge {
  request(request: EngineRequest): Promise<EngineReply>;
  subscribe(listener: (message: EngineMessage) => void): () => void;
}

/** The WebSocket framing: requests carry an id, replies echo it; everything else is an EngineMessage. */
export type SocketClientFrame = { id: number; request: EngineRequest };
export type SocketServerFrame = ({ kind: 'reply'; id: number } & EngineReply) | EngineMessage;

/** The narrow API the Electron preload exposes as `window.trackerLab` (nothing else crosses). */
export interface PreloadApi {
  request(request: EngineRequest): Promise<EngineReply>;
  onMessage(listener: (message: EngineMessage) => void): () => void;
}

export { IPC_MESSAGE_CHANNEL, IPC_REQUEST_CHANNEL } from './ipcChannels';
