/// <reference lib="dom" />
// End-to-end harness: browser mode (the real engine behind a WebSocket) in real Chromium.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

export const root = resolve(import.meta.dirname, '../..');
const artifacts = resolve(root, 'test/e2e/artifacts');

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
];

export interface WebServer {
  url: string;
  stop(): Promise<void>;
}

/** `tsx electron/cli/web.ts --port 0 --preset NAME`; resolves with the URL it prints. */
export function startWeb(preset: string): Promise<WebServer> {
  if (!existsSync(resolve(root, 'out/renderer/index.html'))) {
    throw new Error(
      'the renderer is not built: run `npm run build` (npm test does) before the end-to-end tests',
    );
  }
  const child: ChildProcess = spawn(
    resolve(root, 'node_modules/.bin/tsx'),
    ['electron/cli/web.ts', '--port', '0', '--preset', preset],
    {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  return new Promise((done, fail) => {
    let out = '';
    const timer = setTimeout(() => fail(new Error(`browser mode did not start: ${out}`)), 30_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (m) {
        clearTimeout(timer);
        done({
          url: m[1]!,
          stop: () =>
            new Promise((stopped) => {
              child.once('exit', () => stopped());
              child.kill('SIGTERM');
            }),
        });
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.once('exit', (code) => fail(new Error(`browser mode exited (${code}): ${out}`)));
  });
}

export interface Session {
  browser: Browser;
  page: Page;
  /** Console errors and page errors seen so far. */
  errors: string[];
  server: WebServer;
  close(): Promise<void>;
}

export async function open(preset: string): Promise<Session> {
  const server = await startWeb(preset);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${server.url}?automation`);
  await page.waitForSelector('[data-testid=connection]:has-text("engine")');
  await page.waitForFunction(
    () => (window as unknown as { trackerLabAutomation?: unknown }).trackerLabAutomation !== undefined,
  );
  return {
    browser,
    page,
    errors,
    server,
    close: async () => {
      await browser.close();
      await server.stop();
    },
  };
}

/** Sends one engine request through the page's own bridge (the ?automation hook). */
export async function request(
  page: Page,
  req: unknown,
): Promise<{ ok: boolean; error?: string; value?: unknown }> {
  return page.evaluate(
    (r) =>
      (
        window as unknown as { trackerLabAutomation: { request(x: unknown): Promise<{ ok: boolean }> } }
      ).trackerLabAutomation.request(r),
    req,
  );
}

/** Moves the engine to virtual time `ms` (a seek runs forward, or restores backward) and waits for the UI. */
export async function seek(page: Page, ms: number): Promise<void> {
  const reply = await request(page, { kind: 'command', command: { type: 'seek', to: ms / 1000 } });
  if (!reply.ok) throw new Error(reply.error);
  await page.waitForFunction((t) => {
    const s = (
      window as unknown as { trackerLabAutomation: { state(): { status: { now: number } | null } } }
    ).trackerLabAutomation.state();
    return s.status !== null && s.status.now === t;
  }, ms);
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(artifacts, { recursive: true });
  await page.screenshot({ path: resolve(artifacts, `${name}.png`) });
}
