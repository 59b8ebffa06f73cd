// The guided lessons shipped with the app (see docs/lessons.md). Each is a data file; this module
// only lists them.
export interface LessonEntry {
  name: string;
  title: string;
  preset: string;
  summary: string;
  lesson: unknown;
}

export const lessons: readonly LessonEntry[] = [];

export function findLesson(name: string): LessonEntry | undefined {
  return lessons.find((l) => l.name === name);
}
