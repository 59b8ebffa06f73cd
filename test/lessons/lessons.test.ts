// Every shipped lesson, run against its preset headless: the file is valid, names real clients,
// and every step triggers, in order, at exactly the moment its narration was written for. When a
// preset changes, this says which lesson's words no longer match the run.
import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lessonFiles, lessons } from '../../electron/lessons';
import { lessonProgress } from '../../shared/lessons/progress';
import { lessonSchema } from '../../shared/lessons/schema';
import { clientNames } from '../../shared/sim/group';
import { preset, run } from '../engine/helpers';

/** [step id, virtual ms it triggers at, seq of the triggering event (null: start or time)]. */
type Expected = [id: string, t: number, seq: number | null][];

const expected: Record<string, Expected> = {
  'anatomy-of-a-session': [
    ['welcome', 0, null],
    ['started', 60000, 15], // announceSent
    ['listed', 60050, 19], // peerAdded
    ['between-announces', 480000, null],
    ['first-periodic', 960150, 217], // creditApplied
    ['before-completion', 4980000, null],
    ['completed', 5049000, 1105], // announceSent
    ['seeding', 5049050, 1111], // snatchCounted
    ['seeder-announces', 5949100, 1125], // announceSent
    ['before-quit', 6600000, null],
    ['stopped', 6849000, 1142], // announceSent
    ['removed', 6849050, 1146], // peerRemoved
  ],
  'stats-at-announce': [
    ['intro', 0, null],
    ['started', 60000, 15], // announceSent
    ['stale', 900000, null],
    ['bob-credited', 1800150, 203], // creditApplied
    ['alice-credited', 1860150, 217], // creditApplied
    ['completed', 4160000, 470], // announceSent
    ['caught-up', 5960150, 492], // announceReceived
  ],
  'pause-sends-nothing': [
    ['intro', 0, null],
    ['silent-paused', 1200000, 153], // clientStateChanged
    ['bep21-paused', 1200050, 163], // peerChanged
    ['predict-timeout', 2400000, null],
    ['silent-expired', 2820000, 178], // peerRemoved
    ['bep21-still-listed', 3000100, 180], // announceSent
    ['predict-resume', 5100000, null],
    ['silent-rebaselined', 5400050, 221], // creditApplied
  ],
  'crash-ghost': [
    ['intro', 0, null],
    ['crashed', 1200000, 231], // clientStateChanged
    ['handed-out', 1260300, 255], // connectionsOpened
    ['predict-expiry', 2100000, null],
    ['reaped', 2460000, 447], // peerRemoved
  ],
  'lost-final-credit': [
    ['intro', 0, null],
    ['last-credit', 1860150, 231], // creditApplied
    ['tracker-down', 3000000, 356], // trackerAvailabilityChanged
    ['crashed', 3300000, 393], // clientStateChanged
    ['stopped-refused', 3300100, 396], // announceFailed
    ['tracker-up', 3600000, 397], // trackerAvailabilityChanged
    ['expired', 4620000, 409], // peerRemoved
  ],
  'counter-reset': [
    ['intro', 0, null],
    ['first-credit', 1860150, 217], // creditApplied
    ['restarted', 2460000, 280], // announceSent
    ['negative', 2460050, 284], // creditApplied
    ['fixed', 3600000, 403], // trackerSettingsChanged
    ['second-restart', 4860050, 497], // creditApplied
  ],
  'completed-vs-stopped': [
    ['intro', 0, null],
    ['bogus-completed', 120150, 49], // snatchCounted
    ['predict-completed', 300000, null],
    ['completed', 350000, 80], // announceSent
    ['restart-counted', 660150, 122], // snatchCounted
    ['predict-per-user', 1500000, null],
    ['stopped', 2150000, 190], // announceSent
    ['refused', 2460150, 237], // snatchRefused
  ],
  'min-interval-spam': [
    ['intro', 0, null],
    ['first-forced', 600000, 89], // announceSent
    ['ignored', 660050, 117], // announceAnswered
    ['patient-waits', 750000, null],
    ['counted-again', 900050, 177], // announceAnswered
    ['patient-announces', 900100, 180], // announceSent
  ],
  'ip-change-key': [
    ['intro', 0, null],
    ['moved', 900000, 144], // clientIdentityChanged
    ['keyed-recognised', 1260250, 159], // peerChanged
    ['keyless-duplicated', 1260250, 165], // peerAdded
    ['duplicate-expired', 2520000, 347], // peerRemoved
  ],
  'tracker-restart': [
    ['intro', 0, null],
    ['predict-restart', 2340000, null],
    ['restarted', 2400000, 331], // trackerRestarted
    ['retry-baseline', 2420050, 339], // creditApplied
    ['predict-seeder', 3300000, null],
    ['seeder-baseline', 3600250, 437], // creditApplied
  ],
  'small-swarm-selection': [
    ['intro', 0, null],
    ['first-answer', 30050, 19], // announceAnswered
    ['predict-choice', 150000, 73], // announceSent
    ['answered', 150050, 79], // announceAnswered
    ['first-finish', 1400050, 388], // snatchCounted
    ['low', 1800000, 490], // trackerSettingsChanged
    ['all-done', 1960050, 570], // snatchCounted
  ],
};

