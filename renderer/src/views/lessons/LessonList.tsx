// The lessons to choose from: the seed's session first, then one per pitfall.
import { useEffect } from 'react';
import { useApp } from '../../store/context';
import { loadLessonList, openLessonFile, startLesson } from './actions';
import { useLessonState } from './useLessons';

export function LessonList() {
  const ctx = useApp();
  const list = useLessonState((s) => s.list);
  const error = useLessonState((s) => s.listError);
  useEffect(() => {
    if (list === null) void loadLessonList(ctx);
  }, [ctx, list]);

  const openFile = (
    <label className="lesson-open" title="A lesson file you wrote (format: docs/lessons.md)">
      Open lesson file…{' '}
      <input
        type="file"
        accept=".json,application/json"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void openLessonFile(ctx, file);
        }}
        data-testid="lesson-open"
      />
    </label>
  );
  if (error)
    return (
      <>
        <p className="panel-empty">Lessons are not available: {error}</p>
        {openFile}
      </>
    );
  if (list === null) return <p className="panel-empty">Loading lessons…</p>;
  return (
    <>
      {openFile}
      <ol className="lesson-list" data-testid="lesson-list">
        {list.map((l) => (
          <li key={l.name}>
            <div>
              <strong>{l.title}</strong>
              <p>{l.summary}</p>
            </div>
            <button onClick={() => void startLesson(ctx, l.name)} data-testid={`lesson-start-${l.name}`}>
              Start
            </button>
          </li>
        ))}
      </ol>
    </>
  );
}
