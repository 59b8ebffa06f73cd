// The timeline's markers for a real run: the crash and the reaped ghost, at their exact times.
import { describe, expect, it } from 'vitest';
import { timelineMarkers } from '../../shared/views/markers';
import { run } from '../engine/helpers';

describe('timelineMarkers', () => {
  it('crash-ghost: the crash at 20 min and the ghost reaped at 41 min', async () => {
    const r = await run('crash-ghost');
    const names = new Map([[r.id('crasher'), 'crasher']]);
    const markers = timelineMarkers(r.events, (id) => names.get(id) ?? `client ${id}`);
    expect(markers).toEqual([
      { t: 1_200_000, kind: 'crash', label: 'crasher crashed' },
      { t: 2_460_000, kind: 'expired', label: 'the tracker reaped 127.11.0.2:51413 (timeout)' },
    ]);
  });

  it('tracker-restart: one marker at the restart, saying how many peers were forgotten', async () => {
    const r = await run('tracker-restart', { until: 3_000_000 });
    const markers = timelineMarkers(r.events, (id) => `client ${id}`);
    const restart = r.of('trackerRestarted');
    expect(restart).toHaveLength(1);
    expect(markers.filter((m) => m.kind === 'tracker')).toEqual([
      {
        t: 2_400_000,
        kind: 'tracker',
        label: `tracker restarted, ${restart[0]!.peersDropped} peers forgotten`,
      },
    ]);
    expect(restart[0]!.peersDropped).toBeGreaterThan(0);
  });

  it("marks the user's own commands, not the scenario's", async () => {
    const r = await run('crash-ghost', { until: 0 });
    await r.engine.dispatch({ type: 'pauseClient', client: 'seeder' });
    const markers = timelineMarkers(r.engine.events(), (id) => `client ${id}`);
    expect(markers).toEqual([{ t: 0, kind: 'command', label: 'you: pauseClient' }]);
  });
});
