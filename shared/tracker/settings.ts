// Tracker behaviour switches: the things real trackers differ on (../research/trackers.md §1–2).
// Every field is validated at the boundary (CLI, scenario files, commands) by this schema.
import { z } from 'zod';

export const selectionStrategyNames = [
  'random',
  'newest',
  'oldest',
  'seeders-first',
  'speed-normal',
  'speed-high',
  'speed-low',
  'same-subnet-first',
] as const;
export type SelectionStrategyName = (typeof selectionStrategyNames)[number];

export const peerIdentityModes = ['peer_id', 'ip:port', 'user+peer_id'] as const;
export type PeerIdentityMode = (typeof peerIdentityModes)[number];

/** How `event=paused` (BEP 21) is treated. */
export const pausedHandlingModes = ['bep21', 'update', 'reject'] as const;
export type PausedHandling = (typeof pausedHandlingModes)[number];

/** What happens to an announce that arrives before `min interval` has passed. */
export const minIntervalEnforcementModes = ['off', 'skip-update', 'reject'] as const;
export type MinIntervalEnforcement = (typeof minIntervalEnforcementModes)[number];

/**
 * What a private tracker does when a reported counter is lower than the last one (client restart):
 * - rebaseline: take the new values as the baseline and credit nothing (Ocelot, XBT) — correct;
 * - clamp: credit max(0, Δ) per counter and store the lower value (AnimeBytes' chihaya);
 * - keep-max: keep the old high-water mark, so nothing is credited until the counter passes it (naive);
 * - signed-delta: credit reported − stored even when negative (naive; totals go down).
 * The first two also re-baseline at `event=started`; the naive two ignore it.
 */
export const counterResetModes = ['rebaseline', 'clamp', 'keep-max', 'signed-delta'] as const;
export type CounterResetMode = (typeof counterResetModes)[number];

/** The first announce of a peer: take it as the baseline (Ocelot), or credit its counters from zero. */
export const firstAnnounceModes = ['baseline', 'credit-all'] as const;
export type FirstAnnounceMode = (typeof firstAnnounceModes)[number];

/** When `event=completed` counts as a snatch (the torrent's `downloaded`). */
export const snatchCountingModes = ['once-per-user', 'once-per-peer', 'every-completed'] as const;
export type SnatchCounting = (typeof snatchCountingModes)[number];

export const statsAccessModes = ['loopback', 'anyone'] as const;

const seconds = (max: number) => z.number().int().min(0).max(max);

export const trackerSettingsSchema = z
  .object({
    /** Seconds between regular announces, sent as `interval`. */
    interval: seconds(86_400).min(1),
    /** Seconds a client must wait before announcing again, sent as `min interval` (0 = not sent). */
    minInterval: seconds(86_400),
    /** Each response's interval is drawn uniformly from interval ± jitter (opentracker, Ocelot). */
    intervalJitter: seconds(3_600),
    /** Seconds without an announce after which a peer is removed. */
    peerTimeout: seconds(7 * 86_400).min(1),
    /** Seconds between expiry sweeps. */
    sweepInterval: seconds(86_400).min(1),
    numwantDefault: z.number().int().min(0).max(10_000),
    numwantMax: z.number().int().min(0).max(10_000),
    selection: z.enum(selectionStrategyNames),
    /** false: a seeder is never sent other seeders (XBT, Ocelot, chihaya). */
    seedersToSeeders: z.boolean(),
    peerIdentity: z.enum(peerIdentityModes),
    /** With ip:port identity, a known peer_id + `key` from a new address is the same peer that moved. */
    recognizeByKey: z.boolean(),
    pausedHandling: z.enum(pausedHandlingModes),
    minIntervalEnforcement: z.enum(minIntervalEnforcementModes),
    /** Peers (and their accounting baselines) survive a tracker restart. */
    keepStateOnRestart: z.boolean(),
    /** Honour the `ip` query parameter (a DDoS vector, so off by default; BEP 7). */
    trustIpParam: z.boolean(),
    /** Private mode: a passkey is required and upload/download is credited per user. */
    private: z.boolean(),
    counterReset: z.enum(counterResetModes),
    firstAnnounce: z.enum(firstAnnounceModes),
    snatchCounting: z.enum(snatchCountingModes),
    /** Sent as `tracker id` when not empty. */
    trackerId: z
      .string()
      .max(64)
      .regex(/^[\x20-\x7e]*$/, 'printable ASCII only'),
    /** Sent as `warning message` in every announce response when not empty. */
    warningMessage: z.string().max(300),
    statsAccess: z.enum(statsAccessModes),
    /**
     * Live mode: may real clients be sent simulated peers? Off by default: their loopback addresses
     * are useless to a real client (and a real client should not waste connections on them).
     */
    simulatedPeersToRealClients: z.boolean(),
  })
  .strict()
  .refine((s) => s.numwantDefault <= s.numwantMax, {
    message: 'numwantDefault must not exceed numwantMax',
    path: ['numwantDefault'],
  });

export type TrackerSettings = z.infer<typeof trackerSettingsSchema>;

export const defaultTrackerSettings: TrackerSettings = {
  interval: 1800,
  minInterval: 900,
  intervalJitter: 0,
  peerTimeout: 2700,
  sweepInterval: 60,
  numwantDefault: 50,
  numwantMax: 200,
  selection: 'random',
  seedersToSeeders: true,
  peerIdentity: 'peer_id',
  recognizeByKey: true,
  pausedHandling: 'bep21',
  minIntervalEnforcement: 'off',
  keepStateOnRestart: false,
  trustIpParam: false,
  private: false,
  counterReset: 'rebaseline',
  firstAnnounce: 'baseline',
  snatchCounting: 'once-per-user',
  trackerId: '',
  warningMessage: '',
  statsAccess: 'loopback',
  simulatedPeersToRealClients: false,
};

export const passkeySchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, _ and - only');

export const trackerUserSchema = z
  .object({
    passkey: passkeySchema,
    name: z.string().min(1).max(64),
  })
  .strict();
export type TrackerUser = z.infer<typeof trackerUserSchema>;

/** Formats a zod error as `path: problem` lines, so every message names the field. */
export function describeIssues(error: z.ZodError, root = ''): string {
  return error.issues
    .map((issue) => {
      const path = [root, ...issue.path.map(String)].filter((p) => p !== '').join('.');
      return `${path || '(root)'}: ${issue.message}`;
    })
    .join('; ');
}

/** Validates a partial settings patch against the full schema after merging it into `base`. */
export function mergeTrackerSettings(
  base: TrackerSettings,
  patch: unknown,
): { ok: true; settings: TrackerSettings } | { ok: false; error: string } {
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) {
    return { ok: false, error: 'settings: expected an object' };
  }
  const parsed = trackerSettingsSchema.safeParse({ ...base, ...patch });
  return parsed.success
    ? { ok: true, settings: parsed.data }
    : { ok: false, error: describeIssues(parsed.error, 'settings') };
}
