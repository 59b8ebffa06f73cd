import { describe, expect, it } from 'vitest';
import { LESSON_FORMAT, lessonScenario, parseLesson } from '../../shared/lessons/schema';

/** A valid lesson with one start step; `patch` overrides top-level fields. */
function lesson(patch: Record<string, unknown> = {}, steps: unknown[] = [startStep()]): unknown {
  return {
    format: LESSON_FORMAT,
    version: 1,
    name: 'tiny',
    title: 'Tiny',
    summary: 'A tiny lesson.',
    preset: 'anatomy-of-a-session',
    steps,
    ...patch,
  };
}

function startStep(patch: Record<string, unknown> = {}): Record<string, unknown> {
  return { id: 'hello', title: 'Hello', text: 'Press play.', trigger: { on: 'start' }, ...patch };
}

function errors(input: unknown): string[] {
  const parsed = parseLesson(input);
  return parsed.ok ? [] : parsed.errors;
}

describe('the lesson schema', () => {
  it('accepts a minimal lesson and fills the defaults', () => {
    const parsed = parseLesson(
      lesson({}, [
        startStep(),
        startStep({
          id: 'paused',
          trigger: { on: 'event', type: 'clientStateChanged', match: { state: 'paused' } },
        }),
      ]),
    );
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.lesson.steps[0]!.pause).toBe(false);
    expect(parsed.lesson.steps[1]!.trigger).toEqual({
      on: 'event',
      type: 'clientStateChanged',
      match: { state: 'paused' },
      nth: 1,
    });
  });

  it('reads time triggers as milliseconds, or as a duration', () => {
    const parsed = parseLesson(
      lesson({}, [
        startStep({ id: 'a', trigger: { on: 'time', at: 90_000 } }),
        startStep({ id: 'b', trigger: { on: 'time', at: '1h30m' } }),
        startStep({ id: 'c', trigger: { on: 'time', at: '900100ms' } }),
      ]),
    );
    expect(parsed.ok && parsed.lesson.steps.map((s) => s.trigger)).toEqual([
      { on: 'time', at: 90_000 },
      { on: 'time', at: 5_400_000 },
      { on: 'time', at: 900_100 },
    ]);
  });

  it('parsing a parsed lesson again gives the same lesson (the host sends it parsed)', () => {
    const first = parseLesson(lesson({}, [startStep({ trigger: { on: 'time', at: '15m' } })]));
    const second = first.ok ? parseLesson(first.lesson) : first;
    expect(second).toEqual(first);
  });

  it('names the JSON path of each problem', () => {
    expect(errors(lesson({ format: 'tracker-lab-scenario' }))).toEqual([
      'format: Invalid input: expected "tracker-lab-lesson"',
    ]);
    expect(errors(lesson({}, [startStep({ trigger: { on: 'event', type: 'clientPaused' } })]))[0]).toMatch(
      /^steps\[0\]\.trigger\.type: /,
    );
    expect(errors(lesson({}, [startStep({ trigger: { on: 'time', at: 'soon' } })]))).toEqual([
      'steps[0].trigger.at: not a time (ms, or e.g. "15m"): "soon"',
    ]);
  });

  it('rejects a match on a field the event type does not have', () => {
    const trigger = { on: 'event', type: 'clientStateChanged', match: { stat: 'paused' } };
    expect(errors(lesson({}, [startStep({ trigger })]))).toEqual([
      'steps[0].trigger.match.stat: clientStateChanged has no field "stat" to match (it has t, clientId, state, previous, cause)',
    ]);
  });

  it('rejects a prediction whose answer is not one of the choices', () => {
    const predict = { question: 'Which?', choices: ['a', 'b'], answer: 2, explain: 'Because.' };
    expect(errors(lesson({}, [startStep({ predict })]))).toEqual([
      'steps[0].predict.answer: must be the index of one of the choices',
    ]);
  });

  it('rejects duplicate step ids, an unknown focus tab and unknown keys', () => {
    expect(errors(lesson({}, [startStep(), startStep()]))).toEqual([
      'steps[1].id: duplicate step id "hello"',
    ]);
    expect(errors(lesson({}, [startStep({ focus: { tab: 'graph' } })]))[0]).toMatch(
      /^steps\[0\]\.focus\.tab: /,
    );
    expect(errors(lesson({ author: 'me' }))[0]).toMatch(/^\(root\): Unrecognized key: "author"/);
  });

  it('needs either a preset or an inline scenario, and checks the inline scenario like a scenario file', () => {
    expect(errors(lesson({ preset: undefined }))).toEqual([
      'preset: give either "preset" or "scenario", not both',
    ]);
    const scenario = { name: 'mine', torrents: [{ id: 'x', size: 'huge' }] };
    expect(errors(lesson({ preset: undefined, scenario }))).toEqual([
      'scenario.torrents[0].size: not a size (e.g. 76781572, "700MiB"): "huge"',
    ]);
    const ok = parseLesson(
      lesson({ preset: undefined, scenario: { name: 'mine', torrents: [{ id: 'x', size: 100 }] } }),
    );
    expect(ok.ok && lessonScenario(ok.lesson)).toEqual({
      scenario: { name: 'mine', torrents: [{ id: 'x', size: 100 }] },
    });
  });
});
