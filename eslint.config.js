// Lint rules double as architecture rules: imports must flow
// shared/ ← electron/{tracker,sim,engine,cli} ← electron/main/, and renderer/ sees only shared/.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', 'fs', 'path', 'http', 'net', 'dgram', 'crypto', 'os', 'worker_threads'];

export default tseslint.config(
  { ignores: ['node_modules/', 'out/', 'dist/', 'bench/results/', 'test/e2e/artifacts/'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
      // noUncheckedIndexedAccess is on; typed-array reads are asserted with `!` deliberately.
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/electron/**', '**/renderer/**'],
              message: 'shared/ is pure: it imports nothing else.',
            },
            { group: ['electron', ...nodeBuiltins], message: 'shared/ runs in the renderer too.' },
          ],
        },
      ],
    },
  },
  {
    files: [
      'electron/tracker/**/*.ts',
      'electron/sim/**/*.ts',
      'electron/engine/**/*.ts',
      'electron/cli/**/*.ts',
      'electron/experiments/**/*.ts',
      'electron/lessons/**/*.ts',
      'electron/live/**/*.ts',
      'electron/torrent/**/*.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: "Only electron/main/ may import 'electron'." }],
          patterns: [
            { group: ['**/renderer/**'], message: 'The core never imports the renderer.' },
            { group: ['**/main/**'], message: 'The core never imports the Electron glue.' },
          ],
        },
      ],
    },
  },
  {
    // The deterministic core: the clock and the PRNG are injected.
    files: [
      'electron/tracker/**/*.ts',
      'electron/sim/**/*.ts',
      'electron/engine/**/*.ts',
      'electron/lessons/**/*.ts',
    ],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'Use the injected seeded PRNG.' },
        { object: 'Date', property: 'now', message: 'Use the injected clock.' },
      ],
      'no-restricted-globals': ['error', { name: 'performance', message: 'Use the injected clock.' }],
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/electron/**', 'electron'],
              message: 'The renderer talks to the engine only through the bridge.',
            },
            { group: nodeBuiltins, message: 'The renderer runs in a sandboxed browser context.' },
          ],
        },
      ],
    },
  },
);
