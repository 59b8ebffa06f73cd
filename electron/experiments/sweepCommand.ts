// `npm run sim -- sweep <experiment.json> [--jobs N] [--out DIR]`: runs an experiment's points in
// parallel on worker threads, shows progress, and writes CSV, JSON, a Markdown table and SVG charts.
// Ctrl-C cancels: the workers stop, and what finished is written (exit code 130).
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { slug } from '../../shared/experiments/charts/experimentCharts';
import { resultTable } from '../../shared/experiments/table';
import { formatDuration } from '../../shared/units';
import { ExperimentError, loadExperimentFile } from './load';
import { writeResultFiles } from './output';
import { progressLine } from './progress';
import { runExperiment } from './runner';

export interface SweepIo {
  out(line: string): void;
  err(text: string): void;
  tty: boolean;
  fail(message: string, code?: number): never;
}

export async function sweepCommand(args: string[], io: SweepIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { jobs: { type: 'string' }, out: { type: 'string' } },
  });
  const source = positionals[0];
  if (source === undefined || positionals.length > 1) io.fail('sweep takes exactly one experiment file');
  if (values.jobs !== undefined && !/^[1-9]\d*$/.test(values.jobs))
    io.fail('--jobs must be a whole number ≥ 1');
  let experiment;
  try {
    experiment = loadExperimentFile(source);
  } catch (err) {
    if (err instanceof ExperimentError) io.fail(err.message, 1);
    throw err;
  }
  const jobs = values.jobs === undefined ? availableParallelism() : Number(values.jobs);
  const dir = values.out ?? join('results', slug(experiment.name));
  const runs = experiment.points.length * experiment.seeds.length;
  io.err(
    `${experiment.name}: ${experiment.points.length} points × ${experiment.seeds.length} seeds = ${runs} runs of ` +
      `${formatDuration(experiment.durationMs)} virtual, on ${Math.min(jobs, runs)} worker threads\n`,
  );

  const controller = new AbortController();
  const onSigint = () => {
    if (controller.signal.aborted) process.exit(130);
    io.err('\ncancelling (Ctrl-C again to quit at once)…\n');
    controller.abort();
  };
  process.on('SIGINT', onSigint);
  let lastPoints = 0;
  let result;
  try {
    result = await runExperiment(experiment, {
      jobs,
      signal: controller.signal,
      onProgress: (p) => {
        if (io.tty) io.err(`\r${progressLine(p)}   `);
        else if (p.pointsDone > lastPoints || p.runsDone === p.runsTotal) io.err(progressLine(p) + '\n');
        lastPoints = p.pointsDone;
      },
    });
  } finally {
    process.off('SIGINT', onSigint);
  }
  if (io.tty) io.err('\n');

  const files = await writeResultFiles(result, dir);
  io.out(resultTable(result));
  const took = formatDuration(Math.round(result.timing.wallMs / 1000) * 1000);
  io.out(
    result.cancelled
      ? `cancelled after ${took}: ${result.runs.length} of ${runs} runs finished; partial results written`
      : `${result.runs.length} of ${runs} runs in ${took}`,
  );
  io.out(
    `written: ${dir}/ (${files.length} files: result.json, runs.csv, points.csv, table.md, charts/*.svg)`,
  );
  return result.cancelled ? 130 : 0;
}
