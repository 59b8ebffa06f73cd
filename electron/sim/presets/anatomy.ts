// "Anatomy of a torrent session": the seed's capture (seeds/002), replayed. One Transmission 1.32
// client on a private tracker whose passkey is the first path segment, the same info_hash and size,
// and a download rate that puts ≈13.2 MB in the first periodic announce, as in the capture.
import type { ScenarioInput } from '../../../shared/sim/scenario';

export const anatomy: ScenarioInput = {
  name: 'anatomy-of-a-session',
  description:
    'One Transmission 1.32 client on a private tracker, as in the seed’s capture: started, periodic announces every 15 min, completed when the download finishes (BEP 3), stopped when it quits.',
  seed: 2008,
  duration: '2h30m',
  tracker: {
    preset: 'tracker-lab',
    settings: { private: true, interval: 900, minInterval: 300, peerTimeout: 2700 },
    users: [
      { name: 'you', passkey: '3bfa64edd509add1c7516d7a62700366' },
      { name: 'uploader', passkey: 'a0f2c4e6a8b0c2d4e6f8a0b2c4d6e8f0' },
    ],
  },
  torrents: [
    {
      id: 'capture',
      name: 'capture.iso',
      size: 76_781_572,
      pieceSize: 262_144,
      infoHash: 'd9a57bb40e1e5af971530d38b0bf269f740f92f3',
    },
  ],
  network: { tick: 1, progressEvery: 5 },
  groups: [
    { name: 'seeder', profile: 'transmission-1.32', user: 'uploader', have: 'all', uploadCapacity: 15_391 },
    {
      name: 'you',
      profile: 'transmission-1.32',
      user: 'you',
      // The capture's own peer_id and key, so the first GET is byte-for-byte the seed's.
      peerId: '-TR1320-ph6nbw6phum2',
      key: '36vk3vk5rt',
      arrival: { type: 'fixed', at: '1m' },
      uploadCapacity: 65_536,
      downloadCapacity: 1_048_576,
      seedTime: '30m',
    },
  ],
};
