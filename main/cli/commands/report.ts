import { promises as fs } from 'node:fs';
import path from 'node:path';
import { Option, type Command } from 'commander';
import type { ChannelOutput } from '../../../shared/ipc/contract';
import { DomainError } from '../../../shared/ipc/errors';
import type { Language } from '../../../shared/i18n/languages';
import { loadReportSigner } from '../../core/reports/report-signer';
import { countersignReport, findReportId, issueReport } from '../../core/reports/report-service';
import type { Services } from '../../core/services';
import type { CliIo } from '../io';
import { sessionOptions } from '../options';
import { call, readSecret, withSession, type SessionOptions } from '../session';

type Run = (task: () => Promise<void>) => Promise<void>;

interface CaseReportOptions extends SessionOptions {
  readonly case: string;
  readonly examination?: string;
  readonly lang: Language;
  readonly sign?: boolean;
  readonly p12?: string;
  readonly out: string;
}

interface CountersignOptions extends SessionOptions {
  readonly report: string;
  readonly p12?: string;
  readonly out: string;
}

interface StatsOptions extends SessionOptions {
  readonly from: string;
  readonly to: string;
  readonly lang: Language;
  readonly out: string;
}

/**
 * The `report` command group. Created once; other modules (e.g. `report
 * verify` of the signing work) get the same group through this function and
 * add their subcommands to it.
 */
export function reportCommand(program: Command): Command {
  return program.commands.find((command) => command.name() === 'report') ?? program.command('report').description('Report documents: examination reports, case files, statistics');
}

const positiveId = (text: string, field: string): number => {
  const value = Number(text);
  if (!Number.isInteger(value) || value <= 0) throw new DomainError('INVALID_ARGUMENT', `--${field} takes a record number`, { detail: `--${field} takes a record number` });
  return value;
};

/** Writes a file without following a link planted at the path, and says what was written. */
async function writeOut(io: CliIo, json: boolean | undefined, file: string, bytes: Buffer, facts: Record<string, unknown>): Promise<void> {
  await fs.writeFile(file, bytes);
  io.stdout(json ? `${JSON.stringify({ file: path.resolve(file), ...facts }, null, 2)}\n` : `${path.resolve(file)}\n`);
}

async function issueCaseReport(services: Services, io: CliIo, kind: 'examination' | 'case_file', options: CaseReportOptions) {
  const caseId = positiveId(options.case, 'case');
  const examinationId = options.examination ? positiveId(options.examination, 'examination') : undefined;
  if (!options.sign) {
    const issued = await call<ChannelOutput<'reports.issue'>>(services, 'reports.issue', { kind, caseId, ...(examinationId ? { examinationId } : {}), language: options.lang });
    return { pdf: Buffer.from(issued.pdfBase64, 'base64'), reportUid: issued.reportUid, sha256: issued.sha256, signed: issued.signed };
  }
  // Signing goes past the IPC table: a P12 file given here never crosses IPC.
  const password = readSecret(io, 'PCU_P12_PASSWORD', undefined);
  const p12 = options.p12 ? await fs.readFile(options.p12) : undefined;
  const { userId, userName } = services.sessions.actor();
  if (userId === null || userName === null) throw new DomainError('UNAUTHENTICATED', 'Log in first');
  const issued = await issueReport(
    { store: services.sessions.store(), actor: { userId, userName }, clock: () => new Date(), loadSigner: loadReportSigner },
    { kind, caseId, examinationId, language: options.lang, sign: { password, p12 } },
  );
  return { pdf: issued.pdf, reportUid: issued.reportUid, sha256: issued.sha256, signed: issued.signed };
}

/**
 * Countersigns through the service, not the channel, like `--sign` above: a
 * P12 file given here never crosses IPC. The service checks the role itself
 * (supervisor), as the channel's access would.
 */
async function countersign(services: Services, io: CliIo, options: CountersignOptions) {
  const password = readSecret(io, 'PCU_P12_PASSWORD', undefined);
  const p12 = options.p12 ? await fs.readFile(options.p12) : undefined;
  const { userId, userName } = services.sessions.actor();
  if (userId === null || userName === null) throw new DomainError('UNAUTHENTICATED', 'Log in first');
  const store = services.sessions.store();
  return countersignReport(
    { store, actor: { userId, userName }, clock: () => new Date(), loadSigner: loadReportSigner },
    { reportId: findReportId(store.db, options.report), password, p12 },
  );
}

