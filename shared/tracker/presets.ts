// Named settings bundles that mimic well-known trackers, from their source code
// (../shared/research/trackers.md §1–2; commits noted there). A preset is only data.
import { defaultTrackerSettings, type TrackerSettings } from './settings';

export interface TrackerPreset {
  name: string;
  label: string;
  description: string;
  settings: Partial<TrackerSettings>;
}

export const trackerPresets = [
  {
    name: 'tracker-lab',
    label: 'Tracker Lab (default)',
    description: 'Spec-faithful defaults: random selection, BEP 21 paused, correct re-baselining.',
    settings: {},
  },
  {
    name: 'opentracker',
    label: 'opentracker',
    description:
      'Public, fast: 30 min ± 3 min interval, peers keyed by ip:port, 45 min timeout, seeds sent to seeds.',
    settings: {
      interval: 1800,
      intervalJitter: 180,
      minInterval: 900,
      peerTimeout: 2700,
      sweepInterval: 120,
      numwantDefault: 50,
      numwantMax: 200,
      selection: 'random',
      seedersToSeeders: true,
      peerIdentity: 'ip:port',
      recognizeByKey: false,
      pausedHandling: 'update',
      private: false,
      snatchCounting: 'every-completed',
    },
  },
  {
    name: 'ocelot',
    label: 'Ocelot',
    description:
      'Private (Gazelle): user+peer_id identity, seeders first, no seeds to seeds, 2 h timeout reaped every 30 min.',
    settings: {
      interval: 1920,
      intervalJitter: 120,
      minInterval: 1800,
      peerTimeout: 7200,
      sweepInterval: 1800,
      numwantDefault: 50,
      numwantMax: 50,
      selection: 'seeders-first',
      seedersToSeeders: false,
      peerIdentity: 'user+peer_id',
      recognizeByKey: false,
      pausedHandling: 'update',
      private: true,
      counterReset: 'rebaseline',
      firstAnnounce: 'baseline',
      snatchCounting: 'once-per-peer',
      keepStateOnRestart: false,
    },
  },
  {
    name: 'xbt',
    label: 'XBT Tracker',
    description:
      'Private: peer_id identity, 30 min interval and min interval, at most 50 peers, 45 min timeout.',
    settings: {
      interval: 1800,
      intervalJitter: 0,
      minInterval: 1800,
      peerTimeout: 2700,
      sweepInterval: 60,
      numwantDefault: 50,
      numwantMax: 50,
      selection: 'random',
      seedersToSeeders: false,
      peerIdentity: 'peer_id',
      recognizeByKey: false,
      pausedHandling: 'update',
      private: true,
      counterReset: 'rebaseline',
      firstAnnounce: 'baseline',
      snatchCounting: 'once-per-peer',
      keepStateOnRestart: false,
    },
  },
  {
    name: 'bittorrent-tracker',
    label: 'bittorrent-tracker (WebTorrent)',
    description:
      'Public: 10 min interval, no min interval, numwant capped at 82, ip:port identity, 20 min timeout.',
    settings: {
      interval: 600,
      intervalJitter: 0,
      minInterval: 0,
      peerTimeout: 1200,
      sweepInterval: 60,
      numwantDefault: 50,
      numwantMax: 82,
      selection: 'random',
      seedersToSeeders: true,
      peerIdentity: 'ip:port',
      recognizeByKey: false,
      pausedHandling: 'update',
      private: false,
      snatchCounting: 'every-completed',
    },
  },
] as const satisfies readonly TrackerPreset[];

export type TrackerPresetName = (typeof trackerPresets)[number]['name'];
export const trackerPresetNames = trackerPresets.map((p) => p.name) as TrackerPresetName[];

export function findTrackerPreset(name: string): TrackerPreset | undefined {
  return trackerPresets.find((p) => p.name === name);
}

/** The full settings a preset stands for: the defaults with the preset's switches applied. */
export function presetSettings(name: TrackerPresetName): TrackerSettings {
  const preset = findTrackerPreset(name);
  if (!preset) throw new Error(`unknown tracker preset: ${name}`);
  return { ...defaultTrackerSettings, ...preset.settings };
}
