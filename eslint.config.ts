import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * The layering of docs/ARCHITECTURE.md, enforced: the runtime shows in the path.
 * - `electron` only in main/electron, main/preload and main/index.ts
 * - renderer and shared import nothing from main/ and no Node module
 * - main/core never imports main/electron
 */
const nodeBuiltins = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'crypto', 'net', 'http', 'https', 'stream', 'worker_threads', 'url', 'util', 'zlib', 'events', 'buffer', 'module', 'process', 'tls', 'dns', 'v8', 'vm'];

// The `electron` package itself (and its subpaths), not every path with "electron" in it:
// main/electron/app-request.ts imports no electron and the test harness serves through it.
const noElectron = { regex: '^electron(/.*)?$', message: 'Only main/electron, main/preload and main/index.ts may import electron.' };
const noMain = { group: ['**/main/**', '../main', '../../main'], message: 'renderer/ and shared/ must not import main-process code.' };
const noNode = { group: nodeBuiltins, message: 'No Node modules here: this code runs in the renderer too.' };
const noElectronLayer = { group: ['**/electron/*', '**/main/electron', '**/main/electron/**'], message: 'main/core runs without Electron (CLI, tests): pass a capability in instead.' };

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'coverage/**'] },
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-restricted-imports': ['error', { patterns: [noElectron] }],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['main/electron/**', 'main/preload/**', 'main/index.ts', 'test/fakes/electron.ts', 'test/shell/**', 'test/e2e/electron-smoke.test.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['main/core/**', 'main/cli/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noElectron, noElectronLayer] }] },
  },
  {
    files: ['shared/**'],
    languageOptions: { globals: { ...globals['shared-node-browser'] } },
    rules: { 'no-restricted-imports': ['error', { patterns: [noElectron, noMain, noNode] }] },
  },
  {
    files: ['renderer/**'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { patterns: [noElectron, noMain, noNode] }],
      'no-restricted-globals': ['error', { name: 'require', message: 'No require in the renderer.' }, { name: 'process', message: 'No Node globals in the renderer.' }],
    },
  },
);
