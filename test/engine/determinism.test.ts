import { describe, expect, it } from 'vitest';
import { Engine } from '../../electron/engine/engine';
import { preset } from './helpers';

async function digest(
  name: string,
  options: { seed?: number; transport?: 'inproc' | 'http' } = {},
): Promise<string> {
  const engine = await Engine.create({
    scenario: preset(name),
    digest: true,
    retainEvents: false,
    snapshotEveryMs: Infinity,
    ...options,
  });
  await engine.advanceTo(engine.endMs);
  await engine.close();
  return engine.log.digest();
}

describe('determinism', () => {
  it('the same scenario and seed give a byte-identical event log', async () => {
    expect(await digest('steady-swarm')).toBe(await digest('steady-swarm'));
  });

  it('a different seed gives a different event log', async () => {
    expect(await digest('steady-swarm', { seed: 8 })).not.toBe(await digest('steady-swarm'));
  });

  it.each(['anatomy-of-a-session', 'steady-swarm', 'lost-final-credit', 'tracker-restart'])(
    '%s: the in-process and HTTP transports give the same event log',
    async (name) => {
      expect(await digest(name, { transport: 'http' })).toBe(await digest(name, { transport: 'inproc' }));
    },
    30_000,
  );
});
