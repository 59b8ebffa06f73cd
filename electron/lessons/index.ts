// The guided lessons shipped with the app: data files in lessons/ (format: docs/lessons.md),
// imported statically so the main-process bundle and tsx both carry them, and validated on load —
// a broken file fails at start with its JSON path, never midway through a lesson.
import { parseLesson, type Lesson } from '../../shared/lessons/schema';
import { findPreset } from '../sim/presets';
import anatomyOfASession from '../../lessons/anatomy-of-a-session.json' with { type: 'json' };
import statsAtAnnounce from '../../lessons/stats-at-announce.json' with { type: 'json' };
import pauseSendsNothing from '../../lessons/pause-sends-nothing.json' with { type: 'json' };
import crashGhost from '../../lessons/crash-ghost.json' with { type: 'json' };
import lostFinalCredit from '../../lessons/lost-final-credit.json' with { type: 'json' };
import counterReset from '../../lessons/counter-reset.json' with { type: 'json' };
import completedVsStopped from '../../lessons/completed-vs-stopped.json' with { type: 'json' };
import minIntervalSpam from '../../lessons/min-interval-spam.json' with { type: 'json' };
import ipChangeKey from '../../lessons/ip-change-key.json' with { type: 'json' };
import trackerRestart from '../../lessons/tracker-restart.json' with { type: 'json' };
import smallSwarmSelection from '../../lessons/small-swarm-selection.json' with { type: 'json' };

/** The files in the order the lessons list shows them: the seed's session first, then pitfalls 1–10. */
export const lessonFiles: readonly { file: string; data: unknown }[] = [
  { file: 'anatomy-of-a-session.json', data: anatomyOfASession },
  { file: 'stats-at-announce.json', data: statsAtAnnounce },
  { file: 'pause-sends-nothing.json', data: pauseSendsNothing },
  { file: 'crash-ghost.json', data: crashGhost },
  { file: 'lost-final-credit.json', data: lostFinalCredit },
  { file: 'counter-reset.json', data: counterReset },
  { file: 'completed-vs-stopped.json', data: completedVsStopped },
  { file: 'min-interval-spam.json', data: minIntervalSpam },
  { file: 'ip-change-key.json', data: ipChangeKey },
  { file: 'tracker-restart.json', data: trackerRestart },
  { file: 'small-swarm-selection.json', data: smallSwarmSelection },
];

export interface LessonEntry {
  name: string;
  title: string;
  /** The preset it runs, or null for a lesson with its own inline scenario. */
  preset: string | null;
  summary: string;
  lesson: Lesson;
}

export class LessonFileError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`lessons/${file}: ${problems.join('; ')}`);
  }
}

/** Validates one lesson file: the schema, then that its preset exists. */
export function loadLesson(file: string, data: unknown): LessonEntry {
  const parsed = parseLesson(data);
  if (!parsed.ok) throw new LessonFileError(file, parsed.errors);
  const { lesson } = parsed;
  if (lesson.preset !== undefined && !findPreset(lesson.preset))
    throw new LessonFileError(file, [`preset: no preset named "${lesson.preset}"`]);
  return {
    name: lesson.name,
    title: lesson.title,
    preset: lesson.preset ?? null,
    summary: lesson.summary,
    lesson,
  };
}

export const lessons: readonly LessonEntry[] = lessonFiles.map(({ file, data }) => loadLesson(file, data));

export function findLesson(name: string): LessonEntry | undefined {
  return lessons.find((l) => l.name === name);
}