const folder = resolve(import.meta.dirname, '../../lessons');

describe('the lesson files', () => {
  it('every file in lessons/ is shipped, the anatomy lesson first, then one per pitfall', () => {
    const onDisk = readdirSync(folder).filter((f) => f.endsWith('.json'));
    expect(lessonFiles.map((f) => f.file).sort()).toEqual(onDisk.sort());
    expect(lessons.map((l) => l.name)).toEqual(Object.keys(expected));
    expect(lessons[0]!.name).toBe('anatomy-of-a-session');
  });

  it('each validates against the schema, is named after its file, and runs its own preset', () => {
    for (const { file, data } of lessonFiles) {
      const parsed = lessonSchema.safeParse(data);
      expect(parsed.success, file).toBe(true);
      expect(`${parsed.data!.name}.json`).toBe(file);
      expect(parsed.data!.preset).toBe(parsed.data!.name);
    }
  });

  it('the anatomy lesson says where seed 002 is wrong about completed and stopped', () => {
    const anatomy = lessons[0]!.lesson;
    const completed = anatomy.steps.find((s) => s.id === 'completed')!;
    expect(completed.text).toContain('Seed 002 is wrong here');
    const predict = anatomy.steps.find((s) => s.id === 'before-completion')!.predict!;
    expect(predict.choices[predict.answer]).toBe('An announce with event=completed, right away');
  });
});

describe.each(Object.entries(expected))('lesson %s', (name, steps) => {
  const entry = lessons.find((l) => l.name === name)!;

  it('names only clients its preset has', () => {
    const groups = preset(entry.preset!).groups ?? [];
    const clients = new Set(groups.flatMap((g) => clientNames({ name: g.name, count: g.count ?? 1 })));
    for (const step of entry.lesson.steps) {
      if (step.trigger.on === 'event' && step.trigger.client !== undefined)
        expect(clients, `${step.id} trigger`).toContain(step.trigger.client);
      if (step.focus?.client !== undefined) expect(clients, `${step.id} focus`).toContain(step.focus.client);
    }
  });

  it('every step triggers, in order, at the moment its narration describes', async () => {
    const r = await run(entry.preset!);
    const progress = lessonProgress(entry.lesson, r.events, r.engine.endMs);
    expect(progress.map((s) => [s.id, s.t, s.seq])).toEqual(steps);
    expect(progress.map((s) => s.id)).toEqual(entry.lesson.steps.map((s) => s.id));
    for (let i = 1; i < progress.length; i++) {
      expect(progress[i]!.t).toBeGreaterThanOrEqual(progress[i - 1]!.t);
      expect(progress[i]!.cursor).toBeGreaterThanOrEqual(progress[i - 1]!.cursor);
    }
    // The triggering events are of the type each step waits for.
    for (const s of progress) {
      const trigger = entry.lesson.steps[s.index]!.trigger;
      if (trigger.on === 'event') expect(r.events[s.seq!]!.type).toBe(trigger.type);
    }
  });
});

describe('docs/lessons.md', () => {
  it('its complete example is a valid lesson whose steps all trigger in its preset', async () => {
    const doc = readFileSync(resolve(import.meta.dirname, '../../docs/lessons.md'), 'utf8');
    const block = /## A complete example\s+```json\n([\s\S]*?)\n```/.exec(doc)![1]!;
    const example = lessonSchema.parse(JSON.parse(block));
    const r = await run(example.preset!);
    expect(lessonProgress(example, r.events, r.engine.endMs).map((s) => [s.id, s.t])).toEqual([
      ['intro', 0],
      ['crashed', 1_200_000],
      ['reaped', 2_460_000],
    ]);
  });
});
