// `npm run sim -- list | show <preset> | run <preset|file.json> [options] | sweep <experiment.json>`:
// scenarios and experiments headless.
import { createWriteStream, readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parseDuration } from '../../shared/units';
import { Engine, type TransportName } from '../engine/engine';
import { ScenarioError } from '../engine/setup';
import { sweepCommand } from '../experiments/sweepCommand';
import { findPreset, scenarioPresets } from '../sim/presets';
import { printSummary } from './summary';

const usage = `Usage:
  npm run sim -- list
  npm run sim -- show <preset>
  npm run sim -- run <preset|file.json> [--seed N] [--until 2h] [--transport inproc|http]
                                        [--events out.ndjson] [--report out.json]
  npm run sim -- sweep <experiment.json> [--jobs N] [--out results/NAME]`;

function fail(message: string, code = 2): never {
  process.stderr.write(`${message}\n\n${usage}\n`);
  process.exit(code);
}

function loadScenario(source: string): unknown {
  const preset = findPreset(source);
  if (preset) return preset;
  if (!source.endsWith('.json')) fail(`no preset named "${source}" (see \`npm run sim -- list\`)`);
  let text: string;
  try {
    text = readFileSync(source, 'utf8');
  } catch (err) {
    fail(`cannot read ${source}: ${(err as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    fail(`${source} is not valid JSON: ${(err as Error).message}`);
  }
}

async function run(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      seed: { type: 'string' },
      until: { type: 'string' },
      transport: { type: 'string', default: 'inproc' },
      events: { type: 'string' },
      report: { type: 'string' },
    },
  });
  const source = positionals[0];
  if (source === undefined || positionals.length > 1) fail('run takes exactly one scenario');
  if (values.transport !== 'inproc' && values.transport !== 'http')
    fail('--transport must be inproc or http');
  if (values.seed !== undefined && !/^\d+$/.test(values.seed)) fail('--seed must be a whole number');
  const until = values.until === undefined ? undefined : parseDuration(values.until);
  if (until === null) fail(`--until is not a duration: ${values.until}`);

  const out = values.events ? createWriteStream(values.events) : null;
  let engine: Engine;
  try {
    engine = await Engine.create({
      listeners: out ? [(e) => void out.write(JSON.stringify(e) + '\n')] : [],
      scenario: loadScenario(source),
      seed: values.seed === undefined ? undefined : Number(values.seed),
      transport: values.transport as TransportName,
      retainEvents: false,
      snapshotEveryMs: Infinity,
    });
  } catch (err) {
    if (err instanceof ScenarioError) fail(`${source}: ${err.message}`, 1);
    throw err;
  }
  const endMs = until ?? engine.endMs;

  const tty = process.stderr.isTTY;
  const started = process.hrtime.bigint();
  const chunk = Math.max(1000, Math.round(endMs / 200));
  for (let t = 0; t < endMs;) {
    t = Math.min(endMs, t + chunk);
    await engine.advanceTo(t);
    if (tty) {
      const pct = Math.floor((t / endMs) * 100);
      process.stderr.write(
        `\r${String(pct).padStart(3)}%  virtual ${Math.round(t / 1000)} s  events ${engine.log.length}   `,
      );
    }
  }
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  if (tty) process.stderr.write('\r' + ' '.repeat(60) + '\r');
  await engine.close();
  if (out) await new Promise<void>((resolve) => out.end(resolve));

  const report = engine.report();
  printSummary(report, wallMs, (line) => process.stdout.write(line + '\n'));
  if (values.report) writeFileSync(values.report, JSON.stringify(report, null, 2) + '\n');
}

function firstSentence(text: string): string {
  const end = text.search(/\.(\s|$)/);
  return end === -1 ? text : text.slice(0, end + 1);
}

async function main(): Promise<void> {
  const [command, ...rest] = process.argv.slice(2);
  switch (command) {
    case 'list':
      for (const p of scenarioPresets)
        process.stdout.write(`${p.name.padEnd(28)}  ${firstSentence(p.description ?? '')}\n`);
      return;
    case 'show': {
      const preset = rest[0] === undefined ? undefined : findPreset(rest[0]);
      if (!preset) fail(`no preset named "${rest[0] ?? ''}"`);
      process.stdout.write(JSON.stringify(preset, null, 2) + '\n');
      return;
    }
    case 'run':
      try {
        return await run(rest);
      } catch (err) {
        if (err instanceof TypeError && 'code' in err && String(err.code).startsWith('ERR_PARSE_ARGS'))
          fail(err.message);
        throw err;
      }
    case 'sweep':
      try {
        process.exitCode = await sweepCommand(rest, {
          out: (line) => process.stdout.write(line.endsWith('\n') ? line : line + '\n'),
          err: (text) => process.stderr.write(text),
          tty: process.stderr.isTTY === true,
          fail,
        });
        return;
      } catch (err) {
        if (err instanceof TypeError && 'code' in err && String(err.code).startsWith('ERR_PARSE_ARGS'))
          fail(err.message);
        throw err;
      }
    default:
      fail(command === undefined ? 'missing command' : `unknown command "${command}"`);
  }
}

void main();
