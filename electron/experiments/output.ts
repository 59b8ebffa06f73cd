// Writing a sweep's result into a folder: the JSON (reloadable), the two CSV tables, the Markdown
// table and the charts as SVG.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { experimentCharts } from '../../shared/experiments/charts/experimentCharts';
import { pointsCsv, runsCsv } from '../../shared/experiments/csv';
import { parseExperimentResult, type ExperimentResult } from '../../shared/experiments/result';
import { resultTable } from '../../shared/experiments/table';

/** Writes every output file; returns their paths. */
export async function writeResultFiles(result: ExperimentResult, dir: string): Promise<string[]> {
  await mkdir(join(dir, 'charts'), { recursive: true });
  const files: [string, string][] = [
    ['result.json', JSON.stringify(result, null, 2) + '\n'],
    ['runs.csv', runsCsv(result)],
    ['points.csv', pointsCsv(result)],
    ['table.md', resultTable(result)],
    ...experimentCharts(result).map((c): [string, string] => [join('charts', c.file), c.svg]),
  ];
  for (const [name, text] of files) await writeFile(join(dir, name), text);
  return files.map(([name]) => join(dir, name));
}

/** Reads a result.json written by a sweep. */
export async function readResultFile(path: string): Promise<ExperimentResult> {
  const parsed = parseExperimentResult(JSON.parse(await readFile(path, 'utf8')));
  if (!parsed.ok) throw new Error(`${path}: not a sweep result:\n  ${parsed.errors.join('\n  ')}`);
  return parsed.result;
}
