// What the lesson asks of the engine when steps trigger: a step with `pause` stops the clock at
// the moment it triggered. Playback runs ahead in frames, so a running engine is usually past the
// trigger by the time the renderer sees it: it is sent back to the trigger's time with a seek, which
// also pauses it; the log up to that moment is the same, so the step stays reached.
import type { LessonStep } from '../../../../shared/lessons/schema';
import type { TriggeredStep } from '../../../../shared/lessons/progress';

export type PauseAction = { kind: 'seek'; to: number } | null;

export interface EngineClock {
  /** The engine is running, or was set running since the last pause. */
  playing: boolean;
}

/**
 * The first triggered pause step not yet handled, and what to do for it. `handled` holds the ids
 * of pause steps already acted on (one at a time: a seek back un-triggers the later ones anyway).
 */
export function nextPause(
  steps: readonly LessonStep[],
  triggered: readonly TriggeredStep[],
  handled: ReadonlySet<string>,
  clock: EngineClock,
): { step: TriggeredStep; action: PauseAction } | null {
  const step = triggered.find((s) => steps[s.index]!.pause && !handled.has(s.id));
  if (!step) return null;
  // Not playing: the learner stepped or sought past it on purpose; do not fight that.
  return { step, action: clock.playing ? { kind: 'seek', to: step.t } : null };
}

/** Handled pause steps that are still triggered: a step the log no longer reaches may pause again. */
export function stillHandled(handled: ReadonlySet<string>, triggered: readonly TriggeredStep[]): Set<string> {
  return new Set(triggered.filter((s) => handled.has(s.id)).map((s) => s.id));
}
