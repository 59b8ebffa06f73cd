// Timeline, forks, sessions and exports end to end, in Chromium against the real engine (browser
// mode): scrubbing shows what a direct run to that moment shows; acting in the past forks the run
// and the Compare tab holds both; a saved session replays to the identical event log; every export
// parses.
import { readFileSync } from 'node:fs';
import type { Download, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runBranch } from '../../electron/engine/branch';
import { findPreset } from '../../electron/sim/presets';
import { sessionFileSchema, SESSION_FORMAT } from '../../shared/session';
import { commonEnd, comparisonRows } from '../../shared/views/compare';
import { METRICS_COLUMNS } from '../../shared/views/exports';
import { open, request, screenshot, seek, type Session } from './harness';

let s: Session;

beforeAll(async () => {
  s = await open('crash-ghost');
}, 60_000);

afterAll(async () => {
  await s?.close();
});

beforeEach(() => {
  s.errors.length = 0;
});

interface Snapshot {
  cursor: number | null;
  sessionId: number;
  endMs: number;
  now: number | null;
  forkAt: number | null;
  events: number;
  requests: number;
}

/** The page's store, the few numbers the tests need (through the ?automation hook). */
function snapshot(page: Page): Promise<Snapshot> {
  return page.evaluate(() => {
    const st = (
      window as unknown as {
        trackerLabAutomation: {
          state(): {
            cursor: number | null;
            session: { id: number; endMs: number } | null;
            status: { now: number } | null;
            comparison: { forkAt: number } | null;
            head: { events: unknown[]; requests: unknown[] };
          };
        };
      }
    ).trackerLabAutomation.state();
    return {
      cursor: st.cursor,
      sessionId: st.session?.id ?? 0,
      endMs: st.session?.endMs ?? 0,
      now: st.status?.now ?? null,
      forkAt: st.comparison?.forkAt ?? null,
      events: st.head.events.length,
      requests: st.head.requests.length,
    };
  });
}

async function state<K extends keyof Snapshot>(page: Page, key: K): Promise<Snapshot[K]> {
  return (await snapshot(page))[key];
}

async function until(page: Page, test: (s: Snapshot) => boolean, timeout = 30_000): Promise<void> {
  await expect.poll(async () => test(await snapshot(page)), { timeout, interval: 50 }).toBe(true);
}

async function load(preset: string): Promise<number> {
  const before = await state(s.page, 'sessionId');
  const reply = await request(s.page, { kind: 'loadPreset', name: preset });
  expect(reply.ok).toBe(true);
  await until(s.page, (st) => st.sessionId > before);
  return state(s.page, 'sessionId');
}

/** What the views show: each peer's look in the graph, the truth table, the request count, the charts' readouts. */
async function views(page: Page) {
  const graph = await page.$$eval('circle.peer', (nodes) =>
    nodes.map((n) => `${n.getAttribute('data-id')}:${n.getAttribute('data-look')}`).sort(),
  );
  await page.click('[data-testid=tab-truth]');
  const truth = await page.$$eval('[data-testid^="truth-row-"]', (rows) =>
    rows.map((r) => (r as HTMLElement).innerText),
  );
  await page.click('[data-testid=tab-requests]');
  const requests = await page.textContent('[data-testid=request-count]');
  await page.click('[data-testid=tab-charts]');
  const charts = await page.$$eval('[data-testid$="-readout"]', (nodes) => nodes.map((n) => n.textContent));
  return { graph, truth, requests, charts };
}

/** Presses on the timeline where virtual time `t` is drawn, and waits for the views to show that moment. */
async function scrubTo(page: Page, t: number, endMs: number): Promise<number> {
  const box = (await page.locator('[data-testid=timeline-track]').boundingBox())!;
  const before = await state(page, 'cursor');
  await page.mouse.click(box.x + (t / endMs) * box.width, box.y + box.height / 2);
  await until(page, (st) => st.cursor !== before && st.cursor !== null);
  return (await state(page, 'cursor'))!;
}

async function downloadOf(page: Page, menuItem: string): Promise<{ name: string; text: string }> {
  await page.click('[data-testid=file-menu]');
  const [file] = await Promise.all([
    page.waitForEvent('download') as Promise<Download>,
    page.click(`[data-testid=${menuItem}]`),
  ]);
  const path = await file.path();
  return { name: file.suggestedFilename(), text: readFileSync(path, 'utf8') };
}

