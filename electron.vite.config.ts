// One config, three builds (electron-vite): the main process, the sandboxed preload (a single
// CommonJS file, as `sandbox: true` requires), and the renderer (React), which browser mode serves too.
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      lib: {
        entry: {
          main: resolve(import.meta.dirname, 'electron/main/main.ts'),
          // The experiment runner's worker thread: a file of its own beside main.js (workerEntry.ts).
          worker: resolve(import.meta.dirname, 'electron/experiments/worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      lib: { entry: resolve(import.meta.dirname, 'electron/main/preload.ts'), formats: ['cjs'] },
      rollupOptions: { output: { entryFileNames: '[name].cjs' } },
    },
  },
  renderer: {
    root: 'renderer',
    build: {
      outDir: resolve(import.meta.dirname, 'out/renderer'),
      rollupOptions: { input: resolve(import.meta.dirname, 'renderer/index.html') },
    },
    plugins: [react()],
  },
});
