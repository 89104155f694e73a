import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseOnly as parseInWorker } from '../../main/core/manifests/import/parse-in-worker';

const workbook = readFileSync(path.resolve(import.meta.dirname, '../fixtures/spreadsheets/manifest-msc-anna.xlsx'));

describe('the reader runs in a worker with limits', () => {
  it('returns the parsed manifest and reports progress', async () => {
    const stages: string[] = [];
    const manifest = await parseInWorker({ fileName: 'm.xlsx', bytes: workbook, savedMappings: {} }, (progress) => stages.push(progress.stage)).result;
    expect(manifest).toMatchObject({ format: 'xlsx', containerCount: 6 });
    expect(stages).toContain('validating');
  });

  it('stops a file that takes too long', async () => {
    await expect(
      parseInWorker({ fileName: 'slow.xlsx', bytes: workbook, savedMappings: {} }, () => {}, { timeoutMs: 1, maxHeapMb: 1536 }).result,
    ).rejects.toMatchObject({ code: 'IMPORT_TIMEOUT', details: { file: 'slow.xlsx' } });
  });

  it('stops a file that needs more memory than an import may use, without harming this process', async () => {
    const big = Buffer.from(
      'Container No;B/L No;Description;Gross weight\n' + 'MSCU1234566;B1;' + 'x'.repeat(200) + ';100\n'.repeat(1),
    );
    const many = Buffer.concat(Array.from({ length: 4000 }, () => big));
    await expect(
      parseInWorker({ fileName: 'big.csv', bytes: many, savedMappings: {} }, () => {}, { timeoutMs: 60_000, maxHeapMb: 4 }).result,
    ).rejects.toMatchObject({ code: 'IMPORT_OUT_OF_MEMORY' });
    expect(process.memoryUsage().rss).toBeGreaterThan(0);
  });

  it('can be cancelled', async () => {
    const handle = parseInWorker({ fileName: 'm.xlsx', bytes: workbook, savedMappings: {} });
    handle.cancel();
    await expect(handle.result).rejects.toMatchObject({ code: 'IMPORT_CANCELLED' });
  });
});