describe('timeline, fork, sessions and exports', () => {
  it('scrubbing back and forth shows exactly what a direct run to that moment shows', async () => {
    await load('crash-ghost');
    const endMs = await state(s.page, 'endMs');
    await seek(s.page, 50 * 60_000);

    // Scrub: back to 25 min, forward to 45, back to 10, and a drag that ends at 35.
    const scrubbed: { t: number; shown: Awaited<ReturnType<typeof views>> }[] = [];
    for (const minutes of [25, 45, 10]) {
      const t = await scrubTo(s.page, minutes * 60_000, endMs);
      expect(Math.abs(t - minutes * 60_000)).toBeLessThan(endMs / 100);
      scrubbed.push({ t, shown: await views(s.page) });
    }
    const box = (await s.page.locator('[data-testid=timeline-track]').boundingBox())!;
    const x = (ms: number) => box.x + (ms / endMs) * box.width;
    await s.page.mouse.move(x(45 * 60_000), box.y + box.height / 2);
    await s.page.mouse.down();
    await s.page.mouse.move(x(5 * 60_000), box.y + box.height / 2, { steps: 8 });
    await s.page.mouse.move(x(35 * 60_000), box.y + box.height / 2, { steps: 8 });
    await s.page.mouse.up();
    await until(s.page, (st) => st.cursor !== null && st.cursor !== scrubbed[2]!.t);
    const dragged = (await state(s.page, 'cursor'))!;
    expect(Math.abs(dragged - 35 * 60_000)).toBeLessThan(endMs / 100);
    scrubbed.push({ t: dragged, shown: await views(s.page) });
    await screenshot(s.page, 'timeline-scrubbed-35m');

    // The 25-minute view has the crashed client as a ghost; the 45-minute one has it reaped.
    expect(scrubbed[0]!.shown.graph).toContain(`${await crasherId()}:ghost`);
    expect(scrubbed[1]!.shown.graph).toContain(`${await crasherId()}:crashed`);

    // Back to live, then a direct run (the engine itself) to each moment must show the same.
    await s.page.click('[data-testid=timeline-live]');
    expect(await state(s.page, 'cursor')).toBeNull();
    for (const { t, shown } of [...scrubbed].sort((a, b) => a.t - b.t)) {
      await seek(s.page, t);
      await expect.poll(() => views(s.page), { timeout: 10_000 }).toEqual(shown);
    }
    expect(s.errors).toEqual([]);
  }, 120_000);

  it('acting at a past moment forks the run there; Compare shows both runs, exactly', async () => {
    await load('crash-ghost');
    const endMs = await state(s.page, 'endMs');
    await seek(s.page, 30 * 60_000);
    const forkAt = await scrubTo(s.page, 10 * 60_000, endMs);

    // Crash the only seeder at 10 min (in the past of the engine): the run forks there.
    await s.page.click('[data-testid=tab-truth]');
    await s.page.click('[data-testid="truth-row-seeder"]');
    await s.page.click('[data-testid=action-crashClient]');
    await until(s.page, (st) => st.cursor === null && st.forkAt !== null);
    expect(await state(s.page, 'forkAt')).toBe(forkAt);
    expect(await s.page.textContent('[data-testid=notice]')).toContain('Compare tab');

    await s.page.click('[data-testid=tab-compare]');
    await s.page.click('[data-testid=compare-run-on]');
    await until(s.page, (st) => st.now === endMs, 90_000);
    await expect.poll(() => s.page.$('[data-testid=compare-run-on]')).toBeNull();

    // The same two runs, headless: the preset as it is, and the fork's session with its command.
    const session = await request(s.page, { kind: 'getSession' });
    const fork = sessionFileSchema.parse(session.value);
    expect(fork.commands.map((c) => [c.at, c.command])).toEqual([
      [forkAt, { type: 'crashClient', client: 'seeder' }],
    ]);
    const scenario = findPreset('crash-ghost') as Record<string, unknown>;
    const original = await runBranch({
      format: SESSION_FORMAT,
      version: 1,
      scenario,
      seed: fork.seed,
      commands: [],
    });
    const forked = await runBranch(fork);
    const expected = comparisonRows(original, forked, commonEnd(original, forked));
    const shown = await s.page.$$eval('[data-testid^="compare-row-"]', (rows) =>
      rows.map((r) => [
        r.getAttribute('data-testid')!.slice('compare-row-'.length),
        Number(r.getAttribute('data-original')),
        Number(r.getAttribute('data-fork')),
      ]),
    );
    expect(shown).toEqual(expected.map((r) => [r.key, r.original, r.fork]));
    // Without its only seeder from 10 min on, fewer downloads finish.
    const completed = expected.find((r) => r.key === 'completed')!;
    expect(completed.fork).toBeLessThan(completed.original);
    expect(await s.page.textContent('[data-testid=chart-compare-finished-readout]')).toContain(
      `original ${completed.original}, fork ${completed.fork}.`,
    );
    await screenshot(s.page, 'compare-fork');
    expect(s.errors).toEqual([]);
  }, 150_000);

  it('a saved session reopens and replays to the identical event log; every export parses', async () => {
    await load('crash-ghost');
    await seek(s.page, 15 * 60_000);
    await request(s.page, { kind: 'command', command: { type: 'pauseClient', client: 'crasher' } });
    await seek(s.page, 40 * 60_000);

    const saved = await downloadOf(s.page, 'save-session');
    expect(saved.name).toBe('crash-ghost.session.json');
    const sessionFile = sessionFileSchema.parse(JSON.parse(saved.text));
    expect(sessionFile.commands.map((c) => c.command)).toEqual([{ type: 'pauseClient', client: 'crasher' }]);

    // Every export parses.
    const events = await downloadOf(s.page, 'export-events');
    const lines = events.text.split('\n');
    expect(lines.pop()).toBe('');
    const logged = lines.map((l) => JSON.parse(l) as { seq: number; t: number });
    expect(logged.map((e) => e.seq)).toEqual(logged.map((_, i) => i));
    expect(logged.length).toBe(await state(s.page, 'events'));

    const requests = await downloadOf(s.page, 'export-requests');
    const requestLines = requests.text.split('\n').slice(0, -1);
    expect(requestLines.length).toBe(await state(s.page, 'requests'));
    for (const line of requestLines) expect(line).toMatch(/^GET \/(\w+\/)?announce\?info_hash=/);

    const metrics = await downloadOf(s.page, 'export-metrics');
    const csv = metrics.text.split('\r\n');
    expect(csv.pop()).toBe('');
    expect(csv[0]).toBe(METRICS_COLUMNS.join(','));
    const rows = csv.slice(1).map((r) => r.split(','));
    expect(rows.length).toBeGreaterThan(10);
    for (const r of rows) {
      expect(r).toHaveLength(METRICS_COLUMNS.length);
      for (const i of [0, 2, 3, 4, 5, 6, 7, 8]) expect(r[i]).toMatch(/^\d+$/);
    }
    expect(rows.at(-1)![0]).toBe(String(40 * 60_000));

    // The graph, as SVG (well-formed XML with one circle per peer drawn) and PNG (the signature, a size).
    const peers = (await s.page.$$('circle.peer')).length;
    const [svgFile] = await Promise.all([
      s.page.waitForEvent('download'),
      s.page.click('[data-testid=graph-export-svg]'),
    ]);
    expect(svgFile.suggestedFilename()).toBe('tracker-lab-graph-00-40-00.svg');
    // Parsed as strict XML by the browser's own parser.
    const svg = await s.page.evaluate(
      (text) => {
        const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
        return {
          errors: doc.getElementsByTagName('parsererror').length,
          root: doc.documentElement.tagName,
          xmlns: doc.documentElement.getAttribute('xmlns'),
          peers: doc.querySelectorAll('circle.peer').length,
        };
      },
      readFileSync(await svgFile.path(), 'utf8'),
    );
    expect(svg).toEqual({ errors: 0, root: 'svg', xmlns: 'http://www.w3.org/2000/svg', peers });
    const [pngFile] = await Promise.all([
      s.page.waitForEvent('download'),
      s.page.click('[data-testid=graph-export-png]'),
    ]);
    expect(pngFile.suggestedFilename()).toBe('tracker-lab-graph-00-40-00.png');
    const png = readFileSync(await pngFile.path());
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
    expect(png.readUInt32BE(16)).toBeGreaterThan(100);
    expect(png.readUInt32BE(20)).toBeGreaterThan(100);

    const report = await downloadOf(s.page, 'export-report');
    expect(JSON.parse(report.text)).toMatchObject({ seed: sessionFile.seed });

    // Reopen the session through the page's file input: a new session that replays the same run.
    const before = await state(s.page, 'sessionId');
    await s.page.setInputFiles('[data-testid=session-file]', {
      name: 'crash-ghost.session.json',
      mimeType: 'application/json',
      buffer: Buffer.from(saved.text),
    });
    await until(s.page, (st) => st.sessionId > before);
    await seek(s.page, 40 * 60_000);
    const replayed = await downloadOf(s.page, 'export-events');
    expect(replayed.text).toBe(events.text);
    expect(s.errors).toEqual([]);
  }, 120_000);
});

async function crasherId(): Promise<number> {
  return s.page.evaluate(() =>
    (
      window as unknown as {
        trackerLabAutomation: { state(): { model: { clientsByName: Map<string, number> } } };
      }
    ).trackerLabAutomation
      .state()
      .model.clientsByName.get('crasher')!,
  );
}
