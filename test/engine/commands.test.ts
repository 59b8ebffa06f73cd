import { describe, expect, it } from 'vitest';
import { Engine } from '../../electron/engine/engine';
import { preset } from './helpers';

async function engineAt(t: number): Promise<Engine> {
  const engine = await Engine.create({ scenario: preset('crash-ghost') });
  await engine.advanceTo(t);
  return engine;
}

function last(engine: Engine) {
  const events = engine.events();
  return events[events.length - 1]!;
}

describe('commands', () => {
  it.each([
    [{ type: 'crashClient' }, 'crashClient', 'client: Invalid input: expected string, received undefined'],
    [{ type: 'launchRocket' }, 'launchRocket', 'unknown command type "launchRocket"'],
    ['pause everything', null, 'command: Invalid input'],
    [{ type: 'pauseClient', client: 'nobody' }, 'pauseClient', 'no client named "nobody"'],
    [{ type: 'resumeClient', client: 'crasher' }, 'resumeClient', 'crasher is not paused'],
    [{ type: 'startTracker' }, 'startTracker', 'the tracker is already up'],
    [
      { type: 'setTrackerSettings', settings: { interval: -5 } },
      'setTrackerSettings',
      'settings.interval: Too small: expected number to be >=0',
    ],
  ])('%j is rejected with an error event and changes nothing', async (command, commandType, error) => {
    const engine = await engineAt(120_000);
    const before = { sim: engine.simulation.snapshot(), tracker: engine.trackerCore.snapshot() };
    await engine.dispatch(command);
    expect(last(engine)).toMatchObject({ type: 'commandRejected', t: 120_000, commandType });
    expect((last(engine) as { error: string }).error).toContain(error);
    expect({ sim: engine.simulation.snapshot(), tracker: engine.trackerCore.snapshot() }).toEqual(before);
  });

  it('a valid action is applied and logged with its input form', async () => {
    const engine = await engineAt(120_000);
    await engine.dispatch({ type: 'setTrackerSettings', settings: { selection: 'newest' } });
    expect(engine.trackerCore.settings.selection).toBe('newest');
    expect(last(engine)).toMatchObject({
      type: 'commandApplied',
      command: { type: 'setTrackerSettings', settings: { selection: 'newest' } },
      source: 'user',
    });
  });

  it('stepping advances to the next instant at which something happens', async () => {
    const engine = await engineAt(0);
    const before = engine.events().length;
    await engine.step();
    const stepped = engine.events().slice(before);
    expect(stepped.length).toBeGreaterThan(0);
    expect(new Set(stepped.map((e) => e.t)).size).toBe(1);
    expect(engine.now).toBe(stepped[0]!.t);
  });
});
