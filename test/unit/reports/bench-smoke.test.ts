import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { runReportsBench } from '../../bench/reports';

it('the reports benchmark renders a report of about ten pages, unsigned and signed, and reports two rows', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pcu-reports-bench-'));
  try {
    const rows = await runReportsBench(dir);
    console.log(rows);
    expect(rows).toHaveLength(2);
    expect(rows[0]!.measure).toMatch(/Render a (9|10|11|12)-page examination report with 6 photos/);
    expect(rows[1]!.measure).toMatch(/Render and sign the same (9|10|11|12)-page report with 6 photos/);
    expect(rows[1]!.ratio).toMatch(/^\d+\.\d × the unsigned render \(\d+ ms\)$/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 120_000);
