import { describe, expect, it } from 'vitest';
import { Engine } from '../../electron/engine/engine';
import { EngineHost } from '../../electron/engine/host';
import type { EngineMessage } from '../../shared/bridge';
import { sessionFileSchema } from '../../shared/session';
import { preset } from './helpers';

const wallClock = {
  now: () => 0,
  setTimeout: (fn: () => void) => setTimeout(fn, 0),
  clearTimeout: (h: unknown) => clearTimeout(h as NodeJS.Timeout),
};

describe('sessions', () => {
  it('a saved session replays the run event for event, user commands included', async () => {
    const original = await Engine.create({ scenario: preset('steady-swarm'), digest: true });
    await original.advanceTo(300_000);
    await original.dispatch({ type: 'crashClient', client: 'seed-1' });
    await original.advanceTo(600_000);
    await original.dispatch({ type: 'setTrackerSettings', settings: { selection: 'newest' } });
    await original.dispatch({ type: 'pauseClient', client: 'nobody' }); // refused: replayed as refused
    await original.advanceTo(1_200_000);
    const file = JSON.parse(
      JSON.stringify(original.session(preset('steady-swarm') as Record<string, unknown>)),
    );
    expect(sessionFileSchema.safeParse(file).success).toBe(true);
    expect(file.commands.map((c: { at: number }) => c.at)).toEqual([300_000, 600_000, 600_000]);

    const replay = await Engine.create({
      scenario: file.scenario,
      seed: file.seed,
      commands: file.commands,
      digest: true,
    });
    await replay.advanceTo(1_200_000);
    expect(replay.log.length).toBe(original.log.length);
    expect(replay.log.digest()).toBe(original.log.digest());
  });

  it('the host saves and loads sessions, and a fork sends the original run to compare with', async () => {
    const host = await EngineHost.create({ wallClock, preset: 'crash-ghost' });
    const messages: EngineMessage[] = [];
    const view = host.connect({ send: (m) => void messages.push(m) });
    await view.request({ kind: 'hello' });
    await view.request({ kind: 'command', command: { type: 'seek', to: 1800 } });
    const saved = await view.request({ kind: 'getSession' });
    expect(saved.ok).toBe(true);

    const fork = await view.request({ kind: 'fork', at: 600_000 });
    expect(fork).toEqual({ ok: true, value: null });
    expect(host.current.now).toBe(600_000);
    expect(messages.some((m) => m.kind === 'truncated')).toBe(true);
    await expect.poll(() => messages.find((m) => m.kind === 'comparison'), { timeout: 20_000 }).toBeDefined();
    const comparison = messages.find((m) => m.kind === 'comparison');
    if (comparison?.kind !== 'comparison') throw new Error('no comparison');
    expect(comparison.comparison.forkAt).toBe(600_000);
    expect(comparison.comparison.original.endMs).toBe(90 * 60_000);
    expect(comparison.comparison.original.counts.at(-1)!.t).toBeGreaterThan(600_000);

    const loaded = await view.request({ kind: 'loadSession', session: saved.ok ? saved.value : null });
    expect(loaded).toEqual({ ok: true, value: null });
    const bad = await view.request({
      kind: 'loadSession',
      session: { format: 'tracker-lab-session', version: 2 },
    });
    expect(bad.ok).toBe(false);
    expect(bad.ok ? '' : bad.error).toContain('session.version');
    await host.close();
  }, 30_000);
});
