// The one contract between the renderer and the engine. It has exactly two implementations that
// carry the same serialized messages: Electron IPC (through the preload's narrow API) and a
// WebSocket in browser mode. Requests are validated on the engine side like any other input.
import { z } from 'zod';
import type { LoggedEvent } from './events';
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
  | { kind: 'comparison'; comparison: BranchComparison };

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
]);

export type EngineRequest = z.infer<typeof engineRequestSchema>;

export type EngineReply = { ok: true; value: unknown } | { ok: false; error: string };

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
