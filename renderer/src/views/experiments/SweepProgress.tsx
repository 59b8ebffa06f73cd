// Where the sweep stands: a bar over the runs, points done, and the wall time left (estimated by
// the runner from the work done so far).
import type { ExperimentProgress } from '../../../../shared/experiments/progress';
import { percentDone } from '../../../../shared/experiments/progress';
import { formatDuration } from '../../../../shared/units';

const stateWords: Record<ExperimentProgress['state'], string> = {
  running: 'running',
  done: 'done',
  cancelled: 'cancelled',
  failed: 'failed',
};

function timeLeft(p: ExperimentProgress): string {
  if (p.state !== 'running') return `took ${formatDuration(Math.round(p.elapsedMs / 1000) * 1000)}`;
  if (p.etaMs === null) return 'estimating time left…';
  return `~${formatDuration(Math.round(p.etaMs / 1000) * 1000)} left`;
}

export function SweepProgress({ progress }: { progress: ExperimentProgress }) {
  const pct = percentDone(progress.done, progress.total);
  return (
    <div className={`sweep-progress ${progress.state}`} data-testid="experiment-progress">
      <progress max={progress.total} value={progress.done} aria-label="Runs done" />
      <span data-testid="experiment-progress-text">
        {pct}% · runs {progress.done}/{progress.total} · points {progress.pointsDone}/{progress.pointsTotal} ·{' '}
        {timeLeft(progress)} · <strong data-testid="experiment-state">{stateWords[progress.state]}</strong>
      </span>
      {progress.error && (
        <pre className="sweep-error" role="alert">
          {progress.error}
        </pre>
      )}
    </div>
  );
}
