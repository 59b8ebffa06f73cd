// Small builders for experiment tests: a run's metrics straight from the engine, and tiny
// experiments that finish in well under a second per run.
import { Engine } from '../../electron/engine/engine';
import { loadExperiment } from '../../electron/experiments/load';
import { RunMetricsCollector, type RunMetrics } from '../../shared/experiments/metrics/collector';
import type { ExperimentInput } from '../../shared/experiments/schema';
import type { ScenarioInput } from '../../shared/sim/scenario';

export const MiB = 1024 * 1024;
export const KiB = 1024;

/** Runs a scenario to its end (seed as given) and returns the metrics of its event stream. */
export async function metricsOf(scenario: ScenarioInput, sampleEveryMs: number): Promise<RunMetrics> {
  const collector = new RunMetricsCollector({ sampleEveryMs });
  const engine = await Engine.create({
    scenario,
    retainEvents: false,
    snapshotEveryMs: Infinity,
    listeners: [collector.observe],
  });
  await engine.advanceTo(engine.endMs);
  await engine.close();
  return collector.finish(engine.endMs);
}

/** One seeder and `leechers` leechers on a 10 MiB torrent: runs take milliseconds. */
export function smallSwarm(leechers = 6): ScenarioInput {
  return {
    name: 'small',
    duration: '5m',
    tracker: { settings: { interval: 60, minInterval: 30 } },
    torrents: [{ id: 'f', size: '10MiB', pieceSize: '256KiB' }],
    groups: [
      { name: 'seed', have: 'all', uploadCapacity: '1MiB/s' },
      {
        name: 'peer',
        count: leechers,
        arrival: { type: 'fixed', at: '5s', spacing: '10s' },
        uploadCapacity: { uniform: ['128KiB/s', '512KiB/s'] },
        seedTime: '30s',
      },
    ],
  };
}

export function experiment(input: Partial<ExperimentInput> = {}) {
  return loadExperiment({
    name: 'tiny',
    base: smallSwarm(),
    seeds: 2,
    sampleEvery: '30s',
    vary: { selection: ['random', 'newest'], numwant: [2, 4] },
    ...input,
  });
}

/** A run's metrics with plain defaults (7 clients, 6 leechers, all finished) and the given changes. */
export function runMetrics(m: Partial<RunMetrics>): RunMetrics {
  return {
    duration: 300,
    clients: 7,
    events: 100,
    leechers: 6,
    departed: 0,
    finished: 6,
    completionTimes: [],
    completionMean: null,
    completionMedian: null,
    completionP90: null,
    finishedShare: 1,
    firstFinish: null,
    allFinished: null,
    seederUtilisation: 0.5,
    seedingUploaded: 0,
    samples: 5,
    components: 1,
    largestComponentShare: 1,
    cutOffLeecherShare: 0,
    neverConnected: 0,
    neverConnectedShare: 0,
    requests: 30,
    requestsPerMinute: 6,
    peakRequestsPerMinute: 9,
    trackerBytes: 3000,
    returnedPeers: 40,
    unreachablePeers: 0,
    staleShare: 0,
    accountingError: null,
    ...m,
  };
}
