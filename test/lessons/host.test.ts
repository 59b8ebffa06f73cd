// The engine host serves the shipped lessons: the list for the panel, and each lesson validated.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { EngineHost } from '../../electron/engine/host';
import { LessonFileError, lessons, loadLesson } from '../../electron/lessons';
import { lessonSchema } from '../../shared/lessons/schema';

const wallClock = {
  now: () => 0,
  setTimeout: (fn: () => void) => setTimeout(fn, 0),
  clearTimeout: (h: unknown) => clearTimeout(h as NodeJS.Timeout),
};

let host: EngineHost;
beforeAll(async () => {
  host = await EngineHost.create({ wallClock, preset: 'crash-ghost' });
});
afterAll(async () => {
  await host.close();
});

it('listLessons answers name, title, preset and summary of each lesson, anatomy first', async () => {
  const view = host.connect({ send: () => {} });
  const reply = await view.request({ kind: 'listLessons' });
  expect(reply.ok).toBe(true);
  const list = (reply as { value: { name: string; preset: string | null }[] }).value;
  expect(list).toHaveLength(11);
  expect(list[0]).toEqual({
    name: 'anatomy-of-a-session',
    title: 'Anatomy of a torrent session',
    preset: 'anatomy-of-a-session',
    summary: lessons[0]!.summary,
  });
  expect(list.every((l) => Object.keys(l).join() === 'name,title,preset,summary')).toBe(true);
});

it('getLesson answers the validated lesson, and an error for an unknown name', async () => {
  const view = host.connect({ send: () => {} });
  const reply = await view.request({ kind: 'getLesson', name: 'pause-sends-nothing' });
  expect(reply.ok).toBe(true);
  const lesson = lessonSchema.parse((reply as { value: unknown }).value);
  expect(lesson.steps.find((s) => s.id === 'predict-timeout')!.trigger).toEqual({
    on: 'time',
    at: 2_400_000,
  });
  expect(await view.request({ kind: 'getLesson', name: 'no-such-lesson' })).toEqual({
    ok: false,
    error: 'no lesson named "no-such-lesson"',
  });
});

it('a lesson file with problems, or naming a preset that does not exist, is refused with its path', () => {
  const valid = lessons[1]!.lesson;
  expect(() => loadLesson('x.json', { ...valid, preset: 'no-such-preset' })).toThrow(
    new LessonFileError('x.json', ['preset: no preset named "no-such-preset"']),
  );
  expect(() => loadLesson('y.json', { ...valid, steps: [] })).toThrow(
    'lessons/y.json: steps: Too small: expected array to have >=1 items',
  );
});
