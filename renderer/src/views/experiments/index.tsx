// The Experiments view: define a sweep, run it on the engine's worker threads (progress, time left,
// cancel), and read the table and charts as points complete; save the result with its experiment
// and open a saved one again without rerunning. The engine runs and validates; this view renders.
import { useMemo, useRef, useState } from 'react';
import example from '../../../../experiments/selection-small-vs-large.json';
import { experimentCharts } from '../../../../shared/experiments/charts/experimentCharts';
import {
  emptyForm,
  experimentToForm,
  formToExperiment,
  smallerExample,
  sweepSize,
  type SweepForm,
} from '../../../../shared/experiments/form';
import { viewResult } from '../../../../shared/experiments/progress';
import type { ExperimentResult } from '../../../../shared/experiments/result';
import { readResultText, resultFileName, resultFileText } from '../../../../shared/experiments/resultFile';
import { useApp, useAppState } from '../../store/context';
import { saveText } from './files';
import { ResultCharts } from './ResultCharts';
import { ResultTable } from './ResultTable';
import { SweepFormView } from './SweepFormView';
import { SweepProgress } from './SweepProgress';
import './experiments.css';
import { JsonFileInput } from '../../files/FileInput';

export function ExperimentsPanel() {
  const { bridge } = useApp();
  const live = useAppState((s) => s.experiment);
  const presets = useAppState((s) => s.session?.presets);
  const [form, setForm] = useState<SweepForm>(() => emptyForm());
  const [opened, setOpened] = useState<{ file: string; result: ExperimentResult } | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  // The form folds away while a sweep runs, so the progress and results are in view.
  const [formOpen, setFormOpen] = useState(true);
  const fileInput = useRef<HTMLInputElement>(null);

  const running = live?.progress.state === 'running';
  const size = sweepSize(form);
  const liveResult = useMemo(() => (live ? viewResult(live) : null), [live]);
  const shown = opened?.result ?? liveResult;
  const charts = useMemo(() => (shown ? experimentCharts(shown) : []), [shown]);

  const load = (next: SweepForm): void => {
    setForm(next);
    setFormOpen(true);
  };

  const run = async (): Promise<void> => {
    const parsed = formToExperiment(form);
    if (!parsed.ok) {
      setProblems(parsed.errors);
      return;
    }
    const reply = await bridge.request({ kind: 'runExperiment', experiment: parsed.experiment });
    setProblems(reply.ok ? [] : reply.error.split('\n'));
    if (reply.ok) {
      setOpened(null);
      setFormOpen(false);
    }
  };

  const open = async (file: File): Promise<void> => {
    const read = readResultText(await file.text());
    if (!read.ok) {
      setProblems([`${file.name} is not a saved sweep result:`, ...read.errors]);
      return;
    }
    setProblems([]);
    setOpened({ file: file.name, result: read.result });
  };

  return (
    <div className="experiments" data-testid="experiments">
      <div className="sweep-actions">
        <button onClick={() => load(experimentToForm(example))} disabled={running} data-testid="load-example">
          Load example
        </button>
        <button
          onClick={() => load(smallerExample(experimentToForm(example)))}
          disabled={running}
          title="The example with swarms of 10 and 60, 3 seeds and 20 minutes: runs in seconds"
          data-testid="load-small-example"
        >
          Smaller example
        </button>
        <button onClick={() => fileInput.current?.click()} data-testid="open-result">
          Open…
        </button>
        <JsonFileInput ref={fileInput} testId="result-file" onFile={(file) => void open(file)} />
        <button
          onClick={() => shown && saveText(resultFileName(shown), resultFileText(shown))}
          disabled={!shown || running}
          title="Save the experiment with its results (JSON, the CLI's result.json format)"
          data-testid="save-result"
        >
          Save…
        </button>
      </div>
      <details
        className="sweep-definition"
        open={formOpen}
        onToggle={(e) => setFormOpen(e.currentTarget.open)}
      >
        <summary data-testid="sweep-summary">Define the sweep: {form.name}</summary>
        <SweepFormView form={form} presets={presets ?? []} disabled={running} onChange={setForm} />
      </details>
      <div className="sweep-actions">
        {running ? (
          <button
            onClick={() => void bridge.request({ kind: 'cancelExperiment' })}
            data-testid="cancel-experiment"
          >
            Cancel
          </button>
        ) : (
          <button onClick={() => void run()} data-testid="run-experiment">
            Run
          </button>
        )}
        <span className="sweep-size" data-testid="sweep-size">
          {size.points} {size.points === 1 ? 'point' : 'points'} × {size.seeds} seeds = {size.runs} runs
        </span>
      </div>
      {problems.length > 0 && (
        <ul className="sweep-problems" role="alert" data-testid="experiment-problems">
          {problems.map((p, i) => (
            <li key={i}>{p}</li>
          ))}
        </ul>
      )}
      {opened ? (
        <p className="sweep-opened" data-testid="experiment-opened">
          Showing {opened.file}: {opened.result.experiment.name}, {opened.result.runs.length} runs
          {opened.result.cancelled ? ' (cancelled)' : ''}.{' '}
          {live && <button onClick={() => setOpened(null)}>Back to the last run</button>}
        </p>
      ) : (
        live && <SweepProgress progress={live.progress} />
      )}
      {shown && (
        <>
          <h3 className="sweep-title">{shown.experiment.name}</h3>
          <ResultTable result={shown} />
          <ResultCharts charts={charts} />
        </>
      )}
    </div>
  );
}
