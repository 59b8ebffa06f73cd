// Pitfalls 6–10 of PRODUCT.md: protocol habits and tracker behaviours that change what is listed.
import type { ScenarioInput } from '../../../shared/sim/scenario';

export const completedVsStopped: ScenarioInput = {
  name: 'completed-vs-stopped',
  description:
    'Seed 002 claims `completed` is sent only when the client is closed. Per BEP 3 it is sent when the download finishes, and `stopped` when the client quits. A WebTorrent client re-sends `completed` on every start, inflating the snatch count until the tracker counts once per user.',
  seed: 106,
  duration: '2h',
  tracker: {
    preset: 'tracker-lab',
    settings: { private: true, interval: 900, minInterval: 300, snatchCounting: 'once-per-peer' },
    users: [
      { name: 'alice', passkey: 'a11ce0000000000000000000000000aa' },
      { name: 'bob', passkey: 'b0b00000000000000000000000000bbb' },
      { name: 'carol', passkey: 'ca501000000000000000000000000ccc' },
    ],
  },
  torrents: [{ id: 'ebook', name: 'ebook.epub', size: '300MiB', pieceSize: '512KiB' }],
  groups: [
    { name: 'seeder', profile: 'transmission-1.32', user: 'bob', have: 'all', uploadCapacity: '256KiB/s' },
    {
      name: 'finisher',
      profile: 'transmission-1.32',
      user: 'alice',
      arrival: { type: 'fixed', at: '1m' },
      seedTime: '30m',
    },
    {
      name: 'webtorrent',
      profile: 'webtorrent-0.98',
      user: 'carol',
      have: 'all',
      arrival: { type: 'fixed', at: '2m' },
    },
  ],
  timeline: [
    { at: '10m', type: 'quitClient', client: 'webtorrent' },
    { at: '11m', type: 'restartClient', client: 'webtorrent' },
    { at: '20m', type: 'quitClient', client: 'webtorrent' },
    { at: '21m', type: 'restartClient', client: 'webtorrent' },
    { at: '30m', type: 'setTrackerSettings', settings: { snatchCounting: 'once-per-user' } },
    { at: '40m', type: 'quitClient', client: 'webtorrent' },
    { at: '41m', type: 'restartClient', client: 'webtorrent' },
  ],
};

const spamTimes = ['10m', '11m', '12m', '13m', '14m', '15m'];

export const minIntervalSpam: ScenarioInput = {
  name: 'min-interval-spam',
  description:
    'Manual announces more often than `min interval` (5 min): µTorrent’s “Update Tracker” goes out every minute and this tracker answers without updating the stats, with a warning; Transmission waits until min interval allows it.',
  seed: 107,
  duration: '40m',
  tracker: {
    preset: 'tracker-lab',
    settings: { interval: 1800, minInterval: 300, minIntervalEnforcement: 'skip-update' },
  },
  torrents: [{ id: 'game', name: 'game.iso', size: '8GiB', pieceSize: '8MiB' }],
  groups: [
    { name: 'seeder', profile: 'transmission-1.32', have: 'all' },
    { name: 'spammer', profile: 'utorrent-1.8', arrival: { type: 'fixed', at: '1m' } },
    { name: 'patient', profile: 'transmission-1.32', arrival: { type: 'fixed', at: '1m' } },
  ],
  timeline: spamTimes.flatMap((at) => [
    { at, type: 'forceAnnounce' as const, client: 'spammer' },
    { at, type: 'forceAnnounce' as const, client: 'patient' },
  ]),
};

export const ipChangeKey: ScenarioInput = {
  name: 'ip-change-key',
  description:
    'Two clients move to a new address. The tracker keys peers by ip:port: Transmission sends a `key`, so its next announce is recognised as the same peer; the legacy client sends none and is listed twice until the old entry times out.',
  seed: 108,
  duration: '1h30m',
  tracker: {
    preset: 'tracker-lab',
    settings: {
      interval: 600,
      minInterval: 300,
      peerTimeout: 1800,
      peerIdentity: 'ip:port',
      recognizeByKey: true,
    },
  },
  torrents: [{ id: 'dataset', name: 'dataset.tar', size: '3GiB', pieceSize: '4MiB' }],
  groups: [
    { name: 'seeder', profile: 'transmission-1.32', have: 'all' },
    { name: 'keyed', profile: 'transmission-1.32', arrival: { type: 'fixed', at: '1m' } },
    { name: 'keyless', profile: 'legacy-dict', arrival: { type: 'fixed', at: '1m' } },
  ],
  timeline: [
    { at: '15m', type: 'changeClientIp', client: 'keyed' },
    { at: '15m', type: 'changeClientIp', client: 'keyless' },
  ],
};

const restartAt = 40 * 60_000;

export const trackerRestart: ScenarioInput = {
  name: 'tracker-restart',
  description:
    'The tracker restarts at 40 minutes and forgets its in-memory peers: a request in flight is aborted and retried, and each peer’s next announce is a new baseline, losing up to one interval of credit.',
  seed: 109,
  duration: '2h',
  tracker: {
    preset: 'tracker-lab',
    settings: { private: true, interval: 1800, minInterval: 0, keepStateOnRestart: false },
    users: [
      { name: 'alice', passkey: 'a11ce0000000000000000000000000aa' },
      { name: 'bob', passkey: 'b0b00000000000000000000000000bbb' },
    ],
  },
  torrents: [{ id: 'movie', name: 'movie.mkv', size: '4GiB', pieceSize: '4MiB' }],
  groups: [
    { name: 'seeder', profile: 'transmission-1.32', user: 'bob', have: 'all', uploadCapacity: '2MiB/s' },
    {
      name: 'peer',
      count: 3,
      profile: 'transmission-1.32',
      user: 'alice',
      arrival: { type: 'fixed', at: '1m', spacing: '7m' },
    },
  ],
  timeline: [
    // 10 ms before the restart: this announce is still on its way (50 ms) when the tracker goes.
    { at: `${restartAt - 10}ms`, type: 'forceAnnounce', client: 'peer-1' },
    { at: `${restartAt}ms`, type: 'restartTracker' },
  ],
};

export const smallSwarmSelection: ScenarioInput = {
  name: 'small-swarm-selection',
  description:
    'Six peers, at most two per response: who can reach whom depends on the speed setting. "high" hands out the fastest uploaders, "low" the slowest, "normal" picks at random.',
  seed: 110,
  duration: '1h30m',
  tracker: {
    preset: 'tracker-lab',
    settings: { interval: 300, minInterval: 60, numwantDefault: 2, numwantMax: 2, selection: 'speed-high' },
  },
  torrents: [{ id: 'clip', name: 'clip.mp4', size: '1GiB', pieceSize: '1MiB' }],
  groups: [
    { name: 'seeder', profile: 'transmission-1.32', have: 'all', uploadCapacity: '1MiB/s' },
    {
      name: 'peer',
      count: 5,
      profile: 'transmission-1.32',
      arrival: { type: 'fixed', at: '30s', spacing: '30s' },
      uploadCapacity: { choice: ['64KiB/s', '256KiB/s', '1MiB/s'] },
      maxConnections: 4,
    },
  ],
  timeline: [
    { at: '30m', type: 'setTrackerSettings', settings: { selection: 'speed-low' } },
    { at: '1h', type: 'setTrackerSettings', settings: { selection: 'speed-normal' } },
  ],
};
