// @vitest-environment jsdom
// The Lessons panel against a scripted bridge: start a lesson, follow its steps as the engine's
// events arrive, pause (seek back) at pause steps, predict and reveal, Back / Next, leave and return.
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { createElement } from 'react';
import { afterEach, expect, test } from 'vitest';
import type { EngineBridge, EngineReply, EngineRequest, SessionInfo } from '../../../shared/bridge';
import type { LoggedEvent, SimEvent } from '../../../shared/events';
import { LESSON_FORMAT } from '../../../shared/lessons/schema';
import { defaultTrackerSettings } from '../../../shared/tracker/settings';
import { AppContextValue } from '../../../renderer/src/store/context';
import { createAppStore, receive, type AppStore } from '../../../renderer/src/store/store';
import { LessonsPanel } from '../../../renderer/src/views/lessons';

afterEach(cleanup);

const lesson = {
  format: LESSON_FORMAT,
  version: 1,
  name: 'tiny',
  title: 'A tiny lesson',
  summary: 'alice pauses and resumes.',
  preset: 'pause-sends-nothing',
  steps: [
    { id: 'intro', title: 'Welcome', text: 'Press **play**.', trigger: { on: 'start' }, pause: true },
    {
      id: 'paused',
      title: 'alice pauses',
      text: 'alice sends `nothing`.',
      trigger: { on: 'event', type: 'clientStateChanged', client: 'alice', match: { state: 'paused' } },
      pause: true,
      focus: { client: 'alice', tab: 'truth' },
      predict: {
        question: 'What is sent?',
        choices: ['stopped', 'nothing'],
        answer: 1,
        explain: 'Pause is local.',
      },
    },
    {
      id: 'resumed',
      title: 'alice resumes',
      text: 'Back to work.',
      trigger: { on: 'event', type: 'clientStateChanged', client: 'alice', match: { state: 'leeching' } },
    },
  ],
};

/** Seeks wait for `finishSeek()`: the host cuts the log back before it answers a seek. */
let finishSeek: () => void = () => {};

/** A bridge that answers the lesson requests and records every request. */
function scriptedBridge(requests: EngineRequest[]): EngineBridge {
  const reply = (request: EngineRequest): EngineReply => {
    switch (request.kind) {
      case 'listLessons':
        return {
          ok: true,
          value: [{ name: 'tiny', title: lesson.title, preset: lesson.preset, summary: lesson.summary }],
        };
      case 'getLesson':
        return request.name === 'tiny' ? { ok: true, value: lesson } : { ok: false, error: 'no lesson' };
      default:
        return { ok: true, value: null };
    }
  };
  return {
    request: async (request) => {
      requests.push(request);
      const command = request.kind === 'command' ? (request.command as { type: string }) : null;
      if (command?.type === 'seek') await new Promise<void>((done) => (finishSeek = done));
      return reply(request);
    },
    subscribe: () => () => {},
  };
}

function session(id: number): SessionInfo {
  return {
    id,
    scenario: { name: 'pause-sends-nothing', torrents: [{ id: 'movie', size: 100 }] },
    seed: 1,
    endMs: 7_200_000,
    transport: 'inproc',
    trackerSettings: defaultTrackerSettings,
    presets: [],
  };
}

let seq = 0;
function events(...list: SimEvent[]): LoggedEvent[] {
  return list.map((e) => ({ ...e, seq: seq++ }));
}

const created: SimEvent = {
  type: 'clientCreated',
  t: 0,
  clientId: 7,
  name: 'alice',
  group: 'alice',
  profile: 'utorrent-1.8',
  infoHash: 'aa'.repeat(20),
  ip: '127.11.0.2',
  port: 6881,
  peerId: 'bb'.repeat(20),
  key: null,
  user: null,
  uploadCapacity: 1,
  downloadCapacity: 1,
  maxConnections: 4,
  size: 100,
  left: 100,
};

function state(t: number, to: 'paused' | 'leeching'): SimEvent {
  return { type: 'clientStateChanged', t, clientId: 7, state: to, previous: 'idle', cause: to };
}

function engine(store: AppStore, message: Parameters<typeof receive>[1]): void {
  act(() => receive(store, message, 0));
}

const status = (now: number, playing: boolean) =>
  ({ kind: 'status', status: { now, endMs: 7_200_000, playing, speed: 60, events: seq } }) as const;

const text = (id: string) => screen.getByTestId(id).textContent;