export function registerReportCommands(program: Command, io: CliIo, run: Run): void {
  const report = reportCommand(program);
  const lang = () => new Option('--lang <language>', 'language of the document').choices(['en', 'ru']).default(io.language);

  for (const [name, kind, what] of [
    ['examination', 'examination', 'the examination report of a case (its latest examination that counts, or --examination ID)'],
    ['case', 'case_file', 'the case file: every examination, seizure, hand-over, note and attachment, with contents'],
  ] as const) {
    const command = sessionOptions(report.command(name).description(`Issue ${what} as PDF; recorded and audited`))
      .requiredOption('--case <id>', 'the case number (as in pcu case list --json)')
      .addOption(lang())
      .option('--sign', 'sign as the user (PAdES); the P12 password from $PCU_P12_PASSWORD')
      .option('--p12 <file>', 'with --sign: the PKCS#12 file to sign with instead of the stored credential')
      .requiredOption('--out <file>', 'where to write the PDF');
    if (kind === 'examination') command.option('--examination <id>', 'which examination of the case');
    command.action((options: CaseReportOptions) =>
      run(async () => {
        if (options.p12 && !options.sign) throw new DomainError('INVALID_ARGUMENT', '--p12 goes with --sign', { detail: '--p12 goes with --sign' });
        const issued = await withSession(options, io, (services) => issueCaseReport(services, io, kind, options));
        await writeOut(io, options.json, options.out, issued.pdf, { reportUid: issued.reportUid, sha256: issued.sha256, signed: issued.signed });
      }),
    );
  }

  sessionOptions(report.command('countersign').description('Countersign a signed examination report or case file (supervisors): a second signature beside the first, recorded as a new report; the P12 password from $PCU_P12_PASSWORD'))
    .requiredOption('--report <id>', 'the report: its id (UUID, as printed on it) or record number')
    .option('--p12 <file>', 'the PKCS#12 file to sign with instead of the stored credential')
    .requiredOption('--out <file>', 'where to write the countersigned PDF')
    .action((options: CountersignOptions) =>
      run(async () => {
        const countersigned = await withSession(options, io, (services) => countersign(services, io, options));
        await writeOut(io, options.json, options.out, countersigned.pdf, {
          reportUid: countersigned.reportUid,
          sha256: countersigned.sha256,
          signed: countersigned.signed,
          countersigns: countersigned.countersigns.reportUid,
        });
      }),
    );

  sessionOptions(report.command('stats').description('Statistics for a period (supervisors): PDF, or xlsx when --out ends in .xlsx'))
    .requiredOption('--from <date>', 'first day, YYYY-MM-DD')
    .requiredOption('--to <date>', 'last day, YYYY-MM-DD (included)')
    .addOption(lang())
    .requiredOption('--out <file>', 'FILE.pdf or FILE.xlsx')
    .action((options: StatsOptions) =>
      run(async () => {
        const xlsx = options.out.toLowerCase().endsWith('.xlsx');
        if (!xlsx && !options.out.toLowerCase().endsWith('.pdf')) throw new DomainError('INVALID_ARGUMENT', '--out must end in .pdf or .xlsx', { detail: '--out must end in .pdf or .xlsx' });
        const period = { from: options.from, to: options.to, language: options.lang };
        if (xlsx) {
          const book = await withSession(options, io, (services) => call<ChannelOutput<'reports.statsXlsx'>>(services, 'reports.statsXlsx', period));
          await writeOut(io, options.json, options.out, Buffer.from(book.xlsxBase64, 'base64'), {});
          return;
        }
        const issued = await withSession(options, io, (services) => call<ChannelOutput<'reports.issue'>>(services, 'reports.issue', { kind: 'statistics', ...period }));
        await writeOut(io, options.json, options.out, Buffer.from(issued.pdfBase64, 'base64'), { reportUid: issued.reportUid, sha256: issued.sha256 });
      }),
    );
}
