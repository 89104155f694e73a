import { createHash, randomUUID } from 'node:crypto';
import type { Language } from '../../../shared/i18n/languages';
import { translate } from '../../../shared/i18n';
import { DomainError } from '../../../shared/ipc/errors';
import { auditChainHead, type Actor } from '../audit/audit-log';
import { caseSubject } from '../casework/case-timeline';
import type { Db } from '../db/open';
import { findUserById } from '../vault/accounts';
import type { UnitStore } from '../vault/vault';
import { buildCaseFile } from './documents/case-file';
import type { BuiltDocument, ReportStamp } from './documents/common';
import { buildExaminationReport } from './documents/examination';
import { buildStatisticsReport } from './documents/statistics';
import { renderPdf } from './render';
import { caseFileData, dataSha256, examinationReportData, headerOf, photoImages, type ReportImages } from './report-data';
import type { SignReportPdf } from './report-signer';
import { statisticsData } from './statistics-data';

export type ReportKind = 'examination' | 'case_file' | 'statistics';

export interface IssueReportInput {
  readonly kind: ReportKind;
  readonly caseId?: number | undefined;
  readonly examinationId?: number | undefined;
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  readonly language: Language;
  /** Sign as the issuing officer: the password of their signing credential (never stored), or a P12 file with its password. */
  readonly sign?: { readonly password: string; readonly p12?: Buffer | undefined } | undefined;
}

export interface IssuedReport {
  readonly reportId: number;
  readonly reportUid: string;
  readonly kind: ReportKind;
  readonly pdf: Buffer;
  /** SHA-256 of the PDF as stored. */
  readonly sha256: string;
  readonly dataSha256: string;
  readonly auditHead: string;
  readonly signed: boolean;
  readonly pages: number;
}

export interface ReportDeps {
  readonly store: UnitStore;
  readonly actor: { readonly userId: number; readonly userName: string };
  readonly clock: () => Date;
  /** Where the machine's own time zone is unknown to the data (statistics). */
  readonly timeZone?: string;
  /** Loaded only when a report is to be signed. */
  readonly loadSigner?: () => Promise<SignReportPdf>;
}

export interface BuiltReport {
  readonly data: object;
  readonly document: BuiltDocument;
  readonly stamp: ReportStamp;
}

const localZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/** Reads the data, stamps it (new id, data SHA-256, audit chain head) and builds the document definition. Pure but for the reads. */
export function buildReport(db: Db, input: IssueReportInput, issuer: { name: string; at: Date; timeZone?: string | undefined }, images?: (photos: ReportImages) => void): BuiltReport {
  const header = headerOf(db, { language: input.language, issuedAt: issuer.at, issuedBy: issuer.name, timeZone: issuer.timeZone ?? localZone() });
  const stampOf = (data: object): ReportStamp => ({ reportUid: randomUUID(), dataSha256: dataSha256(data), auditHead: auditChainHead(db).hash });
  switch (input.kind) {
    case 'examination': {
      if (input.caseId === undefined) throw new DomainError('INVALID_INPUT', 'An examination report needs a case', { field: 'caseId' });
      const data = examinationReportData(db, { caseId: input.caseId, examinationId: input.examinationId }, header);
      const stamp = stampOf(data);
      const photos = photoImages(db, data.photos);
      images?.(photos);
      return { data, stamp, document: buildExaminationReport(data, stamp, photos) };
    }
    case 'case_file': {
      if (input.caseId === undefined) throw new DomainError('INVALID_INPUT', 'A case file needs a case', { field: 'caseId' });
      const data = caseFileData(db, { caseId: input.caseId }, header);
      const stamp = stampOf(data);
      const photos = photoImages(db, data.detail.attachments.filter((item) => !item.voided));
      return { data, stamp, document: buildCaseFile(data, stamp, photos) };
    }
    case 'statistics': {
      if (!input.from || !input.to) throw new DomainError('INVALID_INPUT', 'Statistics need a period', { field: input.from ? 'to' : 'from' });
      const data = statisticsData(db, { from: input.from, to: input.to }, header);
      const stamp = stampOf(data);
      return { data, stamp, document: buildStatisticsReport(data, stamp) };
    }
    default: {
      const never: never = input.kind;
      throw new Error(`unknown report kind ${String(never)}`);
    }
  }
}

