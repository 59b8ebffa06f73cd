// The scenarios of `npm run bench:ui`: one seeder and N-1 leechers arriving in the first minutes,
// with a short announce interval so announces keep flowing while the frames are measured.
import type { ScenarioInput } from '../shared/sim/scenario';

/** Virtual seconds per real second while measuring. */
export const BENCH_SPEED = 60;
/** Real announces per second the interval is chosen for (so every size is equally busy). */
export const ANNOUNCES_PER_SECOND = 300;

/** interval = N / (announces per virtual second), at least a minute. */
export function benchInterval(peers: number): number {
  return Math.max(60, Math.round((peers * BENCH_SPEED) / ANNOUNCES_PER_SECOND));
}

export function benchScenario(peers: number): ScenarioInput {
  const interval = benchInterval(peers);
  return {
    name: `bench-ui-${peers}`,
    description: `${peers} peers for the UI benchmark: 1 seeder, ${peers - 1} leechers arriving within 3 minutes, a ${interval}-second announce interval (± half of it, so the announces spread out).`,
    seed: 42,
    duration: '2h',
    tracker: {
      preset: 'tracker-lab',
      settings: {
        interval,
        minInterval: 0,
        intervalJitter: Math.round(interval / 2),
        peerTimeout: interval * 3,
      },
    },
    torrents: [{ id: 'bench', name: 'bench.iso', size: '4GiB', pieceSize: '4MiB' }],
    network: { progressEvery: '30s' },
    groups: [
      { name: 'seed', profile: 'transmission-1.32', have: 'all', uploadCapacity: '4MiB/s' },
      {
        name: 'peer',
        count: peers - 1,
        profile: 'transmission-1.32',
        arrival: { type: 'flash-crowd', at: 0, over: '3m' },
        uploadCapacity: { uniform: ['64KiB/s', '512KiB/s'] },
        downloadCapacity: { uniform: ['512KiB/s', '2MiB/s'] },
      },
    ],
  };
}
