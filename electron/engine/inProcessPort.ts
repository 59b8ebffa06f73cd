// The in-process transport: the simulated client's request target goes through the same HTTP router
// and protocol core as a socket's, just without the socket.
import type { TrackerSettings } from '../../shared/tracker/settings';
import type { TrackerDelivery, TrackerPort } from '../sim/trackerPort';
import { handleHttp } from '../tracker/http/router';
import type { Tracker } from '../tracker/tracker';

export class InProcessTrackerPort implements TrackerPort {
  private up = true;

  constructor(readonly tracker: Tracker) {}

  get settings(): TrackerSettings {
    return this.tracker.settings;
  }

  isUp(): boolean {
    return this.up;
  }

  setUp(up: boolean, _now?: number): void {
    this.up = up;
  }

  send(target: string, ip: string, sourcePort: number, now: number): TrackerDelivery {
    if (!this.up) return { delivered: false };
    const request = {
      method: 'GET',
      target,
      remoteIp: ip,
      remotePort: sourcePort,
      transport: 'http',
    } as const;
    const reply = handleHttp(this.tracker, request, now);
    return { delivered: true, requestId: reply.requestId, body: reply.body };
  }

  sweep(now: number): void {
    this.tracker.sweep(now);
  }

  restart(now: number): void {
    this.tracker.restart(now);
  }

  updateSettings(patch: unknown, now: number): { ok: true } | { ok: false; error: string } {
    const result = this.tracker.updateSettings(patch, now);
    return result.ok ? { ok: true } : result;
  }

  addUser(user: unknown, now: number): { ok: true } | { ok: false; error: string } {
    return this.tracker.addUser(user, now);
  }
}
