// General-purpose swarms: a steady one and a flash crowd.
import type { ScenarioInput } from '../../../shared/sim/scenario';

export const steadySwarm: ScenarioInput = {
  name: 'steady-swarm',
  description:
    'A public tracker and a 700 MiB torrent: 3 seeders and 60 leechers arriving as a Poisson process (one a minute on average), seeding for a while after they finish.',
  seed: 7,
  duration: '2h',
  tracker: { preset: 'tracker-lab' },
  torrents: [{ id: 'distro', name: 'distro.iso', size: '700MiB', pieceSize: '1MiB' }],
  groups: [
    { name: 'seed', count: 3, profile: 'transmission-1.32', have: 'all', uploadCapacity: '1MiB/s' },
    {
      name: 'peer',
      count: 60,
      profile: 'libtorrent-2.0',
      arrival: { type: 'poisson', meanGap: '1m' },
      uploadCapacity: { uniform: ['128KiB/s', '1MiB/s'] },
      downloadCapacity: { uniform: ['1MiB/s', '4MiB/s'] },
      seedTime: { uniform: ['5m', '30m'] },
    },
  ],
};

export const flashCrowd: ScenarioInput = {
  name: 'flash-crowd',
  description:
    'One seeder, then 200 leechers within two minutes: the tracker’s load spikes and the first downloaders rely on each other.',
  seed: 11,
  duration: '1h',
  tracker: { preset: 'tracker-lab' },
  torrents: [{ id: 'release', name: 'release.tar', size: '350MiB', pieceSize: '512KiB' }],
  groups: [
    { name: 'origin', profile: 'transmission-1.32', have: 'all', uploadCapacity: '2MiB/s' },
    {
      name: 'crowd',
      count: 200,
      profile: 'libtorrent-2.0',
      arrival: { type: 'flash-crowd', at: '1m', over: '2m' },
      uploadCapacity: { lognormal: { median: '256KiB/s', sigma: 0.6 } },
      downloadCapacity: { lognormal: { median: '2MiB/s', sigma: 0.5 } },
      seedTime: { uniform: ['2m', '20m'] },
    },
  ],
};
