// Reading an experiment: a file or a value, validated, with its base resolved against the presets.
// Problems are reported as `path: problem` lines, like scenario files.
import { readFileSync } from 'node:fs';
import { parseExperiment, type Experiment } from '../../shared/experiments/schema';
import { findPreset } from '../sim/presets';

export class ExperimentError extends Error {
  constructor(
    readonly problems: string[],
    readonly source = 'experiment',
  ) {
    super(`${source}: invalid experiment:\n  ${problems.join('\n  ')}`);
  }
}

/** Validates an experiment given as a value (the parsed JSON of a file, or built by the app). */
export function loadExperiment(input: unknown, source?: string): Experiment {
  const parsed = parseExperiment(input, { findPreset });
  if (!parsed.ok) throw new ExperimentError(parsed.errors, source);
  return parsed.experiment;
}

/** Reads and validates an experiment file. */
export function loadExperimentFile(path: string): Experiment {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new ExperimentError([`cannot read the file: ${(err as Error).message}`], path);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new ExperimentError([`(root): not valid JSON: ${(err as Error).message}`], path);
  }
  return loadExperiment(json, path);
}
