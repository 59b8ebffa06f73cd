// The Experiments view end to end: browser mode (the real engine host, sweeps on real worker
// threads) in real Chromium. A tiny sweep runs to 100%, its rows and charts appear, the result is
// saved and opened again; a bigger one is cancelled.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { open, screenshot, type Session } from './harness';

let s: Session;

beforeAll(async () => {
  s = await open('steady-swarm');
  await s.page.click('[data-testid=tab-experiments]');
}, 60_000);

afterAll(async () => {
  await s?.close();
});

const text = (testId: string) => s.page.textContent(`[data-testid="${testId}"]`);

async function rows(): Promise<string[][]> {
  return s.page.$$eval('[data-testid=experiment-table] tbody tr', (trs) =>
    trs.map((tr) => Array.from(tr.querySelectorAll('td'), (td) => td.textContent ?? '')),
  );
}

/** 2 points (random, newest) × `seeds` seeds of a 12-client flash crowd, 30 minutes each. */
async function defineSweep(seeds: number): Promise<void> {
  const { page } = s;
  // The form folds away while a sweep runs: open it again.
  if (!(await page.isVisible('[data-testid=sweep-name]'))) await page.click('[data-testid=sweep-summary]');
  await page.selectOption('[data-testid=sweep-base]', 'flash-crowd');
  await page.fill('[data-testid=sweep-name]', 'e2e-sweep');
  await page.fill('[data-testid=sweep-duration]', '30m');
  await page.fill('[data-testid=sweep-seeds]', String(seeds));
  await page.fill('[data-testid=vary-swarmSize]', '12');
  await page.check('[data-testid=vary-selection-random]');
  await page.check('[data-testid=vary-selection-newest]');
}

describe('experiments in the app', () => {
  it('runs a tiny sweep to 100%, shows its rows and charts, saves and reopens it', async () => {
    const { page } = s;
    await defineSweep(2);
    await page.click('[data-testid=run-experiment]');
    await page.waitForSelector('[data-testid=experiment-state]:has-text("done")', { timeout: 60_000 });
    expect(await text('experiment-progress-text')).toMatch(
      /^100% · runs 4\/4 · points 2\/2 · took \d+s · done$/,
    );
    expect(await page.getAttribute('[data-testid=experiment-progress] progress', 'value')).toBe('4');
    const table = await rows();
    expect(table.map((r) => r.slice(0, 3))).toEqual([
      ['random', '12', '2'],
      ['newest', '12', '2'],
    ]);
    // Every point has a mean completion time with its interval.
    expect(table.every((r) => / ± [\d.]+ s$/.test(r[3]!))).toBe(true);
    expect(await page.locator('[data-testid="experiment-chart-cdf.svg"] svg path[data-series]').count()).toBe(
      2,
    );
    expect(await page.locator('[data-testid^=experiment-chart-]').count()).toBeGreaterThan(4);
    await screenshot(page, 'experiments-done');
    await page.locator('[data-testid="experiment-chart-cdf.svg"]').scrollIntoViewIfNeeded();
    await screenshot(page, 'experiments-charts');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-testid=save-result]'),
    ]);
    expect(download.suggestedFilename()).toBe('e2e-sweep.result.json');
    const path = await download.path();
    const saved = JSON.parse(readFileSync(path, 'utf8'));
    expect(saved).toMatchObject({
      format: 'tracker-lab/experiment-result',
      complete: true,
      cancelled: false,
    });
    expect(saved.runs).toHaveLength(4);

    await page.setInputFiles('[data-testid=result-file]', path);
    await page.waitForSelector('[data-testid=experiment-opened]');
    expect(await text('experiment-opened')).toMatch(/^Showing .*: e2e-sweep, 4 runs\./);
    expect(await rows()).toEqual(table);
    expect(s.errors).toEqual([]);
  }, 90_000);

  it('cancels a sweep while it runs', async () => {
    const { page } = s;
    await page.click('text=Back to the last run');
    await defineSweep(40);
    await page.click('[data-testid=run-experiment]');
    await page.waitForSelector('[data-testid=experiment-state]:has-text("running")');
    await page.waitForFunction(() =>
      /runs [1-9]\d*\/80/.test(
        document.querySelector('[data-testid=experiment-progress-text]')?.textContent ?? '',
      ),
    );
    await page.click('[data-testid=cancel-experiment]');
    await page.waitForSelector('[data-testid=experiment-state]:has-text("cancelled")', { timeout: 20_000 });
    const done = Number(/runs (\d+)\/80/.exec((await text('experiment-progress-text')) ?? '')![1]);
    expect(done).toBeGreaterThan(0);
    expect(done).toBeLessThan(80);
    await page.waitForSelector('[data-testid=run-experiment]');
    expect(s.errors).toEqual([]);
  }, 90_000);
});
