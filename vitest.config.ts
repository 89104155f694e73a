import path from 'node:path';
import { defineConfig } from 'vitest/config';

const root = import.meta.dirname;

/**
 * Tests name their runtime by folder:
 * - unit: plain Node (shared logic, core services, CLI, build config)
 * - shell: the Electron main-process code against a fake `electron` module
 * - e2e: the built renderer in Debian's Chromium over the real services
 */
export default defineConfig({
  test: {
    reporters: ['default', path.join(root, 'test/harness/summary-reporter.ts')],
    projects: [
      {
        test: {
          name: 'unit',
          root,
          include: ['test/unit/**/*.test.ts', 'test/db/**/*.test.ts', 'test/integration/**/*.test.ts'],
          testTimeout: 30_000,
          environment: 'node',
        },
      },
      {
        resolve: { alias: { electron: path.join(root, 'test/fakes/electron.ts') } },
        test: {
          name: 'shell',
          root,
          include: ['test/shell/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'e2e',
          root,
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // One Chromium at a time: two cores.
          fileParallelism: false,
        },
      },
    ],
  },
});
