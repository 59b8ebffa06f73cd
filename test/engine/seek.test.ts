import { describe, expect, it, vi } from 'vitest';
import { Engine } from '../../electron/engine/engine';
import { Simulation } from '../../electron/sim/simulation';
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

  it('forward again after a backward seek, the known future is restored instead of simulated again', async () => {
    const direct = await Engine.create({ scenario: preset('crash-ghost'), snapshotEveryMs: 120_000 });
    await direct.advanceTo(2_400_000);

    const seeking = await Engine.create({ scenario: preset('crash-ghost'), snapshotEveryMs: 120_000 });
    await seeking.advanceTo(3_000_000);
    await seeking.seek(600_000);
    // Virtual time simulated from here on: none, when the future's snapshot at 40 min is restored.
    const runUntil = Simulation.prototype.runUntil;
    let simulated = 0;
    const spy = vi.spyOn(Simulation.prototype, 'runUntil').mockImplementation(function (this: Simulation, t) {
      simulated += Math.max(0, t - this.now);
      return runUntil.call(this, t);
    });
    try {
      await seeking.seek(2_400_000);
      expect(simulated).toBe(0);
      expect(await stateAt(seeking)).toEqual(await stateAt(direct));
      // Past the known future's last snapshot (48 min), only the rest is simulated.
      await seeking.seek(2_950_000);
      expect(simulated).toBe(2_950_000 - 2_880_000);
    } finally {
      spy.mockRestore();
    }
    await direct.advanceTo(2_950_000);
    expect(await stateAt(seeking)).toEqual(await stateAt(direct));
  });
});
