import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { runReportsBench } from '../../bench/reports';

it('the reports benchmark renders a report of about ten pages and reports one row', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pcu-reports-bench-'));
  try {
    const rows = await runReportsBench(dir);
    console.log(rows);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.measure).toMatch(/Render a (9|10|11|12)-page examination report with 6 photos/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 120_000);
