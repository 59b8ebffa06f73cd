// A sweep's result as the file the app saves and opens again: the same result.json the CLI writes
// (the experiment with its base scenario, every run's metrics), so either can open the other's.
import { slug } from './charts/experimentCharts';
import { parseExperimentResult, type ExperimentResult } from './result';

export function resultFileName(result: ExperimentResult): string {
  return `${slug(result.experiment.name) || 'experiment'}.result.json`;
}

export function resultFileText(result: ExperimentResult): string {
  return JSON.stringify(result, null, 2) + '\n';
}

/** A saved result read back (summaries recomputed from the runs), or why it is not one. */
export function readResultText(
  text: string,
): { ok: true; result: ExperimentResult } | { ok: false; errors: string[] } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    return { ok: false, errors: [`(root): not valid JSON: ${(err as Error).message}`] };
  }
  return parseExperimentResult(json);
}
