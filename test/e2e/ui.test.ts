// The UI end to end: browser mode (the real engine behind a WebSocket) in real Chromium. Each test
// drives a preset to a moment and asserts what is on screen; screenshots go to test/e2e/artifacts/.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { open, request, screenshot, seek, type Session } from './harness';

let s: Session;

beforeAll(async () => {
  s = await open('steady-swarm');
}, 60_000);

afterAll(async () => {
  await s?.close();
});

beforeEach(() => {
  s.errors.length = 0;
});

async function load(preset: string): Promise<void> {
  const reply = await request(s.page, { kind: 'loadPreset', name: preset });
  expect(reply.ok).toBe(true);
  await s.page.waitForFunction(
    (name) =>
      (
        window as unknown as {
          trackerLabAutomation: { state(): { session: { scenario: { name: string } } | null } };
        }
      ).trackerLabAutomation.state().session?.scenario.name === name,
    preset,
  );
}

async function clientId(name: string): Promise<number> {
  return s.page.evaluate(
    (n) =>
      (
        window as unknown as {
          trackerLabAutomation: { state(): { model: { clientsByName: Map<string, number> } } };
        }
      ).trackerLabAutomation
        .state()
        .model.clientsByName.get(n)!,
    name,
  );
}

async function status(): Promise<{ now: number; playing: boolean; events: number }> {
  return s.page.evaluate(
    () =>
      (
        window as unknown as {
          trackerLabAutomation: { state(): { status: { now: number; playing: boolean; events: number } } };
        }
      ).trackerLabAutomation.state().status,
  );
}

async function selectClient(name: string): Promise<void> {
  await s.page.click('[data-testid=tab-truth]');
  await s.page.click(`[data-testid="truth-row-${name}"]`);
  await s.page.waitForSelector(`[data-testid=client-name]:has-text("${name}")`);
}

