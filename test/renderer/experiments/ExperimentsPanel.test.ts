// @vitest-environment jsdom
// The Experiments view against a fake bridge: the form becomes a runExperiment request, problems are
// shown, progress and rows fill in from the store's messages, cancel, save and open.
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { createElement } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { EngineBridge, EngineReply, EngineRequest } from '../../../shared/bridge';
import type { RunMetrics } from '../../../shared/experiments/metrics/collector';
import type { ExperimentProgress } from '../../../shared/experiments/progress';
import { parseExperiment, type Experiment } from '../../../shared/experiments/schema';
import type { RunRecord } from '../../../shared/experiments/summary';
import { AppContextValue } from '../../../renderer/src/store/context';
import { createAppStore, receive } from '../../../renderer/src/store/store';
import { ExperimentsPanel } from '../../../renderer/src/views/experiments';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const base = {
  name: 'small',
  duration: '5m',
  torrents: [{ id: 'f', size: '10MiB', pieceSize: '256KiB' }],
  groups: [
    { name: 'seed', have: 'all' },
    { name: 'peer', count: 4 },
  ],
};

function experiment(): Experiment {
  const parsed = parseExperiment(
    { name: 'Tiny sweep', base, seeds: 2, vary: { selection: ['random', 'newest'] } },
    { findPreset: () => undefined },
  );
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.experiment;
}

function run(point: number, seed: number, completionMean: number): RunRecord {
  const metrics = {
    leechers: 4,
    completionTimes: [completionMean],
    completionMean,
    finishedShare: 1,
    staleShare: 0,
    cutOffLeecherShare: 0,
    requestsPerMinute: 4,
    seederUtilisation: 0.5,
  } as Partial<RunMetrics> as RunMetrics;
  return { point, seed, wallMs: 3, metrics };
}

function progress(done: number, runs: RunRecord[], state: ExperimentProgress['state'] = 'running') {
  return {
    id: 1,
    state,
    experiment: experiment(),
    done,
    total: 4,
    pointsDone: Math.floor(done / 2),
    pointsTotal: 2,
    startedAt: '2026-11-22T06:00:00.000Z',
    jobs: 2,
    elapsedMs: 1000 * done,
    etaMs: state === 'running' ? (done === 0 ? null : 1000 * (4 - done)) : 0,
    runs,
  } satisfies ExperimentProgress;
}

function setup(reply: (r: EngineRequest) => EngineReply = () => ({ ok: true, value: null })) {
  const store = createAppStore();
  store.setState({
    session: {
      presets: [
        { name: 'steady-swarm', description: '' },
        { name: 'flash-crowd', description: '' },
      ],
    } as never,
  });
  const requests: EngineRequest[] = [];
  const bridge: EngineBridge = {
    request: async (r) => {
      requests.push(r);
      return reply(r);
    },
    subscribe: () => () => {},
  };
  render(
    createElement(AppContextValue.Provider, { value: { store, bridge } }, createElement(ExperimentsPanel)),
  );
  const tell = (p: ExperimentProgress) => act(() => receive(store, { kind: 'experiment', experiment: p }, 0));
  return { store, requests, tell };
}