test('a learner starts a lesson, is paused at a step, predicts, moves back and forth, leaves and returns', async () => {
  seq = 0;
  const requests: EngineRequest[] = [];
  const store = createAppStore();
  render(
    createElement(
      AppContextValue.Provider,
      { value: { store, bridge: scriptedBridge(requests) } },
      createElement(LessonsPanel),
    ),
  );

  // The list, then starting: the lesson, then its preset.
  fireEvent.click(await screen.findByTestId('lesson-start-tiny'));
  await screen.findByTestId('lesson-title');
  expect(requests.map((r) => r.kind)).toEqual(['listLessons', 'getLesson', 'loadPreset']);
  expect(requests[2]).toEqual({ kind: 'loadPreset', name: 'pause-sends-nothing' });

  // The engine's new session arrives: step 1, the start.
  engine(store, { kind: 'session', session: session(1) });
  engine(store, { kind: 'events', events: events(created, state(10, 'leeching')) });
  engine(store, status(10, false));
  expect(text('lesson-progress')).toBe('Step 1 of 3');
  expect(text('lesson-step-title')).toBe('Welcome');
  expect(screen.getByTestId('lesson-narration').innerHTML).toBe('<p>Press <strong>play</strong>.</p>');

  // Playing on: the engine runs past the pause step — here, at full speed, to the end of the run
  // before the next status — so the panel seeks back to the step's moment.
  fireEvent.click(screen.getByTestId('lesson-play'));
  await act(async () => {});
  expect(requests.at(-1)).toEqual({ kind: 'command', command: { type: 'play' } });
  engine(store, { kind: 'events', events: events(state(1_000, 'paused')) });
  engine(store, status(7_200_000, false));
  await act(async () => {});
  expect(requests.at(-1)).toEqual({ kind: 'command', command: { type: 'seek', to: '1000ms' } });
  expect(requests.filter((r) => r.kind === 'command')).toHaveLength(2);
  expect(text('lesson-progress')).toBe('Step 2 of 3');
  // The seek cuts the log back to a snapshot, answers, and replays up to the step: the step stays shown.
  engine(store, { kind: 'truncated', length: 2 });
  await act(async () => finishSeek());
  engine(store, status(0, false));
  expect(text('lesson-progress')).toBe('Step 2 of 3');
  seq = 2;
  engine(store, { kind: 'events', events: events(state(1_000, 'paused')) });
  engine(store, status(1_000, false));
  expect(text('lesson-progress')).toBe('Step 2 of 3');
  expect(requests.filter((r) => r.kind === 'command')).toHaveLength(2);
  expect(text('lesson-focus')).toBe('See the Tracker vs truth tab (client “alice” is selected).');
  expect(store.getState().selectedClient).toBe(7);

  // A wrong prediction, revealed.
  fireEvent.click(screen.getByTestId('lesson-choice-0'));
  fireEvent.click(screen.getByTestId('lesson-reveal'));
  expect(text('lesson-verdict')).toBe('✗ Not quite: the answer is “nothing”.Pause is local.');

  // Back and Next between the steps reached so far.
  fireEvent.click(screen.getByTestId('lesson-back'));
  expect(text('lesson-progress')).toBe('Step 1 of 3');
  expect(screen.queryByTestId('lesson-play')).toBeNull();
  fireEvent.click(screen.getByTestId('lesson-next'));
  expect(text('lesson-progress')).toBe('Step 2 of 3');
  expect((screen.getByTestId('lesson-next') as HTMLButtonElement).disabled).toBe(true);

  // Leaving: the swarm stays, nothing is narrated; events go on.
  fireEvent.click(screen.getByTestId('lesson-leave'));
  expect(text('lesson-left')).toContain('You left the lesson at step 2 of 3');
  engine(store, status(1_000, false));
  engine(store, { kind: 'events', events: events(state(2_000, 'leeching')) });
  engine(store, status(2_000, false));
  expect(screen.queryByTestId('lesson-progress')).toBeNull();

  // Returning: the lesson picks up from the log as it is.
  fireEvent.click(screen.getByTestId('lesson-return'));
  expect(text('lesson-progress')).toBe('Step 3 of 3');
  expect(text('lesson-finished')).toBe('End of the lesson.');
  expect(requests.filter((r) => r.kind === 'command')).toHaveLength(2);

  // All lessons: back to the list, the swarm untouched.
  fireEvent.click(screen.getByTestId('lesson-end'));
  expect(await screen.findByTestId('lesson-list')).toBeTruthy();
  expect(requests.filter((r) => r.kind === 'loadPreset')).toHaveLength(1);
});

test('a new scenario loaded by someone else ends the lesson’s narration with a way to restart it', async () => {
  seq = 0;
  const requests: EngineRequest[] = [];
  const store = createAppStore();
  engine(store, { kind: 'session', session: session(4) });
  render(
    createElement(
      AppContextValue.Provider,
      { value: { store, bridge: scriptedBridge(requests) } },
      createElement(LessonsPanel),
    ),
  );
  fireEvent.click(await screen.findByTestId('lesson-start-tiny'));
  await screen.findByTestId('lesson-title');
  // Still the old session: nothing is shown as reached.
  expect(screen.queryByTestId('lesson-progress')).toBeNull();
  engine(store, { kind: 'session', session: session(5) });
  engine(store, status(0, false));
  expect(text('lesson-progress')).toBe('Step 1 of 3');
  engine(store, { kind: 'session', session: session(6) });
  expect(screen.getByTestId('lesson-restart')).toBeTruthy();
  fireEvent.click(screen.getByTestId('lesson-restart'));
  await act(async () => {});
  expect(requests.filter((r) => r.kind === 'loadPreset')).toHaveLength(2);
});

test('a teacher’s own lesson file opens from the panel; a broken one is refused by JSON path', async () => {
  const requests: EngineRequest[] = [];
  const store = createAppStore();
  render(
    createElement(
      AppContextValue.Provider,
      { value: { store, bridge: scriptedBridge(requests) } },
      createElement(LessonsPanel),
    ),
  );
  const input = await screen.findByTestId('lesson-open');
  const broken = { ...lesson, steps: [{ ...lesson.steps[0], trigger: { on: 'time', at: 'later' } }] };
  const file = (name: string, data: unknown) =>
    new File([JSON.stringify(data)], name, { type: 'application/json' });
  await act(async () => fireEvent.change(input, { target: { files: [file('broken.json', broken)] } }));
  await waitFor(() =>
    expect(store.getState().notice).toEqual({
      text: 'broken.json: steps[0].trigger.at: not a time (ms, or e.g. "15m"): "later"',
      kind: 'error',
    }),
  );
  await act(async () => fireEvent.change(input, { target: { files: [file('mine.json', lesson)] } }));
  await screen.findByTestId('lesson-title');
  expect(requests.map((r) => r.kind)).toEqual(['listLessons', 'loadPreset']);
});
