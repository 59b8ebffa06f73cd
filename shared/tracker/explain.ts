// Words for the tracker's choices, shared by the CLI, the README and the renderer's tooltips.
import type { CreditRule, PeerRemovalReason, SelectionReason } from './events';
import type { SelectionStrategyName } from './settings';

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