describe('the Experiments view', () => {
  it('sends the sweep the form describes', async () => {
    const { requests } = setup();
    fireEvent.change(screen.getByTestId('sweep-base'), { target: { value: 'flash-crowd' } });
    fireEvent.click(screen.getByTestId('vary-selection-random'));
    fireEvent.click(screen.getByTestId('vary-selection-speed-low'));
    fireEvent.change(screen.getByTestId('vary-numwant'), { target: { value: '10, 50' } });
    fireEvent.change(screen.getByTestId('sweep-seeds'), { target: { value: '2' } });
    fireEvent.change(screen.getByTestId('sweep-duration'), { target: { value: '10m' } });
    expect(screen.getByTestId('sweep-size').textContent).toBe('4 points × 2 seeds = 8 runs');
    await act(async () => fireEvent.click(screen.getByTestId('run-experiment')));
    expect(requests).toEqual([
      {
        kind: 'runExperiment',
        experiment: {
          name: 'my-sweep',
          base: 'flash-crowd',
          duration: '10m',
          seeds: 2,
          sampleEvery: '1m',
          vary: { selection: ['random', 'speed-low'], numwant: [10, 50] },
        },
      },
    ]);
    expect(screen.queryByTestId('experiment-problems')).toBeNull();
  });

  it('shows the form’s problems, and the engine’s', async () => {
    const { requests } = setup(() => ({
      ok: false,
      error: 'experiment: invalid experiment:\n  base: no preset named "x"',
    }));
    fireEvent.change(screen.getByTestId('vary-swarmSize'), { target: { value: 'many' } });
    await act(async () => fireEvent.click(screen.getByTestId('run-experiment')));
    expect(requests).toEqual([]);
    expect(screen.getByTestId('experiment-problems').textContent).toBe(
      'vary.swarmSize: "many" is not a whole number',
    );
    fireEvent.change(screen.getByTestId('vary-swarmSize'), { target: { value: '' } });
    await act(async () => fireEvent.click(screen.getByTestId('run-experiment')));
    const items = within(screen.getByTestId('experiment-problems')).getAllByRole('listitem');
    expect(items.map((li) => li.textContent)).toEqual([
      'experiment: invalid experiment:',
      '  base: no preset named "x"',
    ]);
  });

  it('loads the example into the form', () => {
    setup();
    fireEvent.click(screen.getByTestId('load-small-example'));
    expect((screen.getByTestId('sweep-name') as HTMLInputElement).value).toBe(
      'selection-small-vs-large-small',
    );
    expect((screen.getByTestId('vary-swarmSize') as HTMLInputElement).value).toBe('10, 60');
    expect((screen.getByTestId('vary-selection-speed-high') as HTMLInputElement).checked).toBe(true);
    expect((screen.getByTestId('vary-selection-oldest') as HTMLInputElement).checked).toBe(false);
    expect((screen.getByTestId('sweep-base') as HTMLSelectElement).selectedOptions[0]!.textContent).toBe(
      'selection-swarm (the example’s own)',
    );
  });

  it('fills in progress, rows and charts as runs finish; cancel while running', async () => {
    const { requests, tell } = setup();
    tell(progress(0, []));
    expect(screen.getByTestId('experiment-progress-text').textContent).toBe(
      '0% · runs 0/4 · points 0/2 · estimating time left… · running',
    );
    expect(screen.getByTestId('sweep-form')).toHaveProperty('disabled', true);
    tell(progress(1, [run(1, 1, 40)]));
    expect(screen.getByTestId('experiment-progress-text').textContent).toBe(
      '25% · runs 1/4 · points 0/2 · ~3s left · running',
    );
    const cells = (point: number) =>
      [...screen.getByTestId(`experiment-row-${point}`).querySelectorAll('td')].map((td) => td.textContent);
    expect(cells(0).slice(0, 3)).toEqual(['random', '0', '–']);
    expect(cells(1).slice(0, 3)).toEqual(['newest', '1', '40.0 s']);
    const cdf = screen.getByTestId('experiment-chart-cdf.svg').querySelector('svg')!;
    expect(cdf.getAttribute('aria-label')).toBe('Completion time CDF');
    expect([...cdf.querySelectorAll('path[data-series]')].map((p) => p.getAttribute('data-series'))).toEqual([
      'random',
      'newest',
    ]);
    // Only the point that has a finished run has a mean to plot so far.
    const means = screen.getByTestId('experiment-chart-completionmean-vs-selection.svg');
    expect(means.querySelectorAll('circle')).toHaveLength(1);
    await act(async () => fireEvent.click(screen.getByTestId('cancel-experiment')));
    expect(requests).toEqual([{ kind: 'cancelExperiment' }]);
    tell(progress(1, [], 'cancelled'));
    expect(screen.getByTestId('experiment-state').textContent).toBe('cancelled');
    expect(screen.getByTestId('run-experiment')).toBeTruthy();
  });

  it('saves the result with its experiment, and opens a saved one', async () => {
    const { tell } = setup();
    tell(progress(0, []));
    tell(progress(4, [run(0, 1, 30), run(0, 2, 34), run(1, 1, 40), run(1, 2, 44)]));
    tell(progress(4, [], 'done'));
    expect(screen.getByTestId('experiment-progress-text').textContent).toBe(
      '100% · runs 4/4 · points 2/2 · took 4s · done',
    );
    let saved: Blob | null = null;
    let name = '';
    URL.createObjectURL = (blob: Blob) => {
      saved = blob;
      return 'blob:saved';
    };
    URL.revokeObjectURL = () => {};
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      name = this.download;
    });
    fireEvent.click(screen.getByTestId('save-result'));
    expect(name).toBe('tiny-sweep.result.json');
    const text = await (saved as Blob | null)!.text();
    expect(JSON.parse(text)).toMatchObject({
      format: 'tracker-lab/experiment-result',
      complete: true,
      experiment: { name: 'Tiny sweep' },
    });

    const input = screen.getByTestId('result-file');
    const edited = text.replace('"name": "Tiny sweep"', '"name": "Opened sweep"');
    await act(async () =>
      fireEvent.change(input, { target: { files: [new File([edited], 'old.result.json')] } }),
    );
    expect(screen.getByTestId('experiment-opened').textContent).toMatch(
      /^Showing old\.result\.json: Opened sweep, 4 runs\./,
    );
    expect(screen.getByTestId('experiment-row-0').querySelectorAll('td')[2]!.textContent).toBe(
      '32.0 ± 25.4 s',
    );

    await act(async () =>
      fireEvent.change(input, { target: { files: [new File(['{"format":1}'], 'nope.json')] } }),
    );
    expect(screen.getByTestId('experiment-problems').textContent).toMatch(
      /^nope\.json is not a saved sweep result:format: /,
    );
  });
});
