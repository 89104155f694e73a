import { mayAccess } from '../../../shared/domain/roles';
import type { CallContext, Caller, Handlers } from '../../../shared/ipc/dispatch';
import { DomainError } from '../../../shared/ipc/errors';
import { loadReportSigner } from '../reports/report-signer';
import { issueReport, listReports, reportPdf, statisticsXlsx, type ReportDeps } from '../reports/report-service';
import type { HandlerContext } from './context';

type ReportChannels = 'reports.issue' | 'reports.list' | 'reports.get' | 'reports.statsXlsx';

/** Statistics are for managers: supervisors and administrators. */
const mayReadStatistics = (caller: Caller | null) => mayAccess('supervisor', caller?.role ?? null);

export function reportHandlers({ sessions, clock }: HandlerContext): Pick<Handlers, ReportChannels> {
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
    'reports.list': ({ caseId, limit }, context) => {
      const all = listReports(sessions.store().db, { caseId, limit });
      return mayReadStatistics(context.caller) ? all : all.filter((item) => item.kind !== 'statistics');
    },
    'reports.get': ({ id }, context) => {
      const { item, pdf } = reportPdf(sessions.store().db, id);
      if (item.kind === 'statistics' && !mayReadStatistics(context.caller)) throw new DomainError('FORBIDDEN', 'Statistics are for supervisors');
      return { report: item, pdfBase64: pdf.toString('base64') };
    },
    'reports.statsXlsx': async ({ from, to, language }, context) => {
      const xlsx = await statisticsXlsx(deps(context), { from, to, language });
      return { xlsxBase64: xlsx.toString('base64'), fileName: `statistics-${from}-${to}.xlsx` };
    },
  };
}
