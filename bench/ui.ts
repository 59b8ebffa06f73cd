// `npm run bench:ui`: the swarm graph's frame rate in real Chromium. Starts browser mode (web.ts on a
// free port, as a child process), opens it headless, loads a scenario of 200, 1,000 and 5,000 peers
// over the page's own bridge (the `?bench` hook), plays it at a speed where announces keep flowing,
// and records requestAnimationFrame timestamps in the page for ~10 s per size.
// Targets: ≥ 55 fps at 1,000 peers and ≥ 30 fps at 5,000 on the 2-core reference machine.
// Figures go to bench/results/ui.json. `--profile` also writes a CPU profile of each measured window.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, loadavg, release, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium, type Browser, type Page } from 'playwright-core';
import { killChildrenOnExit, track } from './children';
import {
  collectFramesScript,
  frameFigures,
  sampleGraphScript,
  type FrameFigures,
  type GraphSample,
  type PageHook,
} from './uiPage';
import { startProfile, stopProfile, type HotSpot } from './uiProfile';
import { BENCH_SPEED, benchInterval, benchScenario } from './uiScenario';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..');
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];
const targets: Record<number, number> = { 1_000: 55, 5_000: 30 };

interface SizeResult {
  peers: number;
  interval: number;
  speed: number;
  frames: FrameFigures;
  graph: GraphSample;
  /** Virtual seconds per real second while measuring (the engine keeping up with the speed asked). */
  virtualSpeed: number;
  /** Events the page received per real second while measuring. */
  eventsPerSecond: number;
  announcesPerSecond: number;
  /** CPU of the engine process (web.ts) while measuring, % of one core. */
  engineCpuPercent: number | null;
  target: number | null;
  met: boolean | null;
  profile?: { file: string; top: HotSpot[] };
}

// The page's globals, for the functions run there (this file is type-checked without the DOM library).
declare const window: { __trackerLabBench?: unknown };

/** CPU seconds used so far by a process (Linux /proc), or null elsewhere. */
function cpuSeconds(pid: number | undefined): number | null {
  if (pid === undefined || !existsSync(`/proc/${pid}/stat`)) return null;
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime + stime, in clock ticks (USER_HZ = 100)
}

function startServer(): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'electron/cli/web.ts', '--port', '0', '--preset', 'anatomy-of-a-session'],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  track(child);
  return new Promise((resolveUrl, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`web.ts did not start within 60 s\n${err}`)), 60_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /at (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolveUrl({ child, url: m[1]! });
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (err = (err + chunk.toString()).slice(-4000)));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`web.ts exited (${code})\n${err}`));
    });
  });
}

async function command(page: Page, command: object): Promise<void> {
  const reply = await page.evaluate(
    (c) => (window.__trackerLabBench as PageHook).request({ kind: 'command', command: c }),
    command,
  );
  if (!reply.ok) throw new Error(`command ${JSON.stringify(command)} failed: ${reply.error}`);
}

async function measureSize(
  page: Page,
  peers: number,
  child: ChildProcess,
  profile: boolean,
): Promise<SizeResult> {
  const scenario = benchScenario(peers);
  const loaded = await page.evaluate(
    (s) => (window.__trackerLabBench as PageHook).request({ kind: 'loadScenario', scenario: s }),
    scenario,
  );
  if (!loaded.ok) throw new Error(`loading ${scenario.name}: ${loaded.error}`);
  await page.waitForFunction(
    (name) => (window.__trackerLabBench as PageHook).store.getState().session?.scenario.name === name,
    scenario.name,
  );
  await command(page, { type: 'setSpeed', speed: BENCH_SPEED });
  await command(page, { type: 'play' });
  // Warm up until everyone has arrived (3 virtual minutes) and the re-announces flow (one interval on).
  const warm = (benchInterval(peers) + 60) * 1000;
  await page.waitForFunction(
    ({ n, warm }) =>
      (window.__trackerLabBench as PageHook).peers() >= n &&
      ((window.__trackerLabBench as PageHook).store.getState().status?.now ?? 0) >= warm,
    { n: peers, warm },
    { timeout: 120_000, polling: 250 },
  );
  await page.waitForTimeout(2_000);
  await page.evaluate(() => void ((window.__trackerLabBench as PageHook).graph.work.length = 0));
  const before = await page.evaluate<GraphSample>(sampleGraphScript);
  const cpuBefore = cpuSeconds(child.pid);
  const wallBefore = performance.now();
  const cdp = profile ? await page.context().newCDPSession(page) : null;
  if (cdp) await startProfile(cdp);
  const times = await page.evaluate<number[]>(collectFramesScript(10_000));
  let hot: HotSpot[] | undefined;
  const profileFile = join(here, 'results', `ui-${peers}.cpuprofile`);
  if (cdp) hot = await stopProfile(cdp, profileFile);
  const wall = (performance.now() - wallBefore) / 1000;
  const cpuAfter = cpuSeconds(child.pid);
  const after = await page.evaluate<GraphSample>(sampleGraphScript);
  await command(page, { type: 'pause' });
  const frames = frameFigures(times);
  const target = targets[peers] ?? null;
  return {
    peers,
    interval: benchInterval(peers),
    speed: BENCH_SPEED,
    frames,
    graph: after,
    virtualSpeed: (after.virtualNow - before.virtualNow) / 1000 / wall,
    eventsPerSecond: (after.events - before.events) / wall,
    announcesPerSecond: (after.announces - before.announces) / wall,
    engineCpuPercent: cpuBefore !== null && cpuAfter !== null ? ((cpuAfter - cpuBefore) / wall) * 100 : null,
    target,
    met: target === null ? null : frames.meanFps >= target,
    ...(hot ? { profile: { file: profileFile, top: hot } } : {}),
  };
}

