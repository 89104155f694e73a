import { z } from 'zod';
import type { Access } from '../domain/roles';
import { Language } from '../i18n/languages';

/**
 * IPC channels of the report documents: issue (examination report, case
 * file, statistics), countersign, list, fetch, print, and the statistics workbook. Spread into
 * the one contract table (contract.ts). PDFs and workbooks cross as base64.
 * Statistics are for supervisors: `reports.issue` is open to officers and
 * its handler refuses `kind: 'statistics'` below supervisor.
 */
const channel = <I extends z.ZodType, O extends z.ZodType>(def: { input: I; output: O; access: Access; summary: string }) => def;

const Id = z.number().int().positive();
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date such as 2026-03-31');
export const ReportKind = z.enum(['examination', 'case_file', 'statistics']);

export const ReportListItem = z.object({
  id: Id,
  reportUid: z.string(),
  kind: ReportKind,
  caseId: Id.nullable(),
  caseReference: z.string().nullable(),
  examinationId: Id.nullable(),
  language: z.string(),
  pdfSha256: z.string(),
  dataSha256: z.string(),
  auditHeadHash: z.string(),
  signed: z.boolean(),
  issuedById: Id,
  issuedBy: z.string(),
  issuedAt: z.string(),
  /** On a countersigned copy: the report it countersigns. */
  countersigns: z.object({ id: Id, reportUid: z.string() }).nullable(),
  /** On a countersigned report: its countersigned copy (a report is countersigned once). */
  countersignature: z.object({ id: Id, reportUid: z.string() }).nullable(),
});

export const reportsChannels = {
  'reports.issue': channel({
    input: z
      .object({
        kind: ReportKind,
        caseId: Id.optional(),
        examinationId: Id.optional(),
        from: Day.optional(),
        to: Day.optional(),
        language: Language,
        sign: z.object({ password: z.string().min(1).max(1024) }).optional(),
      })
      .superRefine((value, context) => {
        if (value.kind !== 'statistics' && value.caseId === undefined) context.addIssue({ code: 'custom', path: ['caseId'], message: 'a case is required' });
        if (value.kind === 'statistics' && (!value.from || !value.to)) context.addIssue({ code: 'custom', path: [value.from ? 'to' : 'from'], message: 'a period is required' });
      }),
    output: z.object({ reportId: Id, reportUid: z.string(), pdfBase64: z.string(), sha256: z.string(), signed: z.boolean() }),
    access: 'officer',
    summary: 'Issue an examination report or case file (officers) or statistics for a period (supervisors) as PDF, optionally signed; recorded and audited.',
  }),
  'reports.countersign': channel({
    input: z.object({ reportId: Id, password: z.string().min(1).max(1024) }),
    output: z.object({ reportId: Id, reportUid: z.string(), pdfBase64: z.string(), sha256: z.string(), signed: z.boolean(), countersigns: z.object({ id: Id, reportUid: z.string() }) }),
    access: 'supervisor',
    summary:
      'Countersign a signed examination report or case file with the supervisor’s certificate (password asked now, never stored): the recorded PDF, checked against its SHA-256, gets a second signature as an incremental update, recorded as a new report linked to the first; audited.',
  }),
  'reports.list': channel({
    input: z.object({ caseId: Id.optional(), limit: z.number().int().min(1).max(500).default(100) }).default({ limit: 100 }),
    output: z.array(ReportListItem),
    access: 'officer',
    summary: 'Reports issued, newest first (statistics only for supervisors).',
  }),
  'reports.get': channel({
    input: z.object({ id: Id }),
    output: z.object({ report: ReportListItem, pdfBase64: z.string() }),
    access: 'officer',
    summary: 'One issued report with its PDF exactly as issued.',
  }),
  'reports.print': channel({
    input: z.object({ id: Id }),
    output: z.object({ outcome: z.enum(['printed', 'cancelled']) }),
    access: 'officer',
    summary: 'Print one issued report through the system print dialog, after checking the stored PDF against its recorded SHA-256 (PRINT_UNAVAILABLE where this runtime has no printer).',
  }),
  'reports.statsXlsx': channel({
    input: z.object({ from: Day, to: Day, language: Language }),
    output: z.object({ xlsxBase64: z.string(), fileName: z.string() }),
    access: 'supervisor',
    summary: 'The statistics of a period as an xlsx workbook (summary, seizures, profiles, indicators).',
  }),
};
