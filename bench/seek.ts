// `npm run bench:seek`: how long seeking takes on a one-hour, 1,000-peer run (the scenario of
// `bench:sim`'s HTTP run, in-process here). Two seeks are measured, at the same moments, back and
// forth across the hour:
//  - the timeline's scrub: the view model at time t from the renderer's checkpoints (what a drag on
//    the timeline costs before React draws it);
//  - the engine's seek: tracker and simulation restored from the nearest snapshot and run on to t
//    (what playing or forking from a past moment costs).
// Figures go to bench/results/seek.json.
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { Engine } from '../electron/engine/engine';
import type { LoggedEvent } from '../shared/events';
import { SwarmModel } from '../shared/views/model';
import { ModelTimeline } from '../shared/views/timeline';
import { scenarios } from './sim';

const MINUTE = 60_000;
/** Back and forth across the hour, as a teacher drags the timeline. */
const TARGETS = [45, 10, 55, 30, 5, 59, 20, 40, 1, 35, 15, 50].map((m) => m * MINUTE);
/** Events per batch as the host sends them (its flush size). */
const BATCH = 2_000;

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function summary(ms: readonly number[]) {
  const round = (v: number) => Math.round(v * 10) / 10;
  return {
    medianMs: round(percentile(ms, 50)),
    p90Ms: round(percentile(ms, 90)),
    maxMs: round(Math.max(...ms)),
  };
}

async function main(): Promise<void> {
  const { scenario } = scenarios.http;
  process.stderr.write(`running ${scenario.name} in-process to 1 h …\n`);
  const started = performance.now();
  const engine = await Engine.create({ scenario, transport: 'inproc' });
  await engine.advanceTo(engine.endMs);
  const runSeconds = (performance.now() - started) / 1000;
  const events: LoggedEvent[] = engine.events();

  // The renderer's side: the head model fed in the host's batches, checkpoints as it grows.
  const head = new SwarmModel();
  const timeline = new ModelTimeline();
  const feedStart = performance.now();
  for (let i = 0; i < events.length; i += BATCH) {
    head.apply(events.slice(i, i + BATCH));
    timeline.grew(head);
  }
  const feedSeconds = (performance.now() - feedStart) / 1000;
  const scrubMs: number[] = [];
  let shown = head;
  for (const t of TARGETS) {
    const t0 = performance.now();
    shown = timeline.modelAtTime(head, t, shown);
    scrubMs.push(performance.now() - t0);
    if (shown.lastEventAt > t) throw new Error(`scrub to ${t} shows an event at ${shown.lastEventAt}`);
  }

  // The engine's side.
  const seekMs: number[] = [];
  for (const t of TARGETS) {
    const t0 = performance.now();
    await engine.seek(t);
    seekMs.push(performance.now() - t0);
    if (engine.now !== t) throw new Error(`engine seek to ${t} ended at ${engine.now}`);
  }
  await engine.close();

  const result = {
    machine: {
      node: process.version,
      cpuModel: cpus()[0]?.model ?? 'unknown',
      cores: cpus().length,
      date: new Date().toISOString(),
      loadAverage1m: loadavg()[0],
    },
    scenario: scenario.name,
    events: events.length,
    runSeconds: Math.round(runSeconds * 100) / 100,
    modelFeedSeconds: Math.round(feedSeconds * 100) / 100,
    targetsMinutes: TARGETS.map((t) => t / MINUTE),
    timelineScrub: { ...summary(scrubMs), eachMs: scrubMs.map((v) => Math.round(v * 10) / 10) },
    engineSeek: { ...summary(seekMs), eachMs: seekMs.map((v) => Math.round(v)) },
  };
  const dir = resolve(dirname(fileURLToPath(import.meta.url)), 'results');
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'seek.json'), JSON.stringify(result, null, 2) + '\n');
  process.stdout.write(
    `${scenario.name}: ${events.length.toLocaleString('en-US')} events in 1 h virtual (run ${result.runSeconds} s)\n` +
      `timeline scrub (view model at t): median ${result.timelineScrub.medianMs} ms, p90 ${result.timelineScrub.p90Ms} ms, max ${result.timelineScrub.maxMs} ms\n` +
      `engine seek (restore + run to t):  median ${result.engineSeek.medianMs} ms, p90 ${result.engineSeek.p90Ms} ms, max ${result.engineSeek.maxMs} ms\n`,
  );
}

await main();