/**
 * Issues one report: data → document → PDF → (signed) → recorded in
 * `reports` with its audit entry `report.issued`, in one transaction. The PDF
 * is rendered (and signed) before the transaction: both are slow and
 * asynchronous, and nothing is stored unless both succeed.
 */
export async function issueReport(deps: ReportDeps, input: IssueReportInput): Promise<IssuedReport> {
  const db = deps.store.db;
  const user = findUserById(db, deps.actor.userId);
  if (!user) throw new DomainError('UNAUTHENTICATED', 'Log in first');
  const at = deps.clock();
  const built = buildReport(db, input, { name: user.displayName, at, timeZone: deps.timeZone });
  const rendered = await renderPdf(built.document.docDefinition);
  let pdf = rendered.pdf;
  let signed = false;
  if (input.sign) {
    if (!built.document.signature) throw new DomainError('INVALID_INPUT', 'Statistics are not signed', { field: 'sign' });
    if (!deps.loadSigner) throw new DomainError('SIGNING_NO_CREDENTIAL', 'Signing is not available here');
    const sign = await deps.loadSigner();
    const result = await sign(db, {
      pdf,
      userId: user.id,
      password: input.sign.password,
      ...(input.sign.p12 ? { p12: input.sign.p12 } : {}),
      appearance: { name: user.displayName, role: translate(input.language, `role.${user.role}` as Parameters<typeof translate>[1]), unit: built.data && 'unit' in built.data ? (built.data as { unit: { name: string } }).unit.name : '', signedAt: deps.clock() },
    });
    pdf = result.pdf;
    signed = true;
  }
  const sha256 = createHash('sha256').update(pdf).digest('hex');
  const actor: Actor = { userId: deps.actor.userId, userName: deps.actor.userName };
  const reportId = await deps.store.change(
    actor,
    (id: number) => ({
      action: 'report.issued',
      subject: input.caseId !== undefined ? caseSubject(input.caseId) : `report:${id}`,
      details: { reportId: id, reportUid: built.stamp.reportUid, kind: input.kind, language: input.language, dataSha256: built.stamp.dataSha256, auditHead: built.stamp.auditHead, pdfSha256: sha256, signed, ...(input.kind === 'statistics' ? { from: input.from, to: input.to } : {}) },
    }),
    (database) =>
      Number(
        database
          .prepare(
            `INSERT INTO reports (report_uid, kind, case_id, examination_id, language, data_sha256, audit_head_hash, pdf_sha256, pdf, signed, issued_by, issued_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(
            built.stamp.reportUid,
            input.kind,
            input.kind === 'statistics' ? null : (input.caseId ?? null),
            input.kind === 'examination' ? (('examination' in built.data ? (built.data as { examination: { id: number } }).examination.id : input.examinationId) ?? null) : null,
            input.language,
            built.stamp.dataSha256,
            built.stamp.auditHead,
            sha256,
            pdf,
            signed ? 1 : 0,
            user.id,
            at.toISOString(),
          ).lastInsertRowid,
      ),
  );
  return { reportId, reportUid: built.stamp.reportUid, kind: input.kind, pdf, sha256, dataSha256: built.stamp.dataSha256, auditHead: built.stamp.auditHead, signed, pages: rendered.pages };
}

/** The statistics as a workbook: not recorded as an issued report (it is a working export), but stamped the same way. */
export async function statisticsXlsx(deps: Pick<ReportDeps, 'store' | 'actor' | 'clock' | 'timeZone'>, input: { from: string; to: string; language: Language }): Promise<Buffer> {
  const db = deps.store.db;
  const user = findUserById(db, deps.actor.userId);
  if (!user) throw new DomainError('UNAUTHENTICATED', 'Log in first');
  const header = headerOf(db, { language: input.language, issuedAt: deps.clock(), issuedBy: user.displayName, timeZone: deps.timeZone ?? localZone() });
  const data = statisticsData(db, { from: input.from, to: input.to }, header);
  const { statisticsWorkbook } = await import('./statistics-xlsx');
  return statisticsWorkbook(data, { reportUid: randomUUID(), dataSha256: dataSha256(data), auditHead: auditChainHead(db).hash });
}

export interface ReportListItem {
  readonly id: number;
  readonly reportUid: string;
  readonly kind: ReportKind;
  readonly caseId: number | null;
  readonly caseReference: string | null;
  readonly examinationId: number | null;
  readonly language: string;
  readonly pdfSha256: string;
  readonly dataSha256: string;
  readonly auditHeadHash: string;
  readonly signed: boolean;
  readonly issuedBy: string;
  readonly issuedAt: string;
}

export function listReports(db: Db, filter: { caseId?: number | undefined; limit: number }): ReportListItem[] {
  const rows = db
    .prepare(
      `SELECT r.id, r.report_uid, r.kind, r.case_id, c.reference, r.examination_id, r.language, r.pdf_sha256, r.data_sha256, r.audit_head_hash, r.signed, u.display_name, r.issued_at
       FROM reports r JOIN users u ON u.id = r.issued_by LEFT JOIN cases c ON c.id = r.case_id
       WHERE (@caseId IS NULL OR r.case_id = @caseId) ORDER BY r.id DESC LIMIT @limit`,
    )
    .all({ caseId: filter.caseId ?? null, limit: filter.limit }) as {
    id: number;
    report_uid: string;
    kind: ReportKind;
    case_id: number | null;
    reference: string | null;
    examination_id: number | null;
    language: string;
    pdf_sha256: string;
    data_sha256: string;
    audit_head_hash: string;
    signed: number;
    display_name: string;
    issued_at: string;
  }[];
  return rows.map((row) => ({
    id: row.id,
    reportUid: row.report_uid,
    kind: row.kind,
    caseId: row.case_id,
    caseReference: row.reference,
    examinationId: row.examination_id,
    language: row.language,
    pdfSha256: row.pdf_sha256,
    dataSha256: row.data_sha256,
    auditHeadHash: row.audit_head_hash,
    signed: row.signed === 1,
    issuedBy: row.display_name,
    issuedAt: row.issued_at,
  }));
}

export function reportPdf(db: Db, id: number): { item: ReportListItem; pdf: Buffer } {
  const row = db.prepare('SELECT pdf, case_id FROM reports WHERE id = ?').get(id) as { pdf: Buffer; case_id: number | null } | undefined;
  const item = row ? listReports(db, { caseId: row.case_id ?? undefined, limit: 1_000_000 }).find((report) => report.id === id) : undefined;
  if (!row || !item) throw new DomainError('NOT_FOUND', `There is no report ${id}`, { what: 'report', id });
  return { item, pdf: Buffer.from(row.pdf) };
}

/**
 * The stored PDF, refused unless its SHA-256 still equals the one recorded at
 * issue. For what leaves the workstation through main (a print job), where
 * no renderer check stands between the database and the paper: a report
 * altered in the database must not be printed as if it were the one issued.
 */
export function recordedReportPdf(db: Db, id: number): { item: ReportListItem; pdf: Buffer } {
  const { item, pdf } = reportPdf(db, id);
  const actual = createHash('sha256').update(pdf).digest('hex');
  if (actual !== item.pdfSha256) {
    throw new DomainError('REPORT_ALTERED', `The stored PDF of report ${item.reportUid} does not match the SHA-256 recorded at issue`, { reportUid: item.reportUid, recorded: item.pdfSha256, actual });
  }
  return { item, pdf };
}
