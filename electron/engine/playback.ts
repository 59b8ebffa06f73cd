// Real-time playback: turns wall-clock time into virtual time at the chosen speed. Speed only decides
// how fast the engine is asked to advance, never what happens, so outcomes do not depend on it.

export interface WallClock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

import type { Speed } from '../../shared/bridge';

export type { Speed };

export interface Advancer {
  readonly now: number;
  readonly endMs: number;
  advanceTo(t: number): Promise<void>;
}

const FRAME_MS = 33;
/** Virtual time per frame when running as fast as possible. */
const MAX_CHUNK_MS = 60_000;

export class Playback {
  playing = false;
  speed: Speed = 60;
  private timer: unknown = null;
  private lastWall = 0;
  private busy = false;

  constructor(
    private readonly engine: Advancer,
    private readonly wall: WallClock,
    private readonly onChange: () => void,
  ) {}

  play(): void {
    if (this.playing || this.engine.now >= this.engine.endMs) return;
    this.playing = true;
    this.lastWall = this.wall.now();
    this.schedule(0);
    this.onChange();
  }

  pause(): void {
    if (!this.playing) return;
    this.playing = false;
    if (this.timer !== null) this.wall.clearTimeout(this.timer);
    this.timer = null;
    this.onChange();
  }

  setSpeed(speed: Speed): void {
    this.speed = speed;
    this.lastWall = this.wall.now();
    this.onChange();
  }

  private schedule(ms: number): void {
    this.timer = this.wall.setTimeout(() => void this.frame(), ms);
  }

  private async frame(): Promise<void> {
    this.timer = null;
    if (!this.playing || this.busy) return;
    this.busy = true;
    const wallNow = this.wall.now();
    const elapsed = wallNow - this.lastWall;
    this.lastWall = wallNow;
    const step = this.speed === 'max' ? MAX_CHUNK_MS : Math.round(elapsed * this.speed);
    const target = Math.min(this.engine.endMs, this.engine.now + Math.max(0, step));
    try {
      await this.engine.advanceTo(target);
    } finally {
      this.busy = false;
    }
    if (this.engine.now >= this.engine.endMs) {
      this.pause();
      return;
    }
    this.onChange();
    if (this.playing) this.schedule(this.speed === 'max' ? 0 : FRAME_MS);
  }
}
