// The app's sweep form: values typed as comma-separated text become an experiment file's `vary`,
// problems are named by field, and the shipped example loads into the form (and back) unchanged.
import { describe, expect, it } from 'vitest';
import example from '../../experiments/selection-small-vs-large.json';
import { loadExperiment } from '../../electron/experiments/load';
import {
  arrivalText,
  emptyForm,
  experimentToForm,
  formToExperiment,
  parseArrival,
  smallerExample,
  sweepSize,
  type SweepForm,
} from '../../shared/experiments/form';

function form(vary: Partial<SweepForm['vary']>, rest: Partial<SweepForm> = {}): SweepForm {
  const f = emptyForm('flash-crowd');
  return { ...f, ...rest, vary: { ...f.vary, ...vary } };
}

describe('the sweep form', () => {
  it('turns each setting’s values into the experiment’s vary, in the file’s own forms', () => {
    const parsed = formToExperiment(
      form(
        {
          selection: 'random, speed-high',
          numwant: '10,50',
          interval: '300, 30m',
          minInterval: '60',
          peerTimeout: '15m',
          seedersToSeeders: 'true, false',
          preset: 'opentracker',
          swarmSize: '30, 1000',
          arrival: 'flash-crowd 10m at 30s, poisson 20s, every 10s from 1m, at 2m',
        },
        { duration: '20m', seeds: '4', sampleEvery: '30' },
      ),
    );
    expect(parsed).toEqual({
      ok: true,
      experiment: {
        name: 'my-sweep',
        base: 'flash-crowd',
        duration: '20m',
        seeds: 4,
        sampleEvery: 30,
        vary: {
          selection: ['random', 'speed-high'],
          numwant: [10, 50],
          interval: [300, '30m'],
          minInterval: [60],
          peerTimeout: ['15m'],
          seedersToSeeders: [true, false],
          preset: ['opentracker'],
          swarmSize: [30, 1000],
          arrival: [
            { type: 'flash-crowd', at: '30s', over: '10m' },
            { type: 'poisson', meanGap: '20s', start: 0 },
            { type: 'fixed', at: '1m', spacing: '10s' },
            { type: 'fixed', at: '2m', spacing: 0 },
          ],
        },
      },
    });
    // What the engine would run: 2 × 2 × 2 × 1 × 1 × 2 × 1 × 2 × 4 points.
    const experiment = loadExperiment(parsed.ok ? parsed.experiment : null);
    expect(experiment.points).toHaveLength(128);
    expect(experiment.durationMs).toBe(20 * 60_000);
  });

  it('leaves out settings with no values, and names what cannot be read', () => {
    expect(formToExperiment(form({ numwant: ' , ' }))).toEqual({
      ok: true,
      experiment: { name: 'my-sweep', base: 'flash-crowd', seeds: 3, sampleEvery: '1m' },
    });
    expect(
      formToExperiment(
        form({ numwant: '10, lots', seedersToSeeders: 'yes', arrival: 'soon' }, { seeds: '0' }),
      ),
    ).toEqual({
      ok: false,
      errors: [
        'vary.numwant: "lots" is not a whole number',
        'vary.seedersToSeeders: "yes" is not true or false',
        'vary.arrival: "soon" is not an arrival (flash-crowd 10m, poisson 20s, every 10s, at 1m)',
        'seeds: "0" is not a whole number ≥ 1',
      ],
    });
  });

  it('counts the points and runs before anything is sent', () => {
    expect(sweepSize(form({}))).toEqual({ points: 1, seeds: 3, runs: 3 });
    expect(sweepSize(form({ selection: 'random, newest', numwant: '10, 50, 200' }, { seeds: '5' }))).toEqual({
      points: 6,
      seeds: 5,
      runs: 30,
    });
    expect(sweepSize(form({ numwant: '10' }, { seeds: 'x' }))).toEqual({ points: 1, seeds: 0, runs: 0 });
  });

  it('reads arrivals back from what it writes', () => {
    expect(parseArrival('flash-crowd 10m extra')).toBeNull();
    expect(parseArrival('at 1m from 2m')).toBeNull();
    expect(parseArrival('poisson')).toBeNull();
    for (const text of ['flash-crowd 10m00s at 30s', 'poisson 20s', 'every 10s from 1m00s', 'at 2m00s'])
      expect(arrivalText(parseArrival(text) as unknown as Record<string, unknown>)).toBe(text);
    expect(arrivalText({ type: 'flash-crowd', at: 30, over: 600 })).toBe('flash-crowd 10m00s at 30s');
  });

  it('the shipped example loads into the form and gives the same experiment back', () => {
    const f = experimentToForm(example);
    expect(f.vary.selection).toBe('random, newest, seeders-first, speed-high, speed-normal, speed-low');
    expect(f.vary.swarmSize).toBe('30, 1000');
    expect([f.seeds, f.sampleEvery, f.duration]).toEqual(['10', '1m', '']);
    expect('scenario' in f.base && f.base.scenario.name).toBe('selection-swarm');
    const back = formToExperiment(f);
    expect(back.ok && loadExperiment(back.experiment)).toEqual(loadExperiment(example));
  });

  it('the smaller example runs the same comparison on smaller swarms, fewer seeds and 20 minutes', () => {
    const small = smallerExample(experimentToForm(example));
    const parsed = formToExperiment(small);
    const experiment = loadExperiment(parsed.ok ? parsed.experiment : null);
    expect(experiment.name).toBe('selection-small-vs-large-small');
    expect(experiment.points.map((p) => p.label).slice(0, 2)).toEqual([
      'selection=random swarmSize=10',
      'selection=random swarmSize=60',
    ]);
    expect([experiment.seeds, experiment.durationMs]).toEqual([[1, 2, 3], 20 * 60_000]);
  });
});
