import fs from 'node:fs/promises';
import crypto from 'node:crypto';
import type { Command } from 'commander';
import { verifyPdfSignatures } from '../../core/signing/verify-pdf';
import { sessionOptions } from '../options';
import { withSession, type SessionOptions } from '../session';
import { printResult, type CliIo } from '../io';
import { VerdictFailed } from './maintenance';
import { reportCommand } from './report';

type Run = (task: () => Promise<void>) => Promise<void>;

interface VerifyOptions extends SessionOptions {
  readonly report?: string;
  readonly json?: boolean;
}

/**
 * `pcu report verify FILE [--json] [--user USER [--report UID]]` →
 * `{ok, signatures:[…], modifiedAfterLastSignature, reportRecord?}`: every
 * signature in the PDF checked independently of the app (byte ranges, digest,
 * CMS signature, signing-certificate-v2); with `--user`, also the unit's record
 * of the issued report (by the PDF's SHA-256, or by `--report UID`). Exit 1
 * when anything fails. A signed report's record holds the SIGNED PDF's hash;
 * a countersigned copy has a record of its own (`countersigns` names the first).
 */
export function registerReportVerifyCommand(program: Command, io: CliIo, run: Run): void {
  sessionOptions(reportCommand(program).command('verify').description('Check a report PDF: its signatures and, with --user, the unit record of its issue'), 'optional')
    .argument('<file>', 'the report PDF')
    .option('--report <uid>', 'the report id to compare with (default: found by the PDF SHA-256)')
    .action((file: string, options: VerifyOptions) =>
      run(async () => {
        const pdf = await fs.readFile(file);
        const pdfSha256 = crypto.createHash('sha256').update(pdf).digest('hex');
        const verification = verifyPdfSignatures(pdf);
        let reportRecord: { reportUid: string | null; pdfSha256: string | null; matches: boolean; countersigns?: string } | undefined;
        if (options.user) {
          reportRecord = await withSession(options, io, (services) => {
            const db = services.sessions.store().db;
            // A countersigned copy is recorded as a report of its own that names the one it countersigns;
            // `--report UID` (the id printed on the page, the first report's) also finds that copy.
            const select = `SELECT r.report_uid, r.pdf_sha256, o.report_uid AS countersigns FROM reports r LEFT JOIN reports o ON o.id = r.countersigns_report_id`;
            const rows = (
              options.report
                ? db.prepare(`${select} WHERE r.report_uid = @uid OR o.report_uid = @uid ORDER BY r.id`).all({ uid: options.report })
                : db.prepare(`${select} WHERE r.pdf_sha256 = ?`).all(pdfSha256)
            ) as { report_uid: string; pdf_sha256: string; countersigns: string | null }[];
            const row = rows.find((candidate) => candidate.pdf_sha256 === pdfSha256) ?? rows[0];
            return Promise.resolve({
              reportUid: row?.report_uid ?? null,
              pdfSha256: row?.pdf_sha256 ?? null,
              matches: row !== undefined && row.pdf_sha256 === pdfSha256,
              ...(row?.countersigns ? { countersigns: row.countersigns } : {}),
            });
          });
        }
        const ok = verification.ok && (reportRecord === undefined || reportRecord.matches);
        const result = {
          ok,
          pdfSha256,
          signatures: verification.signatures,
          modifiedAfterLastSignature: verification.modifiedAfterLastSignature,
          ...(reportRecord ? { reportRecord } : {}),
        };
        if (options.json === true) {
          printResult(io, true, result);
        } else {
          io.stdout(`${ok ? 'OK' : 'NOT VALID'}: ${file} (SHA-256 ${pdfSha256})\n`);
          verification.signatures.forEach((sig, i) => {
            io.stdout(
              `  signature ${i + 1}: ${sig.valid ? 'valid' : 'INVALID'}; ${sig.coversWholeDocument ? 'whole document' : 'earlier revision'}; ` +
                `${sig.signer ?? '?'}; SHA-256 ${sig.fingerprint ?? '?'}; ${sig.signedAt ?? ''}${sig.problems.length ? `; ${sig.problems.join('; ')}` : ''}\n`,
            );
          });
          if (verification.signatures.length === 0) io.stdout('  no signatures\n');
          if (verification.modifiedAfterLastSignature) io.stdout('  the file was changed after the last signature\n');
          if (reportRecord) {
            const of = reportRecord.countersigns ? ` (countersigns ${reportRecord.countersigns})` : '';
            io.stdout(`  unit record: ${reportRecord.reportUid ?? 'none'}${of}; ${reportRecord.matches ? 'matches' : 'DOES NOT MATCH'}\n`);
          }
        }
        if (!ok) throw new VerdictFailed();
      }),
    );
}
