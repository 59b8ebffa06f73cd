// How to start a worker on worker.ts. Built (plain JavaScript: electron.vite.config.ts makes it an
// entry of its own, out/main/worker.js) it is the file beside the bundle, or one level up when this
// code landed in a chunk folder.
// From TypeScript source (tsx: `npm run sim`, vitest, the benches) the worker needs tsx's loader
// too; Node 20 ignores `execArgv: ['--import', 'tsx']` for a worker's own hooks, so the worker
// starts on a two-line ES module that registers tsx and then imports the TypeScript entry.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export function workerUrl(): URL {
  return workerUrlFrom(import.meta.url);
}

/** The worker to start for code loaded from `here` (this module's URL, source or built). */
export function workerUrlFrom(here: string): URL {
  const extension = /\.(ts|js|mjs)$/.exec(here)?.[1] ?? 'js';
  const entry = new URL(`./worker.${extension}`, here);
  if (extension !== 'ts') {
    const up = new URL(`../worker.${extension}`, here);
    return here.startsWith('file:') && !existsSync(fileURLToPath(entry)) && existsSync(fileURLToPath(up))
      ? up
      : entry;
  }
  const boot = [
    `import { register } from ${JSON.stringify(tsxApiUrl())};`,
    `register();`,
    `await import(${JSON.stringify(entry.href)});`,
  ].join('\n');
  return new URL(`data:text/javascript,${encodeURIComponent(boot)}`);
}

/** tsx's ESM API module (the `import` condition of its `./esm/api` export). */
function tsxApiUrl(): string {
  const require = createRequire(import.meta.url);
  const manifestPath = require.resolve('tsx/package.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
    exports: Record<string, { import: { default: string } }>;
  };
  return pathToFileURL(join(dirname(manifestPath), manifest.exports['./esm/api']!.import.default)).href;
}
