// Client profiles: the habits that make real clients look different to a tracker. The seed's
// capture fixes Transmission 1.32's; the others carry habits documented in issue threads
// (research/trackers.md §4, research/simulators.md §2), and say which habit they stand for.

export type PeerIdSuffix = 'alnum-lower' | 'alnum' | 'bytes';
export type KeyFormat = 'alnum-lower-10' | 'hex-upper-8' | null;
/** What pausing a torrent sends: nothing (stats freeze), BEP 21 `event=paused`, or `stopped`. */
export type PauseBehaviour = 'nothing' | 'paused' | 'stopped';

export interface ClientProfile {
  name: string;
  label: string;
  description: string;
  peerIdPrefix: string;
  peerIdSuffix: PeerIdSuffix;
  /** A fixed listening port, or null for a per-client port drawn from the PRNG. */
  port: number | null;
  /** null: the parameter is not sent (the tracker's default applies). */
  numwant: number | null;
  compact: 0 | 1;
  noPeerId: boolean;
  sendsCorrupt: boolean;
  key: KeyFormat;
  pause: PauseBehaviour;
  /** The real-world bug of announcing `completed` again on every start of a finished torrent. */
  resendsCompletedOnStart: boolean;
  /** A manual announce goes out even before `min interval` has passed. */
  forceAnnounceIgnoresMinInterval: boolean;
  /** A restarted client announces with a fresh peer_id. */
  newPeerIdOnRestart: boolean;
  /** Seconds to wait before retrying a failed announce, by consecutive failure (the last repeats). */
  retrySeconds: number[];
}

export const clientProfiles = [
  {
    name: 'transmission-1.32',
    label: 'Transmission 1.32',
    description:
      'The seed’s capture: -TR1320- peer_id, port 51413, numwant=80, compact=1, sends corrupt and key; pausing stops the torrent (event=stopped).',
    peerIdPrefix: '-TR1320-',
    peerIdSuffix: 'alnum-lower',
    port: 51413,
    numwant: 80,
    compact: 1,
    noPeerId: false,
    sendsCorrupt: true,
    key: 'alnum-lower-10',
    pause: 'stopped',
    resendsCompletedOnStart: false,
    forceAnnounceIgnoresMinInterval: false,
    newPeerIdOnRestart: true,
    retrySeconds: [20, 60, 300, 900, 1800, 3600],
  },
  {
    name: 'utorrent-1.8',
    label: 'µTorrent 1.8',
    description:
      'Pause sends nothing (the tracker keeps listing it, stats freeze); manual “Update Tracker” ignores min interval; binary peer_id tail, numwant=200, no_peer_id=1.',
    peerIdPrefix: '-UT1800-',
    peerIdSuffix: 'bytes',
    port: null,
    numwant: 200,
    compact: 1,
    noPeerId: true,
    sendsCorrupt: true,
    key: 'hex-upper-8',
    pause: 'nothing',
    resendsCompletedOnStart: false,
    forceAnnounceIgnoresMinInterval: true,
    newPeerIdOnRestart: false,
    retrySeconds: [15, 30, 60, 120, 300, 600],
  },
  {
    name: 'libtorrent-2.0',
    label: 'libtorrent 2.0 (qBittorrent)',
    description:
      'Pausing announces event=paused (BEP 21, libtorrent’s event_t::paused); numwant=200, no_peer_id=1, hex key.',
    peerIdPrefix: '-qB4400-',
    peerIdSuffix: 'alnum',
    port: null,
    numwant: 200,
    compact: 1,
    noPeerId: true,
    sendsCorrupt: true,
    key: 'hex-upper-8',
    pause: 'paused',
    resendsCompletedOnStart: false,
    forceAnnounceIgnoresMinInterval: false,
    newPeerIdOnRestart: true,
    retrySeconds: [5, 15, 45, 135, 405, 1215],
  },
  {
    name: 'webtorrent-0.98',
    label: 'WebTorrent 0.98',
    description:
      'Re-sends event=completed on every start of a finished torrent (bittorrent-tracker#190), inflating snatch counts; no key, no corrupt, numwant=50.',
    peerIdPrefix: '-WW0098-',
    peerIdSuffix: 'alnum',
    port: null,
    numwant: 50,
    compact: 1,
    noPeerId: false,
    sendsCorrupt: false,
    key: null,
    pause: 'nothing',
    resendsCompletedOnStart: true,
    forceAnnounceIgnoresMinInterval: false,
    newPeerIdOnRestart: true,
    retrySeconds: [60, 120, 300, 600],
  },
  {
    name: 'legacy-dict',
    label: 'Legacy client (compact=0)',
    description:
      'An old-style client that asks for the BEP 3 dictionary peer list (compact=0) and sends no numwant and no key.',
    peerIdPrefix: 'M4-0-2--',
    peerIdSuffix: 'alnum',
    port: 6881,
    numwant: null,
    compact: 0,
    noPeerId: false,
    sendsCorrupt: false,
    key: null,
    pause: 'nothing',
    resendsCompletedOnStart: false,
    forceAnnounceIgnoresMinInterval: false,
    newPeerIdOnRestart: false,
    retrySeconds: [30, 120, 600, 1800],
  },
] as const satisfies readonly ClientProfile[];

export type ClientProfileName = (typeof clientProfiles)[number]['name'];
export const clientProfileNames = clientProfiles.map((p) => p.name) as [
  ClientProfileName,
  ...ClientProfileName[],
];

export function clientProfile(name: ClientProfileName): ClientProfile {
  const profile = clientProfiles.find((p) => p.name === name);
  if (!profile) throw new Error(`unknown client profile: ${name}`);
  return profile;
}
