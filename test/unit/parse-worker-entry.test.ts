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
