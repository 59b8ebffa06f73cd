import { describe, expect, it } from 'vitest';
import { Engine } from '../../electron/engine/engine';
import type { WallClock } from '../../electron/engine/playback';
import { preset } from '../engine/helpers';

/** A wall clock the test drives by hand: timers fire when `advance` passes their time. */
class ManualClock implements WallClock {
  private t = 0;
  private timers: { at: number; fn: () => void; id: number }[] = [];
  private ids = 0;
  now(): number {
    return this.t;
  }
  setTimeout(fn: () => void, ms: number): unknown {
    const id = ++this.ids;
    this.timers.push({ at: this.t + ms, fn, id });
    return id;
  }
  clearTimeout(handle: unknown): void {
    this.timers = this.timers.filter((x) => x.id !== handle);
  }
  /** Moves wall time forward in small steps, firing due timers and letting the engine's promises settle. */
  async advance(ms: number): Promise<void> {
    const end = this.t + ms;
    while (this.t < end) {
      this.t = Math.min(end, this.t + 5);
      const due = this.timers.filter((x) => x.at <= this.t);
      this.timers = this.timers.filter((x) => x.at > this.t);
      for (const timer of due) timer.fn();
      for (let i = 0; i < 20; i++) await Promise.resolve();
      await new Promise((r) => setImmediate(r));
    }
  }
}

async function playedAt(speed: number | 'max', wallMs: number): Promise<{ now: number; digest: string }> {
  const wall = new ManualClock();
  const engine = await Engine.create({ scenario: preset('crash-ghost'), wallClock: wall, digest: true });
  await engine.dispatch({ type: 'setSpeed', speed });
  await engine.dispatch({ type: 'play' });
  await wall.advance(wallMs);
  await engine.dispatch({ type: 'pause' });
  // Bring every run to the same virtual time, then compare.
  const now = engine.now;
  await engine.advanceTo(1_200_000);
  return { now, digest: engine.log.digest() };
}

describe('playback', () => {
  it('runs virtual time at the chosen speed, and pausing stops it', async () => {
    const wall = new ManualClock();
    const engine = await Engine.create({ scenario: preset('crash-ghost'), wallClock: wall });
    await engine.dispatch({ type: 'setSpeed', speed: 3600 });
    await engine.dispatch({ type: 'play' });
    await wall.advance(200);
    await engine.dispatch({ type: 'pause' });
    // 200 ms of wall time at 3600× is 720 s of virtual time (to within one 33 ms frame).
    expect(engine.now).toBeGreaterThanOrEqual(720_000 - 3600 * 40);
    expect(engine.now).toBeLessThanOrEqual(720_000);
    const paused = engine.now;
    await wall.advance(200);
    expect(engine.now).toBe(paused);
  });

  it('changing speed never changes outcomes: 1×, 60×, 3600× and max give the same event log', async () => {
    const runs = await Promise.all([
      playedAt(1, 500),
      playedAt(60, 500),
      playedAt(3600, 200),
      playedAt('max', 50),
    ]);
    expect(new Set(runs.map((r) => r.now)).size).toBeGreaterThan(1); // they really stopped at different times
    expect(new Set(runs.map((r) => r.digest)).size).toBe(1);
  });

  it('live mode runs on past the scenario end, an hour ahead at all times', async () => {
    const wall = new ManualClock();
    const engine = await Engine.create({ scenario: preset('crash-ghost'), wallClock: wall });
    const scenarioEnd = engine.endMs;
    await engine.advanceTo(scenarioEnd - 1_000);
    engine.setLive(true);
    expect(engine.endMs).toBe(scenarioEnd + 3_600_000 - 1_000);
    await wall.advance(3_000);
    // 1× real time: three seconds of wall time are three virtual seconds, past the scenario's end.
    expect(engine.now).toBeGreaterThan(scenarioEnd);
    expect(engine.now).toBeLessThanOrEqual(scenarioEnd + 2_000);
    expect(engine.status().playing).toBe(true);
    expect(engine.endMs).toBe(engine.now + 3_600_000);
    engine.setLive(false);
    expect(engine.endMs).toBe(scenarioEnd);
    await engine.dispatch({ type: 'pause' });
  });
});
