// The sweep's progress as one terminal line: runs and points done, elapsed and estimated time left.
import { formatDuration } from '../../shared/units';
import type { SweepProgress } from './runner';

export function progressLine(p: SweepProgress): string {
  const left =
    p.remainingMs === null
      ? 'estimating…'
      : `~${formatDuration(Math.round(p.remainingMs / 1000) * 1000)} left`;
  const pct = p.runsTotal === 0 ? 100 : Math.floor((p.runsDone / p.runsTotal) * 100);
  return (
    `${String(pct).padStart(3)}%  points ${p.pointsDone}/${p.pointsTotal}  runs ${p.runsDone}/${p.runsTotal}  ` +
    `${formatDuration(Math.round(p.elapsedMs / 1000) * 1000)} elapsed, ${left}`
  );
}
