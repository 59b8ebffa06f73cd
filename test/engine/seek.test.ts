import { describe, expect, it } from 'vitest';
import { Engine } from '../../electron/engine/engine';
import { preset } from './helpers';

async function stateAt(engine: Engine): Promise<unknown> {
  return {
    now: engine.now,
    sim: engine.simulation.snapshot(),
    tracker: engine.trackerCore.snapshot(),
    events: engine.events(),
  };
}

describe('seeking', () => {
  it('the state after seeking to t equals the state after running to t, backward and forward', async () => {
    const direct = await Engine.create({ scenario: preset('crash-ghost'), snapshotEveryMs: 120_000 });
    await direct.advanceTo(1_234_567);
    const expected = await stateAt(direct);

    const seeking = await Engine.create({ scenario: preset('crash-ghost'), snapshotEveryMs: 120_000 });
    await seeking.advanceTo(3_000_000);
    await seeking.seek(1_234_567); // backward, from beyond
    expect(await stateAt(seeking)).toEqual(expected);
    await seeking.seek(600_000);
    await seeking.seek(1_234_567); // forward again
    expect(await stateAt(seeking)).toEqual(expected);
  });

  it('user commands survive a seek and are replayed at the same point', async () => {
    const make = () => Engine.create({ scenario: preset('steady-swarm'), snapshotEveryMs: 60_000 });
    const direct = await make();
    await direct.advanceTo(300_000);
    await direct.dispatch({ type: 'crashClient', client: 'seed-1' });
    await direct.advanceTo(900_000);

    const seeking = await make();
    await seeking.advanceTo(300_000);
    await seeking.dispatch({ type: 'crashClient', client: 'seed-1' });
    await seeking.advanceTo(1_200_000);
    await seeking.seek(100_000);
    await seeking.seek(900_000);
    expect(await stateAt(seeking)).toEqual(await stateAt(direct));
  });

  it('a command issued after seeking back forks the run: the old future is dropped', async () => {
    const engine = await Engine.create({ scenario: preset('steady-swarm'), snapshotEveryMs: 60_000 });
    await engine.advanceTo(600_000);
    await engine.dispatch({ type: 'crashClient', client: 'seed-2' });
    await engine.advanceTo(900_000);
    await engine.seek(300_000);
    await engine.dispatch({ type: 'crashClient', client: 'seed-3' });
    await engine.advanceTo(900_000);
    expect(engine.commands.map((c) => [c.at, c.command])).toEqual([
      [300_000, { type: 'crashClient', client: 'seed-3' }],
    ]);
    const crashed = engine.events().filter((e) => e.type === 'clientStateChanged' && e.state === 'crashed');
    expect(crashed.map((e) => e.t)).toEqual([300_000]);
  });
});
