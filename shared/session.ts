// A saved session: everything that defines a run — the scenario, the seed and the commands issued,
// each at the exact point of the event log where it was applied — so reopening it replays the run
// event for event.
import { z } from 'zod';

export const SESSION_FORMAT = 'tracker-lab-session';

export const sessionFileSchema = z
  .object({
    format: z.literal(SESSION_FORMAT),
    version: z.literal(1),
    /** The scenario as written (its input form). */
    scenario: z.record(z.string(), z.unknown()),
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 31 - 1),
    commands: z.array(
      z
        .object({
          /** Virtual time (ms) the command was applied at. */
          at: z.number().int().min(0),
          /** The log length when it was applied: a replay applies it at the same point. */
          seq: z.number().int().min(0),
          command: z.unknown(),
        })
        .strict(),
    ),
  })
  .strict();

export type SessionFile = z.infer<typeof sessionFileSchema>;
