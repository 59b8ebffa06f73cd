// The lesson being followed: step k of n, the step's narration and prediction, Back / Next between
// the steps reached so far, play on, and leaving (the swarm stays) or returning to the script.
import type { LessonTab } from '../../../../shared/lessons/schema';
import { useApp, useAppState } from '../../store/context';
import { endLesson, leaveLesson, moveStep, playOn, restartLesson, returnToLesson } from './actions';
import { viewedPosition, type ActiveLesson as Active } from './lessonStore';
import { Narration } from './Narration';
import { Prediction } from './Prediction';

const tabLabels: Record<LessonTab, string> = {
  truth: 'Tracker vs truth',
  requests: 'Requests',
  charts: 'Charts',
  sequence: 'Sequence',
};

function Progress({ k, n }: { k: number; n: number }) {
  return (
    <div className="lesson-progress">
      <span data-testid="lesson-progress">
        Step {k} of {n}
      </span>
      <progress max={n} value={k} aria-label={`Step ${k} of ${n}`} />
    </div>
  );
}

export function ActiveLesson({ active }: { active: Active }) {
  const ctx = useApp();
  const playing = useAppState((s) => s.status?.playing ?? false);
  const { lesson } = active;
  const header = (
    <header className="lesson-header">
      <h2 data-testid="lesson-title">{lesson.title}</h2>
      <button
        onClick={() => endLesson(ctx)}
        title="Back to the list of lessons; the swarm stays"
        data-testid="lesson-end"
      >
        All lessons
      </button>
    </header>
  );

  if (active.detached)
    return (
      <section className="lesson">
        {header}
        <p className="panel-empty">Another scenario was loaded, so this lesson cannot go on.</p>
        <button onClick={() => void restartLesson(ctx, lesson)} data-testid="lesson-restart">
          Restart the lesson
        </button>
      </section>
    );

  if (!active.following)
    return (
      <section className="lesson">
        {header}
        <p className="panel-empty" data-testid="lesson-left">
          You left the lesson at step {active.triggered.length} of {lesson.steps.length}. The swarm is yours:
          pause, crash or restart clients, change the tracker, seek. The lesson picks up from the log as it is
          when you return.
        </p>
        <button onClick={() => returnToLesson(ctx)} data-testid="lesson-return">
          Return to lesson
        </button>
      </section>
    );

  const position = viewedPosition(active);
  const reached = active.triggered[position];
  if (!reached)
    return (
      <section className="lesson">
        {header}
        <p className="panel-empty">Loading the lesson’s scenario…</p>
      </section>
    );
  const step = lesson.steps[reached.index]!;
  const atLatest = position === active.triggered.length - 1;
  const finished = active.triggered.length === lesson.steps.length;
  return (
    <section className="lesson" data-testid="lesson" data-step={step.id}>
      {header}
      <Progress k={reached.index + 1} n={lesson.steps.length} />
      <h3 data-testid="lesson-step-title">{step.title}</h3>
      <Narration text={step.text} />
      {step.focus?.tab && (
        <p className="lesson-focus">
          <span data-testid="lesson-focus">
            See the {tabLabels[step.focus.tab]} tab
            {step.focus.client !== undefined && ` (client “${step.focus.client}” is selected)`}.
          </span>{' '}
          <button
            onClick={() => ctx.store.setState({ tab: step.focus!.tab! })}
            title="Show that tab; the lesson goes on, and the bar above the tab brings you back"
            data-testid="lesson-show-tab"
          >
            Show it
          </button>
        </p>
      )}
      {step.predict && (
        <Prediction
          key={step.id}
          stepId={step.id}
          predict={step.predict}
          chosen={active.answers[step.id]}
          revealed={active.revealed[step.id] ?? false}
        />
      )}
      <nav className="lesson-nav">
        <button onClick={() => moveStep(ctx, -1)} disabled={position === 0} data-testid="lesson-back">
          ‹ Back
        </button>
        <button onClick={() => moveStep(ctx, 1)} disabled={atLatest} data-testid="lesson-next">
          Next ›
        </button>
        {atLatest && !finished && (
          <button
            className="primary"
            onClick={() => void playOn(ctx, step.id)}
            disabled={playing}
            data-testid="lesson-play"
            title="Play until the next step"
          >
            {playing ? 'Playing…' : '▶ Continue'}
          </button>
        )}
        {atLatest && finished && <span data-testid="lesson-finished">End of the lesson.</span>}
        <button
          onClick={() => leaveLesson(ctx)}
          title="Experiment freely; come back any time"
          data-testid="lesson-leave"
        >
          Leave lesson
        </button>
      </nav>
    </section>
  );
}
