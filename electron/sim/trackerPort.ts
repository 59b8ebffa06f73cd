// How the simulation reaches the tracker. The engine implements it twice — in-process and over real
// HTTP on loopback — and both hand the tracker the same request bytes.
import type { TrackerSettings } from '../../shared/tracker/settings';

export type TrackerDelivery = { delivered: true; requestId: number; body: Uint8Array } | { delivered: false };

export interface TrackerPort {
  readonly settings: TrackerSettings;
  isUp(): boolean;
  /** Takes the tracker down (connections refused) or brings it back. */
  setUp(up: boolean, now: number): void | Promise<void>;
  /** One announce GET from `ip:sourcePort`; `delivered: false` when the connection is refused. */
  send(
    target: string,
    ip: string,
    sourcePort: number,
    now: number,
  ): TrackerDelivery | Promise<TrackerDelivery>;
  sweep(now: number): void;
  restart(now: number): void | Promise<void>;
  updateSettings(patch: unknown, now: number): { ok: true } | { ok: false; error: string };
  addUser(user: unknown, now: number): { ok: true } | { ok: false; error: string };
}
