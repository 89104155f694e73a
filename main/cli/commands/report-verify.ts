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
 * when anything fails. A signed report's record holds the SIGNED PDF's hash.
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
        let reportRecord: { reportUid: string | null; pdfSha256: string | null; matches: boolean } | undefined;
        if (options.user) {
          reportRecord = await withSession(options, io, (services) => {
            const db = services.sessions.store().db;
            const row = (
              options.report
                ? db.prepare('SELECT report_uid, pdf_sha256 FROM reports WHERE report_uid = ?').get(options.report)
                : db.prepare('SELECT report_uid, pdf_sha256 FROM reports WHERE pdf_sha256 = ?').get(pdfSha256)
            ) as { report_uid: string; pdf_sha256: string } | undefined;
            return Promise.resolve({
              reportUid: row?.report_uid ?? null,
              pdfSha256: row?.pdf_sha256 ?? null,
              matches: row !== undefined && row.pdf_sha256 === pdfSha256,
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
          if (reportRecord) io.stdout(`  unit record: ${reportRecord.reportUid ?? 'none'}; ${reportRecord.matches ? 'matches' : 'DOES NOT MATCH'}\n`);
        }
        if (!ok) throw new VerdictFailed();
      }),
    );
}
