// A group of simulated clients that share a profile, a torrent and distributions.
import { z } from 'zod';
import { clientProfileNames } from './profiles';
import { durationDistribution, durationValue, rateDistribution } from './distributions';

export const arrivalSchema = z.discriminatedUnion('type', [
  /** Everyone at `at`, or one every `spacing` from `at`. */
  z
    .object({ type: z.literal('fixed'), at: durationValue.prefault(0), spacing: durationValue.prefault(0) })
    .strict(),
  /** A Poisson process: exponential gaps with mean `meanGap`, from `start`. */
  z.object({ type: z.literal('poisson'), meanGap: durationValue, start: durationValue.prefault(0) }).strict(),
  /** A flash crowd: everyone within `over` after `at`, uniformly. */
  z.object({ type: z.literal('flash-crowd'), at: durationValue, over: durationValue }).strict(),
]);
export type Arrival = z.output<typeof arrivalSchema>;

export const groupNameSchema = z
  .string()
  .regex(/^[a-z][a-z0-9-]{0,39}$/, 'lower-case letters, digits and -, starting with a letter (at most 40)');

export const clientGroupSchema = z
  .object({
    name: groupNameSchema,
    count: z.number().int().min(1).max(100_000).default(1),
    profile: z.enum(clientProfileNames).default('transmission-1.32'),
    /** The torrent's id; the scenario's first torrent when omitted. */
    torrent: z.string().optional(),
    /** Private trackers: the user (by name) whose passkey the clients announce with. */
    user: z.string().optional(),
    /** What the clients hold at start: everything, nothing, or a fraction of the pieces. */
    have: z.union([z.literal('all'), z.literal('none'), z.number().min(0).max(1)]).default('none'),
    arrival: arrivalSchema.default({ type: 'fixed', at: 0, spacing: 0 }),
    uploadCapacity: rateDistribution.prefault(1_048_576),
    downloadCapacity: rateDistribution.prefault(4_194_304),
    /** How long a client seeds after completing before it quits (sending `stopped`). */
    seedTime: z.union([z.literal('forever'), durationDistribution]).default('forever'),
    maxConnections: z.number().int().min(1).max(500).default(40),
    /** A fixed peer_id (20 printable characters) instead of a generated one; groups of one only. */
    peerId: z
      .string()
      .regex(/^[\x21-\x7e]{20}$/, '20 printable ASCII characters')
      .optional(),
    /** A fixed `key` instead of a generated one; groups of one only. */
    key: z
      .string()
      .regex(/^[A-Za-z0-9]{1,32}$/, 'letters and digits (at most 32)')
      .optional(),
  })
  .strict()
  .refine((g) => g.count === 1 || (g.peerId === undefined && g.key === undefined), {
    message: 'a fixed peerId or key needs a group of one (count 1)',
    path: ['peerId'],
  });

export type ClientGroupInput = z.input<typeof clientGroupSchema>;
export type ClientGroup = z.output<typeof clientGroupSchema>;

/** The clients' names: the group name alone for a group of one, else `name-1` … `name-N`. */
export function clientNames(group: { name: string; count: number }): string[] {
  return group.count === 1
    ? [group.name]
    : Array.from({ length: group.count }, (_, i) => `${group.name}-${i + 1}`);
}
