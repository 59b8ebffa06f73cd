// A run's course as a few sampled series (for comparing a fork with the run it left), taken from
// the same view model the UI uses.
import type { BranchSeries } from '../bridge';
import { countsSeries, totalsSeries } from './chartSeries';
import type { SwarmModel } from './model';

const MAX_POINTS = 1500;

export function branchSeries(model: SwarmModel, endMs: number, completions: readonly number[]): BranchSeries {
  return {
    endMs,
    counts: countsSeries(model.counts, MAX_POINTS),
    totals: totalsSeries(model.totals, MAX_POINTS),
    completions: [...completions],
    requestsPerMinute: [...model.requestsPerMinute].sort((a, b) => a[0] - b[0]),
  };
}

/** Times at which downloads completed, from the log. */
export function completionTimes(model: Pick<SwarmModel, 'events'>): number[] {
  return model.events.flatMap((e) =>
    e.type === 'clientStateChanged' && e.cause === 'download complete' ? [e.t] : [],
  );
}
