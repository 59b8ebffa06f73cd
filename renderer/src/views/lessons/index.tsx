// Guided lessons (lessons/*.json, format in docs/lessons.md): a list to start from, then the
// active lesson's narration, following the engine's event log. The renderer only matches events
// against the lesson's triggers (shared/lessons/progress); it computes no protocol logic.
import { ActiveLesson } from './ActiveLesson';
import { LessonList } from './LessonList';
import { useLessonState } from './useLessons';
import './lessons.css';

export function LessonsPanel() {
  const active = useLessonState((s) => s.active);
  return (
    <div className="lessons-panel" data-testid="lessons-panel">
      {active ? <ActiveLesson active={active} /> : <LessonList />}
    </div>
  );
}

export { useLessonMarkers, useLessonState } from './useLessons';
export { LessonCoach } from './LessonCoach';
export { lessonStoreFor } from './lessonStore';
