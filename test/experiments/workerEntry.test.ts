// Where the sweep's worker thread starts from: from TypeScript source through tsx's loader, and in
// the built app from out/main/worker.js (an entry of its own in electron.vite.config.ts).
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { workerUrlFrom } from '../../electron/experiments/workerEntry';

describe('the worker entry', () => {
  it('from source, a data: module that registers tsx and imports worker.ts', () => {
    const here = new URL('../../electron/experiments/workerEntry.ts', import.meta.url).href;
    const url = workerUrlFrom(here);
    expect(url.protocol).toBe('data:');
    const boot = decodeURIComponent(url.href.slice('data:text/javascript,'.length));
    expect(boot).toMatch(/^import \{ register \} from "file:\/\/.*tsx.*";\nregister\(\);\n/);
    const worker = new URL('../../electron/experiments/worker.ts', import.meta.url).href;
    expect(boot.endsWith(`await import(${JSON.stringify(worker)});`)).toBe(true);
  });

  it('built, worker.js beside the bundle, or one level up from a chunk folder', () => {
    const out = mkdtempSync(join(tmpdir(), 'out-main-'));
    mkdirSync(join(out, 'chunks'));
    writeFileSync(join(out, 'worker.js'), '');
    expect(workerUrlFrom(pathToFileURL(join(out, 'main.js')).href).href).toBe(
      pathToFileURL(join(out, 'worker.js')).href,
    );
    expect(workerUrlFrom(pathToFileURL(join(out, 'chunks', 'runner-abc.js')).href).href).toBe(
      pathToFileURL(join(out, 'worker.js')).href,
    );
  });

  it('electron.vite.config.ts builds the worker as an entry of the main build', async () => {
    const config = (await import('../../electron.vite.config')).default as {
      main: { build: { lib: { entry: Record<string, string> } } };
    };
    expect(Object.keys(config.main.build.lib.entry)).toEqual(['main', 'worker']);
    expect(config.main.build.lib.entry.worker!.endsWith('electron/experiments/worker.ts')).toBe(true);
  });
});
