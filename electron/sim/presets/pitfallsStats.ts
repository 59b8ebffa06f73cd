// Pitfalls 1–5 of PRODUCT.md: how a private tracker's statistics drift from what clients really did.
import type { ScenarioInput } from '../../../shared/sim/scenario';

const privateTracker = (settings: Record<string, unknown> = {}) => ({
  preset: 'tracker-lab' as const,
  settings: { private: true, interval: 1800, minInterval: 900, peerTimeout: 2700, ...settings },
  users: [
    { name: 'alice', passkey: 'a11ce0000000000000000000000000aa' },
    { name: 'bob', passkey: 'b0b00000000000000000000000000bbb' },
  ],
});

const bigTorrent = { id: 'movie', name: 'movie.mkv', size: '4GiB', pieceSize: '4MiB' };
const seeder = {
  name: 'seeder',
  profile: 'transmission-1.32' as const,
  user: 'bob',
  have: 'all' as const,
  uploadCapacity: '1MiB/s',
};

export const statsAtAnnounce: ScenarioInput = {
  name: 'stats-at-announce',
  description:
    'Stats only move at announce time: alice downloads all the time, but her profile on the tracker changes only every 30 minutes, when her client announces.',
  seed: 101,
  duration: '2h',
  tracker: privateTracker(),
  torrents: [bigTorrent],
  groups: [
    seeder,
    { name: 'alice', profile: 'transmission-1.32', user: 'alice', arrival: { type: 'fixed', at: '1m' } },
  ],
};

export const pauseSendsNothing: ScenarioInput = {
  name: 'pause-sends-nothing',
  description:
    'Pausing is no way to update stats: the µTorrent client pauses and goes silent, stays listed with frozen stats until the peer timeout, and its resumed announce starts from a new baseline. The libtorrent client pauses with BEP 21 event=paused and stays listed, flagged as paused.',
  seed: 102,
  duration: '2h',
  tracker: privateTracker(),
  torrents: [bigTorrent],
  groups: [
    seeder,
    { name: 'silent', profile: 'utorrent-1.8', user: 'alice', arrival: { type: 'fixed', at: '1m' } },
    { name: 'bep21', profile: 'libtorrent-2.0', user: 'alice', arrival: { type: 'fixed', at: '1m' } },
  ],
  timeline: [
    { at: '20m', type: 'pauseClient', client: 'silent' },
    { at: '20m', type: 'pauseClient', client: 'bep21' },
    { at: '1h30m', type: 'resumeClient', client: 'silent' },
    { at: '1h30m', type: 'resumeClient', client: 'bep21' },
  ],
};

export const crashGhost: ScenarioInput = {
  name: 'crash-ghost',
  description:
    'A client crashes without sending stopped: the tracker keeps listing it as a ghost until its 30-minute peer timeout, and keeps handing its address to others, who cannot reach it.',
  seed: 103,
  duration: '1h30m',
  tracker: {
    preset: 'tracker-lab',
    settings: { interval: 600, minInterval: 300, peerTimeout: 1800, sweepInterval: 60 },
  },
  torrents: [{ id: 'album', name: 'album.zip', size: '2GiB', pieceSize: '2MiB' }],
  groups: [
    { name: 'seeder', profile: 'transmission-1.32', have: 'all', uploadCapacity: '512KiB/s' },
    { name: 'crasher', profile: 'transmission-1.32', arrival: { type: 'fixed', at: '30s' } },
    {
      name: 'peer',
      count: 4,
      profile: 'libtorrent-2.0',
      arrival: { type: 'fixed', at: '1m', spacing: '2m' },
    },
  ],
  timeline: [{ at: '20m', type: 'crashClient', client: 'crasher' }],
};

export const lostFinalCredit: ScenarioInput = {
  name: 'lost-final-credit',
  description:
    'Bytes moved after the last successful announce are never credited when the final announce does not arrive: one client quits while the tracker is down, another crashes.',
  seed: 104,
  duration: '1h30m',
  tracker: privateTracker(),
  torrents: [bigTorrent],
  groups: [
    seeder,
    { name: 'quitter', profile: 'transmission-1.32', user: 'alice', arrival: { type: 'fixed', at: '1m' } },
    { name: 'crasher', profile: 'transmission-1.32', user: 'alice', arrival: { type: 'fixed', at: '1m' } },
  ],
  timeline: [
    { at: '50m', type: 'stopTracker' },
    { at: '55m', type: 'quitClient', client: 'quitter' },
    { at: '55m', type: 'crashClient', client: 'crasher' },
    { at: '1h', type: 'startTracker' },
  ],
};

export const counterReset: ScenarioInput = {
  name: 'counter-reset',
  description:
    'A restarted client reports its counters from 0 again. With naive deltas (signed-delta) the tracker credits a negative amount; after switching to re-baselining, the next restart credits nothing and loses nothing.',
  seed: 105,
  duration: '2h',
  tracker: privateTracker({ counterReset: 'signed-delta' }),
  torrents: [bigTorrent],
  groups: [
    seeder,
    { name: 'restarter', profile: 'utorrent-1.8', user: 'alice', arrival: { type: 'fixed', at: '1m' } },
  ],
  timeline: [
    { at: '40m', type: 'crashClient', client: 'restarter' },
    { at: '41m', type: 'restartClient', client: 'restarter' },
    { at: '1h', type: 'setTrackerSettings', settings: { counterReset: 'rebaseline' } },
    { at: '1h20m', type: 'crashClient', client: 'restarter' },
    { at: '1h21m', type: 'restartClient', client: 'restarter' },
  ],
};
