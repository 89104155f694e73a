import { mayAccess } from '../../../shared/domain/roles';
import type { CallContext, Caller, Handlers } from '../../../shared/ipc/dispatch';
import { DomainError } from '../../../shared/ipc/errors';
import { caseSubject } from '../casework/case-timeline';
import { describeError } from '../log';
import { loadReportSigner } from '../reports/report-signer';
import type { ReportPrinter } from '../reports/report-printer';
import { countersignReport, issueReport, listReports, recordedReportPdf, reportPdf, statisticsXlsx, type ReportDeps } from '../reports/report-service';
import type { HandlerContext } from './context';

type ReportChannels = 'reports.issue' | 'reports.countersign' | 'reports.list' | 'reports.get' | 'reports.print' | 'reports.statsXlsx';

/** Statistics are for managers: supervisors and administrators. */
const mayReadStatistics = (caller: Caller | null) => mayAccess('supervisor', caller?.role ?? null);

/**
 * `printer` is the runtime's print dialog (main/electron/report-printer.ts in
 * the app); null in the CLI and the harness, where `reports.print` refuses
 * with PRINT_UNAVAILABLE.
 */
export function reportHandlers({ sessions, clock, log }: HandlerContext, printer: ReportPrinter | null = null): Pick<Handlers, ReportChannels> {
  const deps = (context: CallContext): ReportDeps => {
    const { userId, userName } = sessions.actor();
    if (!context.caller || userId === null || userName === null) throw new DomainError('UNAUTHENTICATED', 'Log in first');
    return { store: sessions.store(), actor: { userId, userName }, clock, loadSigner: loadReportSigner };
  };
  return {
    'reports.issue': async (input, context) => {
      if (input.kind === 'statistics' && !mayReadStatistics(context.caller)) throw new DomainError('FORBIDDEN', 'Statistics are issued by supervisors');
      const issued = await issueReport(deps(context), { ...input, sign: input.sign ? { password: input.sign.password } : undefined });
      return { reportId: issued.reportId, reportUid: issued.reportUid, pdfBase64: issued.pdf.toString('base64'), sha256: issued.sha256, signed: issued.signed };
    },
    'reports.countersign': async ({ reportId, password }, context) => {
      const countersigned = await countersignReport(deps(context), { reportId, password });
      return {
        reportId: countersigned.reportId,
        reportUid: countersigned.reportUid,
        pdfBase64: countersigned.pdf.toString('base64'),
        sha256: countersigned.sha256,
        signed: countersigned.signed,
        countersigns: countersigned.countersigns,
      };
    },
    'reports.list': ({ caseId, limit }, context) => {
      const all = listReports(sessions.store().db, { caseId, limit });
      return mayReadStatistics(context.caller) ? all : all.filter((item) => item.kind !== 'statistics');
    },
    'reports.get': ({ id }, context) => {
      const { item, pdf } = reportPdf(sessions.store().db, id);
      if (item.kind === 'statistics' && !mayReadStatistics(context.caller)) throw new DomainError('FORBIDDEN', 'Statistics are for supervisors');
      return { report: item, pdfBase64: pdf.toString('base64') };
    },
    'reports.print': async ({ id }, context) => {
      const store = sessions.store();
      // Same rule as reports.get: statistics only for supervisors. Checked before the
      // printer, so a refused caller cannot learn whether printing is available.
      const { item } = reportPdf(store.db, id);
      if (item.kind === 'statistics' && !mayReadStatistics(context.caller)) throw new DomainError('FORBIDDEN', 'Statistics are for supervisors');
      if (!printer) throw new DomainError('PRINT_UNAVAILABLE', 'Printing is not available in this runtime: save the PDF and print it from a PDF reader');
      // Re-read and re-check: what goes to paper is the PDF exactly as issued, or nothing.
      const { pdf } = recordedReportPdf(store.db, id);
      let outcome: Awaited<ReturnType<ReportPrinter['print']>>;
      try {
        outcome = await printer.print(pdf, `PCU report ${item.reportUid}`);
      } catch (error) {
        log.error('printing a report failed', { reportUid: item.reportUid, ...describeError(error) });
        throw new DomainError('PRINT_FAILED', 'The report could not be printed', { reportUid: item.reportUid });
      }
      if (outcome === 'printed') {
        await store.record(sessions.actor(), {
          action: 'report.printed',
          subject: item.caseId !== null ? caseSubject(item.caseId) : `report:${item.id}`,
          details: { reportId: item.id, reportUid: item.reportUid, pdfSha256: item.pdfSha256 },
        });
      }
      return { outcome };
    },
    'reports.statsXlsx': async ({ from, to, language }, context) => {
      const xlsx = await statisticsXlsx(deps(context), { from, to, language });
      return { xlsxBase64: xlsx.toString('base64'), fileName: `statistics-${from}-${to}.xlsx` };
    },
  };
}
