// Words for the tracker's choices, shared by the CLI, the README and the renderer's tooltips.
import type { CreditRule, PeerRemovalReason, SelectionReason } from './events';
import type { SelectionStrategyName, TrackerSettings } from './settings';

export const selectionStrategyDescriptions: Record<SelectionStrategyName, string> = {
  random: 'A uniform random sample of the swarm (what most real trackers do).',
  newest: 'The peers that joined most recently, first.',
  oldest: 'The peers that joined earliest, first (like trackers that return peers in storage order).',
  'seeders-first': 'Seeders first, then leechers, each in random order (Ocelot, chihaya).',
  'speed-normal': 'Speed setting "normal": no speed bias, a uniform random sample.',
  'speed-high': 'Speed setting "high": the fastest uploaders (rates derived from their announces) first.',
  'speed-low': 'Speed setting "low": the slowest uploaders first.',
  'same-subnet-first':
    'Peers in the requester’s /24 (IPv4) or /64 (IPv6) first, then the rest, random within each.',
};

export const selectionReasonText: Record<SelectionReason, string> = {
  random: 'picked uniformly at random',
  newest: 'among the most recently joined',
  oldest: 'among the earliest joined',
  'seeder-first': 'a seeder, and seeders go first',
  'leecher-after-seeders': 'a leecher, listed after the seeders',
  fastest: 'among the fastest uploaders',
  slowest: 'among the slowest uploaders',
  'no-speed-bias': 'picked at random (speed setting "normal" has no bias)',
  'same-subnet': 'in the requester’s subnet, and those go first',
  'other-subnet': 'outside the requester’s subnet, listed after those inside it',
};

export const removalReasonText: Record<PeerRemovalReason, string> = {
  stopped: 'sent event=stopped',
  expired: 'not heard from within the peer timeout',
  restart: 'the tracker restarted and lost its in-memory peers',
  replaced: 'a new peer_id announced from the same ip:port (ip:port identity)',
};

export const creditRuleText: Record<CreditRule, string> = {
  baseline: 'first sight or event=started: counters remembered as the baseline, nothing credited',
  delta: 'credited the difference from the last announce',
  rebaseline: 'a counter went down (client restart): new baseline, nothing credited',
  clamped: 'a counter went down: that counter credited 0, the other its difference',
  held: 'a counter went down: nothing credited until it passes the old high-water mark',
  signed: 'credited the signed difference, even though it is negative',
  'from-zero': 'first announce credited in full from zero',
};

/** One line per tracker setting, for tooltips and the settings panel. */
export const settingDescriptions: Record<keyof TrackerSettings, string> = {
  interval: 'Seconds clients should wait between regular announces (sent as `interval`).',
  minInterval: 'Seconds a client must wait before announcing again (sent as `min interval`; 0 = not sent).',
  intervalJitter: 'Each response’s interval is drawn from interval ± this many seconds (spreads the load).',
  peerTimeout:
    'Seconds without an announce after which the tracker drops a peer (a crashed client is a ghost until then).',
  sweepInterval: 'Seconds between expiry sweeps: a ghost goes at the first sweep after its timeout.',
  numwantDefault: 'Peers returned when the client does not send numwant (BEP 3 suggests 50).',
  numwantMax: 'The most peers one response may carry, whatever numwant asks.',
  selection:
    'Which peers a response carries (random, newest, oldest, seeders first, by speed, same subnet first).',
  seedersToSeeders: 'Send seeders to seeders (off: a seeder only gets leechers, as XBT and Ocelot do).',
  peerIdentity: 'What makes two announces the same peer: the peer_id, the ip:port, or the user and peer_id.',
  recognizeByKey:
    'With ip:port identity, a known peer_id with the same `key` from a new address is the same peer.',
  pausedHandling: 'What event=paused (BEP 21) does: a partial seed, a regular announce, or an error.',
  minIntervalEnforcement:
    'What an announce before min interval gets: served as usual, answered without updating stats, or refused.',
  keepStateOnRestart: 'Keep peers (and accounting baselines) across a tracker restart.',
  trustIpParam: 'Use the `ip` parameter instead of the socket address (a DDoS vector; BEP 7 discourages it).',
  private: 'Private tracker: a passkey is required and upload/download is credited per user.',
  counterReset:
    'What a counter that went down (a restarted client) does to credit: re-baseline, clamp, keep the maximum, or go negative.',
  firstAnnounce:
    'Whether a peer’s first announce is a baseline (nothing credited) or credited in full from zero.',
  snatchCounting: 'When `completed` counts as a download: once per user, once per peer, or every time.',
  trackerId: 'Sent as `tracker id` when set; clients echo it back as trackerid.',
  warningMessage: 'Sent as `warning message` in every response when set (clients show it).',
  statsAccess: 'Who may read /stats.json: loopback clients only, or anyone.',
  simulatedPeersToRealClients:
    'Live mode: send simulated peers (loopback addresses, unreachable) to real clients too. Off: real clients get real peers only.',
};
