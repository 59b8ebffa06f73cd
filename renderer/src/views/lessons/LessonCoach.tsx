// While a lesson is followed and another tab is shown: one line with the step being narrated and a
// way back to it, so a step that says "look at the Requests tab" never loses the learner.
import { viewedPosition } from './lessonStore';
import { useLessonState } from './useLessons';

export function LessonCoach({ onOpen }: { onOpen: () => void }) {
  const active = useLessonState((s) => s.active);
  if (!active || !active.following || active.detached) return null;
  const reached = active.triggered[viewedPosition(active)];
  const step = reached ? active.lesson.steps[reached.index] : undefined;
  return (
    <div className="lesson-coach" role="status" data-testid="lesson-coach">
      <span>
        ★ {active.lesson.title}
        {step && reached && (
          <>
            {' '}
            — step {reached.index + 1} of {active.lesson.steps.length}: <strong>{step.title}</strong>
          </>
        )}
      </span>
      <button onClick={onOpen} data-testid="lesson-coach-open">
        Back to the lesson
      </button>
    </div>
  );
}
