import { expect, test } from 'vitest';
import type { TriggeredStep } from '../../../shared/lessons/progress';
import { LESSON_FORMAT, lessonSchema } from '../../../shared/lessons/schema';
import { nextPause, stillHandled } from '../../../renderer/src/views/lessons/pausePlan';

const steps = lessonSchema.parse({
  format: LESSON_FORMAT,
  version: 1,
  name: 'x',
  title: 'X',
  summary: 'X.',
  preset: 'crash-ghost',
  steps: [
    { id: 'a', title: 'A', text: 'A', trigger: { on: 'start' }, pause: true },
    { id: 'b', title: 'B', text: 'B', trigger: { on: 'time', at: 100 } },
    { id: 'c', title: 'C', text: 'C', trigger: { on: 'time', at: 200 }, pause: true },
    { id: 'd', title: 'D', text: 'D', trigger: { on: 'time', at: 300 }, pause: true },
  ],
}).steps;

const reached = (...ids: string[]): TriggeredStep[] =>
  ids.map((id) => {
    const index = steps.findIndex((s) => s.id === id);
    const t = [0, 100, 200, 300][index]!;
    return { index, id, t, seq: null, cursor: index };
  });

test('a running engine that reached a pause step is sent back to the step’s time', () => {
  expect(nextPause(steps, reached('a', 'b', 'c'), new Set(['a']), { playing: true })).toEqual({
    step: reached('a', 'b', 'c')[2],
    action: { kind: 'seek', to: 200 },
  });
});

test('only the first unhandled pause step is acted on', () => {
  expect(nextPause(steps, reached('a', 'b', 'c', 'd'), new Set(['a']), { playing: true })?.step.id).toBe('c');
});

test('a stopped engine is left where the learner put it, and steps without pause are ignored', () => {
  expect(nextPause(steps, reached('a', 'b', 'c'), new Set(['a']), { playing: false })).toEqual({
    step: reached('a', 'b', 'c')[2],
    action: null,
  });
  expect(nextPause(steps, reached('a', 'b'), new Set(['a']), { playing: true })).toBeNull();
});

test('a handled step the log no longer reaches (a seek back) may pause again', () => {
  expect([...stillHandled(new Set(['a', 'c']), reached('a', 'b'))]).toEqual(['a']);
});