describe('the UI in browser mode', () => {
  it('plays, pauses and steps from the toolbar and the keyboard', async () => {
    await load('steady-swarm');
    const { page } = s;
    await page.selectOption('[data-testid=speed]', '300');
    await page.click('[data-testid=play]');
    await page.waitForFunction(
      () =>
        (
          window as unknown as { trackerLabAutomation: { state(): { status: { now: number } } } }
        ).trackerLabAutomation.state().status.now > 60_000,
    );
    await page.click('[data-testid=play]'); // now labelled Pause
    await page.waitForFunction(
      () =>
        !(
          window as unknown as { trackerLabAutomation: { state(): { status: { playing: boolean } } } }
        ).trackerLabAutomation.state().status.playing,
    );
    const paused = await status();
    await page.waitForTimeout(300);
    expect((await status()).now).toBe(paused.now);
    await expect.poll(async () => page.textContent('[data-testid=play]')).toContain('Play');

    await page.click('[data-testid=step]');
    await expect.poll(async () => (await status()).events).toBeGreaterThan(paused.events);
    expect((await status()).now).toBeGreaterThan(paused.now);

    await page.locator('body').press(' ');
    await expect.poll(async () => (await status()).playing).toBe(true);
    await page.locator('body').press(' ');
    await expect.poll(async () => (await status()).playing).toBe(false);
    await screenshot(page, 'play-pause-step');
    expect(s.errors).toEqual([]);
  }, 60_000);

  it('a paused peer is drawn paused and is still listed by the tracker', async () => {
    await load('pause-sends-nothing');
    await seek(s.page, 30 * 60_000);
    const id = await clientId('silent');
    await expect.poll(() => s.page.getAttribute(`circle.peer[data-id="${id}"]`, 'data-look')).toBe('paused');
    await selectClient('silent');
    expect(await s.page.textContent('[data-testid=client-state]')).toBe('paused');
    expect(await s.page.textContent('[data-testid=client-listed]')).toBe('as leecher');
    expect(await s.page.textContent('[data-testid=client-divergences]')).toContain(
      'paused, but still listed',
    );
    await screenshot(s.page, 'pause-sends-nothing-30m');
    expect(s.errors).toEqual([]);
  }, 60_000);

  it('a crashed peer turns into a ghost, then disappears at the peer timeout', async () => {
    await load('crash-ghost');
    await seek(s.page, 25 * 60_000);
    const crasher = await clientId('crasher');
    await expect
      .poll(() => s.page.getAttribute(`circle.peer[data-id="${crasher}"]`, 'data-look'))
      .toBe('ghost');
    await selectClient('crasher');
    expect(await s.page.textContent('[data-testid=client-listed]')).toMatch(/^as (leecher|seeder)$/);
    expect(await s.page.textContent('[data-testid=client-divergences]')).toContain('ghost');
    await screenshot(s.page, 'crash-ghost-25m');

    await seek(s.page, 45 * 60_000);
    await expect
      .poll(() => s.page.getAttribute(`circle.peer[data-id="${crasher}"]`, 'data-look'))
      .toBe('crashed');
    await expect.poll(() => s.page.textContent('[data-testid=client-listed]')).toBe('not listed');
    await screenshot(s.page, 'crash-ghost-45m');
    expect(s.errors).toEqual([]);
  }, 60_000);

  it('a request row shows the target as on the wire and decodes its info_hash byte for byte', async () => {
    await load('anatomy-of-a-session');
    await seek(s.page, 2 * 60_000);
    await s.page.click('[data-testid=tab-requests]');
    const row = s.page.locator('[data-testid^="request-row-"]', { hasText: 'you' }).first();
    await row.click();
    await s.page.waitForSelector('[data-testid=request-detail]');
    expect(await s.page.textContent('[data-testid=request-wire]')).toContain(
      '/3bfa64edd509add1c7516d7a62700366/announce?info_hash=%D9%A5%7B%B4%0E%1EZ%F9qS%0D8%B0%BF%26%9Ft%0F%92%F3&peer_id=-TR1320-ph6nbw6phum2',
    );
    expect(await s.page.textContent('[data-testid=param-info_hash-hex]')).toBe(
      'd9a57bb40e1e5af971530d38b0bf269f740f92f3',
    );
    expect(await s.page.textContent('[data-testid=param-peer_id-text]')).toBe('-TR1320-ph6nbw6phum2');
    await screenshot(s.page, 'anatomy-request-detail');
    expect(s.errors).toEqual([]);
  }, 60_000);

  it('a tracker setting changed in the panel applies live: the next answers carry at most one peer', async () => {
    await load('small-swarm-selection');
    await seek(s.page, 10 * 60_000);
    await s.page.click('[data-testid=tab-tracker]');
    // numwantDefault may not exceed numwantMax: lowering the cap first is refused, and the UI says why.
    await s.page.locator('[data-testid=setting-numwantMax]').fill('1');
    await s.page.locator('[data-testid=setting-numwantMax]').press('Enter');
    await expect
      .poll(() => s.page.textContent('[data-testid=notice]'))
      .toContain('numwantDefault must not exceed numwantMax');
    await s.page.click('[data-testid=notice] .dismiss');
    for (const key of ['numwantDefault', 'numwantMax']) {
      await s.page.locator(`[data-testid=setting-${key}]`).fill('1');
      await s.page.locator(`[data-testid=setting-${key}]`).press('Enter');
      await expect.poll(() => s.page.inputValue(`[data-testid=setting-${key}]`)).toBe('1');
    }
    await expect
      .poll(() =>
        s.page.evaluate(
          () =>
            (
              window as unknown as {
                trackerLabAutomation: { state(): { model: { trackerSettings: { numwantMax: number } } } };
              }
            ).trackerLabAutomation.state().model.trackerSettings.numwantMax,
        ),
      )
      .toBe(1);
    const changedAt = (await status()).now;
    await seek(s.page, changedAt + 10 * 60_000);
    const later = await s.page.evaluate(
      (t) =>
        (
          window as unknown as {
            trackerLabAutomation: {
              state(): {
                model: { requests: { t: number; kind: string; numwant: number | null; peers: number[] }[] };
              };
            };
          }
        ).trackerLabAutomation
          .state()
          .model.requests.filter((r) => r.t > t && r.kind === 'announce' && r.numwant !== null)
          .map((r) => [r.numwant, r.peers.length]),
      changedAt,
    );
    expect(later.length).toBeGreaterThan(3);
    expect(later.every(([numwant, peers]) => numwant === 1 && peers! <= 1)).toBe(true);
    await screenshot(s.page, 'tracker-setting-live');
    expect(s.errors).toEqual([]);
  }, 60_000);
});
