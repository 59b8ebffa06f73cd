// What the learner does in the Lessons panel, as plain functions of the app context: list, start,
// leave / return / end, answer a prediction, move between steps, play on.
import { lessonSchema, lessonScenario, parseLesson, type Lesson } from '../../../../shared/lessons/schema';
import { describeIssues } from '../../../../shared/tracker/settings';
import type { AppContext } from '../../store/context';
import { LessonFollower } from './follow';
import { lessonStoreFor, updateActive, viewedPosition, type LessonInfo } from './lessonStore';
import { readJsonFile } from '../../files/openJson';

const followers = new WeakMap<AppContext['store'], LessonFollower>();

function notice(ctx: AppContext, text: string): void {
  ctx.store.setState({ notice: { text, kind: 'error' } });
}

export async function loadLessonList(ctx: AppContext): Promise<void> {
  const lessons = lessonStoreFor(ctx.store);
  const reply = await ctx.bridge.request({ kind: 'listLessons' });
  if (reply.ok) lessons.setState({ list: reply.value as LessonInfo[], listError: null });
  else lessons.setState({ listError: reply.error });
}

/** Starts a lesson shipped with the app. */
export async function startLesson(ctx: AppContext, name: string): Promise<void> {
  const reply = await ctx.bridge.request({ kind: 'getLesson', name });
  if (!reply.ok) return notice(ctx, reply.error);
  const parsed = lessonSchema.safeParse(reply.value);
  if (!parsed.success) return notice(ctx, describeIssues(parsed.error, `lesson ${name}`));
  await beginLesson(ctx, parsed.data);
}

/** Starts a lesson from a file the teacher wrote (no code needed); problems name the JSON path. */
export async function openLessonFile(
  ctx: AppContext,
  file: { name: string; text(): Promise<string> },
): Promise<void> {
  const read = await readJsonFile(file);
  if (!read.ok) return notice(ctx, read.error);
  const parsed = parseLesson(read.value);
  if (!parsed.ok) return notice(ctx, `${file.name}: ${parsed.errors.join('; ')}`);
  await beginLesson(ctx, parsed.lesson);
}

async function beginLesson(ctx: AppContext, lesson: Lesson): Promise<void> {
  const lessons = lessonStoreFor(ctx.store);
  endLesson(ctx);
  lessons.setState({
    active: {
      lesson,
      loadedAfter: ctx.store.getState().session?.id ?? 0,
      sessionId: null,
      following: true,
      detached: false,
      triggered: [],
      viewing: null,
      answers: {},
      revealed: {},
    },
    focusTab: null,
  });
  followers.set(ctx.store, new LessonFollower(ctx, lessons));
  const source = lessonScenario(lesson);
  const load = await ctx.bridge.request(
    'preset' in source
      ? { kind: 'loadPreset', name: source.preset }
      : { kind: 'loadScenario', scenario: source.scenario },
  );
  if (!load.ok) {
    endLesson(ctx);
    notice(ctx, load.error);
  }
}

/** Loads the lesson's scenario again and starts over. */
export function restartLesson(ctx: AppContext, lesson: Lesson): Promise<void> {
  return beginLesson(ctx, lesson);
}

/** Stops narrating; the swarm stays as it is. */
export function endLesson(ctx: AppContext): void {
  followers.get(ctx.store)?.stop();
  followers.delete(ctx.store);
  lessonStoreFor(ctx.store).setState({ active: null, focusTab: null });
}

export function leaveLesson(ctx: AppContext): void {
  updateActive(lessonStoreFor(ctx.store), () => ({ following: false }));
}

export function returnToLesson(ctx: AppContext): void {
  followers.get(ctx.store)?.markAllHandled();
  updateActive(lessonStoreFor(ctx.store), () => ({ following: true, viewing: null }));
  followers.get(ctx.store)?.sync();
}

export function chooseAnswer(ctx: AppContext, stepId: string, choice: number): void {
  updateActive(lessonStoreFor(ctx.store), (a) =>
    a.revealed[stepId] ? {} : { answers: { ...a.answers, [stepId]: choice } },
  );
}

export function reveal(ctx: AppContext, stepId: string): void {
  updateActive(lessonStoreFor(ctx.store), (a) =>
    a.answers[stepId] === undefined ? {} : { revealed: { ...a.revealed, [stepId]: true } },
  );
}

/** Moves between the steps that have triggered (`by` −1 for Back, +1 for Next). */
export function moveStep(ctx: AppContext, by: number): void {
  updateActive(lessonStoreFor(ctx.store), (a) => {
    const last = a.triggered.length - 1;
    const to = Math.max(0, Math.min(last, viewedPosition(a) + by));
    return { viewing: to === last ? null : to };
  });
}

/** Plays on to the next step; an answered prediction is revealed first. */
export async function playOn(ctx: AppContext, stepId: string): Promise<void> {
  reveal(ctx, stepId);
  followers.get(ctx.store)?.arm();
  const reply = await ctx.bridge.request({ kind: 'command', command: { type: 'play' } });
  if (!reply.ok) notice(ctx, reply.error);
}