const fmt = (n: number, digits = 0): string =>
  n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

function printTable(calibration: FrameFigures, results: SizeResult[]): void {
  const rows = [
    [
      'peers',
      'renderer',
      'mean fps',
      'p95 frame',
      '5th-pct fps',
      'long frames',
      'graph work',
      'dots',
      'virtual s/s',
      'announces/s',
      'events/s',
      'engine CPU',
      'target',
    ],
    [
      'idle app',
      '-',
      fmt(calibration.meanFps, 1),
      `${fmt(calibration.p95FrameMs, 1)} ms`,
      fmt(calibration.p5Fps, 1),
      fmt(calibration.longFrames),
      '-',
      '-',
      '-',
      '-',
      '-',
      '-',
      'calibration',
    ],
    ...results.map((r) => [
      fmt(r.peers),
      r.graph.renderer,
      fmt(r.frames.meanFps, 1),
      `${fmt(r.frames.p95FrameMs, 1)} ms`,
      fmt(r.frames.p5Fps, 1),
      fmt(r.frames.longFrames),
      `${fmt(r.graph.workMeanMs, 2)} ms`,
      fmt(r.graph.dots),
      fmt(r.virtualSpeed, 1),
      fmt(r.announcesPerSecond),
      fmt(r.eventsPerSecond),
      r.engineCpuPercent === null ? '-' : `${fmt(r.engineCpuPercent)} %`,
      r.target === null ? '-' : `≥ ${r.target} fps: ${r.met ? 'met' : 'NOT met'}`,
    ]),
  ];
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((row) => row[c]!.length)));
  for (const row of rows)
    process.stdout.write(
      row.map((cell, c) => (c < 2 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ') + '\n',
    );
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      profile: { type: 'boolean', default: false },
      sizes: { type: 'string', default: '200,1000,5000' },
      // Diagnosis: measure without the data-connection edges (display.showConnections off).
      'without-connections': { type: 'boolean', default: false },
    },
  });
  const sizes = values.sizes.split(',').map(Number);
  if (!existsSync(join(root, 'out/renderer/index.html')))
    throw new Error('the renderer is not built: run `npm run build` first');
  killChildrenOnExit();
  const loadStart = loadavg()[0]!;
  const { child, url } = await startServer();
  let browser: Browser | null = null;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${url}?bench`);
    await page.waitForFunction(() => window.__trackerLabBench !== undefined);
    if (values['without-connections']) {
      await page.evaluate(() => {
        const store = (window.__trackerLabBench as PageHook).store as unknown as {
          getState(): { display: object };
          setState(patch: object): void;
        };
        store.setState({ display: { ...store.getState().display, showConnections: false } });
      });
    }
    process.stderr.write('calibration: the app idle (small preset, paused) …\n');
    const calibration = frameFigures(await page.evaluate<number[]>(collectFramesScript(3_000)));
    const results: SizeResult[] = [];
    for (const peers of sizes) {
      process.stderr.write(`${fmt(peers)} peers …\n`);
      results.push(await measureSize(page, peers, child, values.profile));
    }
    if (errors.length > 0) throw new Error(`the page threw:\n${errors.join('\n')}`);
    printTable(calibration, results);
    for (const r of results.filter((x) => x.profile)) {
      process.stdout.write(`\n${fmt(r.peers)} peers, hottest functions (self time, ${r.profile!.file}):\n`);
      for (const h of r.profile!.top.slice(0, 10))
        process.stdout.write(`  ${fmt(h.selfPercent, 1).padStart(5)} %  ${h.name}\n`);
    }
    const machine = {
      node: process.version,
      chromium: browser.version(),
      chromiumArgs: CHROMIUM_ARGS,
      viewport: '1280x720',
      cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
      cores: cpus().length,
      memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
      os: `${process.platform} ${release()}`,
      date: new Date().toISOString(),
      loadAverage1m: { start: Math.round(loadStart * 100) / 100, end: Math.round(loadavg()[0]! * 100) / 100 },
    };
    await mkdir(join(here, 'results'), { recursive: true });
    await writeFile(
      join(here, 'results', 'ui.json'),
      JSON.stringify({ machine, speed: BENCH_SPEED, calibration, sizes: results }, null, 2) + '\n',
    );
    process.stdout.write(`\nwritten: bench/results/ui.json\n`);
  } finally {
    await browser?.close().catch(() => {});
    child.kill('SIGTERM');
    const killer = setTimeout(() => child.kill('SIGKILL'), 3_000);
    await new Promise<void>((done) => (child.exitCode !== null ? done() : child.once('exit', () => done())));
    clearTimeout(killer);
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exitCode = 1;
});
