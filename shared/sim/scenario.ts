// The scenario file format (documented in docs/scenarios.md): torrents, the tracker, groups of
// clients, and a timeline of scripted actions. Invalid files get errors that name the JSON path.
import { z } from 'zod';
import { actionCommandSchema } from '../commands';
import { trackerPresetNames } from '../tracker/presets';
import { trackerUserSchema } from '../tracker/settings';
import { durationValue } from './distributions';
import { clientGroupSchema, clientNames } from './group';
import { parseSize } from '../units';

const sizeValue = z.union([z.number(), z.string()]).transform((value, ctx) => {
  const parsed = parseSize(value);
  if (parsed === null || parsed <= 0) {
    ctx.addIssue({
      code: 'custom',
      message: `not a size (e.g. 76781572, "700MiB"): ${JSON.stringify(value)}`,
    });
    return z.NEVER;
  }
  return parsed;
});

export const torrentSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'lower-case letters, digits and - (at most 40)'),
    name: z.string().min(1).max(200).optional(),
    size: sizeValue,
    pieceSize: sizeValue.prefault(262_144),
    /** The 40-hex-character info_hash; derived from the torrent's metadata when omitted. */
    infoHash: z
      .string()
      .regex(/^[0-9a-fA-F]{40}$/, '40 hex characters')
      .optional(),
  })
  .strict()
  .refine((t) => t.size / t.pieceSize <= 65_536, {
    message: 'at most 65,536 pieces (raise pieceSize)',
    path: ['pieceSize'],
  });

export const timelineEntrySchema = z.intersection(z.object({ at: durationValue }), actionCommandSchema);

export const scenarioSchema = z
  .object({
    name: z.string().min(1).max(80),
    description: z.string().max(2000).default(''),
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 31 - 1)
      .default(1),
    /** How long `run` simulates unless told otherwise. */
    duration: durationValue.prefault(7_200),
    tracker: z
      .object({
        preset: z.enum(trackerPresetNames).default('tracker-lab'),
        settings: z.record(z.string(), z.unknown()).default({}),
        users: z.array(trackerUserSchema).default([]),
      })
      .strict()
      .default({ preset: 'tracker-lab', settings: {}, users: [] }),
    torrents: z.array(torrentSchema).min(1),
    network: z
      .object({
        /** Round trip of an announce (the tracker handles it half-way). */
        announceRtt: durationValue.prefault(0.1),
        /** How long an announce from an offline client waits before it fails. */
        announceTimeout: durationValue.prefault(30),
        /** The transfer model's step. */
        tick: durationValue.prefault(5),
        /** How often transferred bytes are reported as an event (a multiple of the tick). */
        progressEvery: durationValue.prefault(10),
      })
      .strict()
      .default({ announceRtt: 100, announceTimeout: 30_000, tick: 5_000, progressEvery: 10_000 })
      .refine((n) => n.tick > 0, { message: 'must be more than 0', path: ['tick'] })
      .refine((n) => n.progressEvery >= n.tick, {
        message: 'must be at least the tick',
        path: ['progressEvery'],
      }),
    groups: z.array(clientGroupSchema).default([]),
    timeline: z.array(timelineEntrySchema).default([]),
  })
  .strict()
  .superRefine((s, ctx) => {
    const torrentIds = new Set<string>();
    s.torrents.forEach((t, i) => {
      if (torrentIds.has(t.id))
        ctx.addIssue({
          code: 'custom',
          message: `duplicate torrent id "${t.id}"`,
          path: ['torrents', i, 'id'],
        });
      torrentIds.add(t.id);
    });
    const users = new Set(s.tracker.users.map((u) => u.name));
    const names = new Set<string>();
    s.groups.forEach((g, i) => {
      if (g.torrent !== undefined && !torrentIds.has(g.torrent)) {
        ctx.addIssue({
          code: 'custom',
          message: `no torrent with id "${g.torrent}"`,
          path: ['groups', i, 'torrent'],
        });
      }
      if (g.user !== undefined && !users.has(g.user)) {
        ctx.addIssue({
          code: 'custom',
          message: `no tracker user named "${g.user}"`,
          path: ['groups', i, 'user'],
        });
      }
      for (const name of clientNames(g)) {
        if (names.has(name))
          ctx.addIssue({
            code: 'custom',
            message: `client name "${name}" is used twice`,
            path: ['groups', i, 'name'],
          });
        names.add(name);
      }
    });
    s.timeline.forEach((entry, i) => {
      if ('client' in entry && !names.has(entry.client)) {
        ctx.addIssue({
          code: 'custom',
          message: `no client named "${entry.client}"`,
          path: ['timeline', i, 'client'],
        });
      }
    });
  });

export type ScenarioInput = z.input<typeof scenarioSchema>;
export type Scenario = z.output<typeof scenarioSchema>;
export type TimelineEntry = z.output<typeof timelineEntrySchema>;

/** `groups[0].count`-style path for an issue. */
export function jsonPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path)
    out += typeof part === 'number' ? `[${part}]` : out === '' ? String(part) : `.${String(part)}`;
  return out || '(root)';
}

export type ScenarioParse = { ok: true; scenario: Scenario } | { ok: false; errors: string[] };

export function parseScenario(input: unknown): ScenarioParse {
  const parsed = scenarioSchema.safeParse(input);
  if (parsed.success) return { ok: true, scenario: parsed.data };
  return {
    ok: false,
    errors: parsed.error.issues.map((issue) => `${jsonPath(issue.path)}: ${issue.message}`),
  };
}
