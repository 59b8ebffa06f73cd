// Everything a user (or a scenario's timeline) can ask the engine to do, as validated data.
// Action commands change the simulation and are recorded in the event log; control commands only
// drive the clock and are not.
import { z } from 'zod';
import { clientGroupSchema } from './sim/group';
import { durationValue } from './sim/distributions';
import { trackerPresetNames } from './tracker/presets';
import { trackerUserSchema } from './tracker/settings';

const client = z.string().min(1).max(64);

export const actionCommandSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('pauseClient'), client }).strict(),
  z.object({ type: z.literal('resumeClient'), client }).strict(),
  /** Vanishes without `stopped`: a ghost until the tracker's peer timeout. */
  z.object({ type: z.literal('crashClient'), client }).strict(),
  /** Starts a crashed or stopped client again; its session counters start from 0. */
  z.object({ type: z.literal('restartClient'), client }).strict(),
  /** Quits gracefully, sending `stopped`. */
  z.object({ type: z.literal('quitClient'), client }).strict(),
  /** Loses the network: announces time out, transfers stop. */
  z.object({ type: z.literal('disconnectClient'), client }).strict(),
  z.object({ type: z.literal('reconnectClient'), client }).strict(),
  /** The same client behind a new (loopback) address, same key. */
  z.object({ type: z.literal('changeClientIp'), client }).strict(),
  z.object({ type: z.literal('forceAnnounce'), client }).strict(),
  z.object({ type: z.literal('stopTracker') }).strict(),
  z.object({ type: z.literal('startTracker') }).strict(),
  z.object({ type: z.literal('restartTracker') }).strict(),
  /** A partial settings patch, validated against the full settings schema when applied. */
  z.object({ type: z.literal('setTrackerSettings'), settings: z.record(z.string(), z.unknown()) }).strict(),
  z.object({ type: z.literal('applyTrackerPreset'), preset: z.enum(trackerPresetNames) }).strict(),
  z.object({ type: z.literal('addClients'), group: clientGroupSchema }).strict(),
  z.object({ type: z.literal('addUser'), user: trackerUserSchema }).strict(),
]);

export type ActionCommand = z.output<typeof actionCommandSchema>;
export type ActionCommandInput = z.input<typeof actionCommandSchema>;
export type ActionCommandType = ActionCommand['type'];

export const controlCommandSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('play') }).strict(),
  z.object({ type: z.literal('pause') }).strict(),
  /** Advance to the next event and stop. */
  z.object({ type: z.literal('step') }).strict(),
  /** Virtual seconds per wall second; `max` runs as fast as possible. */
  z
    .object({
      type: z.literal('setSpeed'),
      speed: z.union([z.number().min(0.1).max(100_000), z.literal('max')]),
    })
    .strict(),
  z.object({ type: z.literal('seek'), to: durationValue }).strict(),
]);

export type ControlCommand = z.output<typeof controlCommandSchema>;
export type ControlCommandInput = z.input<typeof controlCommandSchema>;
/** Any command as written by a caller (durations as "10m" or seconds, sizes with units…). */
export type CommandInput = ActionCommandInput | ControlCommandInput;

export const commandSchema = z.union([actionCommandSchema, controlCommandSchema]);
export type Command = ActionCommand | ControlCommand;

export const actionCommandTypes = actionCommandSchema.options.map((o) => o.shape.type.value);
export const controlCommandTypes = controlCommandSchema.options.map((o) => o.shape.type.value);

/** One line per problem, naming the field; an unknown `type` is named as such. */
export function describeCommandError(
  input: unknown,
  issues: readonly { path: PropertyKey[]; message: string }[],
): string {
  const type =
    typeof input === 'object' && input !== null && 'type' in input
      ? (input as { type: unknown }).type
      : undefined;
  const known: readonly string[] = [...actionCommandTypes, ...controlCommandTypes];
  if (typeof type === 'string' && !known.includes(type)) return `unknown command type "${type}"`;
  return issues.map((i) => `${i.path.map(String).join('.') || 'command'}: ${i.message}`).join('; ');
}
