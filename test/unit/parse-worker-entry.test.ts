import { describe, expect, it } from 'vitest';
import { workerEntry } from '../../main/core/manifests/import/parse-in-worker';

describe('where the import worker is found', () => {
  it('runs the TypeScript source through tsx in a checkout', () => {
    const entry = workerEntry();
    expect(entry.eval).toBe(true);
    expect(entry.code).toContain('parse-worker.ts');
    expect(entry.code).toContain("import('tsx/esm/api')");
  });
});

describe('the shipped worker on request', () => {
  it('uses the file PCU_IMPORT_WORKER names (the benchmark measures out/worker)', () => {
    const entry = workerEntry({ PCU_IMPORT_WORKER: 'out/worker/parse-worker.cjs' });
    expect(entry.eval).toBe(false);
    expect(entry.code.endsWith('out/worker/parse-worker.cjs')).toBe(true);
  });
});
