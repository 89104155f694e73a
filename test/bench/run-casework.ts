/**
 * The second half of `npm run bench`: the risk engine (issue 5), report
 * rendering and signing (issue 7), each as ratios against the bare work
 * measured in the same run. Appends its table to test/bench/RESULTS.md, which
 * run.ts (the import figures) has just written.
 */
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runReportsBench } from './reports';
import { runRiskBench } from './risk';
import { signingBench } from './signing';

const SCORE_LINES = Number(process.env.PCU_BENCH_SCORE_LINES ?? 100_000);
const STORED_LINES = Number(process.env.PCU_BENCH_STORED_LINES ?? 1_000_000);

const dir = mkdtempSync(path.join(os.tmpdir(), 'pcu-bench-engine-'));
try {
  const rows = [...runRiskBench(dir, SCORE_LINES, STORED_LINES), ...(await runReportsBench(dir)), ...(await signingBench())];
  const table = [
    '',
    '## Risk engine, reports and signing',
    '',
    `Last run: ${new Date().toISOString()}; ${SCORE_LINES.toLocaleString('en')} synthetic lines scored, ${STORED_LINES.toLocaleString('en')} scored lines stored in an encrypted database.`,
    '',
    '| measure | value | ratio |',
    '| --- | --- | --- |',
    ...rows.map((row) => `| ${row.measure} | ${row.value} | ${row.ratio} |`),
    '',
  ].join('\n');
  process.stdout.write(`${table}\n`);
  appendFileSync(path.resolve(import.meta.dirname, 'RESULTS.md'), table);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
