import { describe, expect, it } from 'vitest';
import { ExperimentError, loadExperiment } from '../../electron/experiments/load';
import { pointScenario, scaleCounts } from '../../shared/experiments/points';
import { smallSwarm } from './helpers';

function problems(input: unknown): string[] {
  try {
    loadExperiment(input);
  } catch (err) {
    if (err instanceof ExperimentError) return err.problems;
    throw err;
  }
  throw new Error('expected the experiment to be refused');
}

const valid = { name: 'x', base: 'flash-crowd', seeds: 3 };

describe('the experiment file', () => {
  it('a malformed file gets an error naming the field', () => {
    expect(problems({ ...valid, seeds: 0 })).toEqual([expect.stringMatching(/^seeds: /)]);
    expect(problems({ ...valid, vary: { selection: ['random', 'fastest'] } })).toEqual([
      expect.stringMatching(/^vary\.selection\[1\]: Invalid option/),
    ]);
    expect(problems({ ...valid, vary: { numwant: [50, -1] } })).toEqual([
      expect.stringMatching(/^vary\.numwant\[1\]: Too small/),
    ]);
    expect(problems({ ...valid, vary: { interval: ['15m', '10 minutes'] } })).toEqual([
      expect.stringMatching(/^vary\.interval\[1\]: not a duration/),
    ]);
    expect(problems({ ...valid, vary: { fanout: [1] } })).toEqual([
      expect.stringMatching(/^vary: Unrecognized key: "fanout"/),
    ]);
    expect(problems({ ...valid, points: [{ selection: 'newest' }, { numwant: 2.5 }] })).toEqual([
      expect.stringMatching(/^points\[1\]\.numwant: /),
    ]);
    expect(problems({ ...valid, seeds: [1, 2, 1] })).toEqual(['seeds[2]: seed 1 twice']);
    expect(problems({ base: 'flash-crowd', seeds: 1 })).toEqual([expect.stringMatching(/^name: /)]);
  });

  it('the base: an unknown preset, or an inline scenario checked with the scenario rules', () => {
    expect(problems({ ...valid, base: 'no-such-preset' })).toEqual([
      'base: no preset named "no-such-preset"',
    ]);
    const bad = smallSwarm();
    bad.groups![1] = { ...bad.groups![1]!, count: 0 };
    expect(problems({ ...valid, base: bad })).toEqual([
      expect.stringMatching(/^base\.groups\[1\]\.count: Too small/),
    ]);
  });

  it('a point whose scenario cannot be built names the point and the scenario field', () => {
    expect(problems({ ...valid, vary: { selection: ['random'] }, points: [{}] })).toEqual([
      'points: give either vary or points, not both',
    ]);
    // numwantDefault above numwantMax after the patch.
    expect(problems({ ...valid, points: [{}, { settings: { numwantMax: 10 } }] })).toEqual([
      'points[1]: tracker.settings.numwantDefault: numwantDefault must not exceed numwantMax',
    ]);
    // A timeline names peer-3, which a swarm of 3 (1 seeder + 2 peers) no longer has.
    const base = { ...smallSwarm(), timeline: [{ at: 60, type: 'crashClient', client: 'peer-3' }] };
    expect(problems({ ...valid, base, vary: { swarmSize: [7, 3] } })).toEqual([
      'vary (point 1: swarmSize=3): timeline[0].client: no client named "peer-3"',
    ]);
    expect(problems({ ...valid, base, vary: { swarmSize: [1] } })).toEqual([
      'vary (point 0: swarmSize=1): swarmSize 1 is less than one client per group (2)',
    ]);
  });

  it('vary is the cartesian product, the first setting changing slowest; seeds are 1…N', () => {
    const e = loadExperiment({ ...valid, vary: { swarmSize: [30, 1000], selection: ['random', 'newest'] } });
    expect(e.varied).toEqual(['selection', 'swarmSize']);
    expect(e.points.map((p) => p.label)).toEqual([
      'selection=random swarmSize=30',
      'selection=random swarmSize=1000',
      'selection=newest swarmSize=30',
      'selection=newest swarmSize=1000',
    ]);
    expect(e.seeds).toEqual([1, 2, 3]);
    expect(e.durationMs).toBe(3_600_000); // flash-crowd's own duration
    expect(e.sampleEveryMs).toBe(60_000);
    expect(loadExperiment({ ...valid, seeds: [7, 3], duration: '20m' })).toMatchObject({
      seeds: [7, 3],
      durationMs: 1_200_000,
      points: [{ index: 0, label: 'base', params: {} }],
    });
  });

  it('durations are accepted as seconds or strings and labelled as durations', () => {
    const e = loadExperiment({ ...valid, vary: { interval: [300, '30m'] } });
    expect(e.points.map((p) => p.params)).toEqual([{ interval: 300 }, { interval: 1800 }]);
    expect(e.points.map((p) => p.label)).toEqual(['interval=5m00s', 'interval=30m00s']);
  });
});

describe('a point’s scenario', () => {
  it('tracker settings stack: preset, the base’s settings, the settings patch, then the named settings', () => {
    const base = {
      ...smallSwarm(),
      tracker: { preset: 'ocelot' as const, settings: { interval: 60, numwantMax: 80 } },
    };
    const s = pointScenario(
      base,
      { preset: 'xbt', settings: { interval: 90, seedersToSeeders: true }, numwant: 5, minInterval: 0 },
      600_000,
    );
    expect(s.duration).toBe(600);
    expect(s.tracker).toEqual({
      preset: 'xbt',
      settings: { interval: 90, numwantMax: 5, numwantDefault: 5, seedersToSeeders: true, minInterval: 0 },
      users: undefined,
    });
    expect(base.tracker.settings).toEqual({ interval: 60, numwantMax: 80 }); // the base is not touched
  });

  it('swarmSize scales every group in proportion, at least one each; arrival replaces the leechers’ only', () => {
    const base = {
      ...smallSwarm(),
      groups: [
        { name: 'seed', count: 1, have: 'all' as const },
        { name: 'peer', count: 29 },
      ],
    };
    const s = pointScenario(
      base,
      { swarmSize: 1000, arrival: { type: 'poisson', meanGap: 60_000, start: 0 } },
      60_000,
    );
    expect(s.groups!.map((g) => g.count)).toEqual([33, 967]);
    expect(s.groups![0]!.arrival).toBeUndefined();
    expect(s.groups![1]!.arrival).toEqual({ type: 'poisson', meanGap: 60_000, start: 0 });
  });

  it('scaling: floors, largest remainders to the rest, at least one per group', () => {
    expect(scaleCounts([1, 29], 30)).toEqual([1, 29]);
    expect(scaleCounts([1, 29], 1000)).toEqual([33, 967]); // 33.3 and 966.7: the remainder goes to 967
    expect(scaleCounts([1, 200], 30)).toEqual([1, 29]); // 0.15 → 1 (at least one), 29.85 → 29
    expect(scaleCounts([3, 3, 3], 10)).toEqual([4, 3, 3]); // equal remainders: the first group
    expect(scaleCounts([5, 5], 1)).toBeNull();
  });
});
