import { createHash, randomUUID } from 'node:crypto';
import { mayAccess, type Role } from '../../../shared/domain/roles';
import type { Language } from '../../../shared/i18n/languages';
import { translate } from '../../../shared/i18n';
import { DomainError } from '../../../shared/ipc/errors';
import { auditChainHead, type Actor } from '../audit/audit-log';
import { caseSubject } from '../casework/case-timeline';
import type { Db } from '../db/open';
import { getUnit } from '../unit/unit-repository';
import { findUserById } from '../vault/accounts';
import type { UnitStore } from '../vault/vault';
import { buildCaseFile } from './documents/case-file';
import type { BuiltDocument, ReportStamp } from './documents/common';
import { buildExaminationReport } from './documents/examination';
import { buildStatisticsReport } from './documents/statistics';
import { renderPdf } from './render';
import { caseFileData, dataSha256, examinationReportData, headerOf, photoImages, type ReportHeader, type ReportImages } from './report-data';
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

type SignatureAppearance = Parameters<SignReportPdf>[1]['appearance'];

/**
 * The visible signature block of a report in `language`: the signer's name
 * and role, the unit, and the time in `timeZone`, the zone the report's
 * header prints its times in (else a Russian report's block would say UTC
 * under a header in Dushanbe time). The words come from the catalogue here:
 * the signing code has no i18n of its own.
 */
function signatureAppearance(
  language: Language,
  signer: { displayName: string; role: Role },
  unit: string,
  signedAt: Date,
  timeZone: string,
): SignatureAppearance {
  return {
    name: signer.displayName,
    role: translate(language, `role.${signer.role}`),
    unit,
    signedAt,
    timeZone,
    labels: {
      signedBy: translate(language, 'signature.block.signedBy', { name: signer.displayName }),
      date: translate(language, 'signature.block.date'),
      certificate: translate(language, 'signature.block.certificate'),
    },
  };
}

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
      // Every report's data starts with its header (report-data.ts): unit, and the zone its times print in.
      appearance: signatureAppearance(input.language, user, (built.data as ReportHeader).unit.name, deps.clock(), (built.data as ReportHeader).timeZone),
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
  /** Who issued (and, when signed, signed) it: for a countersignature, the supervisor. */
  readonly issuedById: number;
  readonly issuedBy: string;
  readonly issuedAt: string;
  /** On a countersigned copy: the report it countersigns. */
  readonly countersigns: { readonly id: number; readonly reportUid: string } | null;
  /** On a report that was countersigned: the countersigned copy. */
  readonly countersignature: { readonly id: number; readonly reportUid: string } | null;
}

export function listReports(db: Db, filter: { caseId?: number | undefined; limit: number }): ReportListItem[] {
  const rows = db
    .prepare(
      `SELECT r.id, r.report_uid, r.kind, r.case_id, c.reference, r.examination_id, r.language, r.pdf_sha256, r.data_sha256, r.audit_head_hash, r.signed, r.issued_by, u.display_name, r.issued_at,
              o.id AS countersigns_id, o.report_uid AS countersigns_uid, x.id AS countersignature_id, x.report_uid AS countersignature_uid
       FROM reports r JOIN users u ON u.id = r.issued_by LEFT JOIN cases c ON c.id = r.case_id
         LEFT JOIN reports o ON o.id = r.countersigns_report_id LEFT JOIN reports x ON x.countersigns_report_id = r.id
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
    issued_by: number;
    display_name: string;
    issued_at: string;
    countersigns_id: number | null;
    countersigns_uid: string | null;
    countersignature_id: number | null;
    countersignature_uid: string | null;
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
    issuedById: row.issued_by,
    issuedBy: row.display_name,
    issuedAt: row.issued_at,
    countersigns: row.countersigns_id !== null && row.countersigns_uid !== null ? { id: row.countersigns_id, reportUid: row.countersigns_uid } : null,
    countersignature: row.countersignature_id !== null && row.countersignature_uid !== null ? { id: row.countersignature_id, reportUid: row.countersignature_uid } : null,
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

/** A report named as on the command line: its record number, or its report id (UUID). */
export function findReportId(db: Db, reference: string): number {
  if (/^\d+$/.test(reference)) return Number(reference);
  const row = db.prepare('SELECT id FROM reports WHERE report_uid = ?').get(reference) as { id: number } | undefined;
  if (!row) throw new DomainError('NOT_FOUND', `There is no report ${reference}`, { what: 'report', id: reference });
  return row.id;
}

/**
 * The zone the report's header printed its times in, found again for a later
 * signature: an examination report's is its examination's, a case file's the
 * case's latest examination's (as report-data.ts chose them), else the
 * machine's.
 */
function reportTimeZone(db: Db, item: ReportListItem): string {
  const row = (
    item.examinationId !== null
      ? db.prepare('SELECT time_zone FROM examinations WHERE id = ?').get(item.examinationId)
      : db.prepare('SELECT time_zone FROM examinations WHERE case_id = ? ORDER BY id DESC LIMIT 1').get(item.caseId)
  ) as { time_zone: string } | undefined;
  return row?.time_zone ?? localZone();
}

/** Why `report` cannot be countersigned by `userId`, checked in the order a supervisor would want to hear it. */
function assertCountersignable(item: ReportListItem, userId: number): void {
  if (item.kind === 'statistics') throw new DomainError('REPORT_NOT_COUNTERSIGNABLE', 'Statistics are not signed, so they cannot be countersigned', { reportUid: item.reportUid });
  if (!item.signed) throw new DomainError('REPORT_NOT_SIGNED', `Report ${item.reportUid} was issued unsigned: only a signed report can be countersigned`, { reportUid: item.reportUid });
  const done = item.countersignature ?? (item.countersigns ? { id: item.id, reportUid: item.reportUid } : null);
  if (done) {
    throw new DomainError('REPORT_ALREADY_COUNTERSIGNED', `Report ${item.countersigns?.reportUid ?? item.reportUid} is already countersigned (report ${done.reportUid})`, {
      reportUid: item.countersigns?.reportUid ?? item.reportUid,
      countersignedAs: done.reportUid,
    });
  }
  // A second signature by the one who signed first attests nothing more.
  if (item.issuedById === userId) throw new DomainError('REPORT_OWN_COUNTERSIGNATURE', `Report ${item.reportUid} was signed by you: another supervisor countersigns it`, { reportUid: item.reportUid });
}

export interface CountersignInput {
  readonly reportId: number;
  /** The supervisor's signing-credential password (never stored), or that of `p12`. */
  readonly password: string;
  /** A PKCS#12 file given on the command line instead of the stored credential. */
  readonly p12?: Buffer | undefined;
}

/** As issued, plus the report countersigned (no page count: the pages are the first report's). */
export type CountersignedReport = Omit<IssuedReport, 'pages'> & { readonly countersigns: { readonly id: number; readonly reportUid: string } };

/**
 * A supervisor countersigns a signed examination report or case file: the
 * recorded PDF, checked against its SHA-256, gets a second signature as an
 * incremental update (the officer's stays valid; the block goes in the
 * countersign slot beside it). The result is a new file, so a new record:
 * a `reports` row naming the report it countersigns, audited
 * `report.countersigned`. The original row, with the officer's PDF, is not
 * touched.
 */
export async function countersignReport(deps: ReportDeps, input: CountersignInput): Promise<CountersignedReport> {
  const db = deps.store.db;
  const user = findUserById(db, deps.actor.userId);
  if (!user) throw new DomainError('UNAUTHENTICATED', 'Log in first');
  // Also the contract's rule; repeated here for the CLI's --p12 path, which does not go through dispatch.
  if (!mayAccess('supervisor', user.role)) throw new DomainError('FORBIDDEN', 'Reports are countersigned by supervisors');
  const { item } = reportPdf(db, input.reportId);
  assertCountersignable(item, user.id);
  const { pdf: signedPdf } = recordedReportPdf(db, item.id);
  if (!deps.loadSigner) throw new DomainError('SIGNING_NO_CREDENTIAL', 'Signing is not available here');
  const sign = await deps.loadSigner();
  const language: Language = item.language === 'ru' ? 'ru' : 'en';
  const at = deps.clock();
  const result = await sign(db, {
    pdf: signedPdf,
    userId: user.id,
    password: input.password,
    ...(input.p12 ? { p12: input.p12 } : {}),
    appearance: signatureAppearance(language, user, getUnit(db).name, at, reportTimeZone(db, item)),
  });
  // The same certificate twice attests nothing more, whoever used it (e.g. the first signer's P12 given to `--p12`).
  const { verifyPdfSignatures } = await import('../signing/verify-pdf');
  if (verifyPdfSignatures(signedPdf).signatures.some((signature) => signature.fingerprint === result.fingerprint)) {
    throw new DomainError('REPORT_OWN_COUNTERSIGNATURE', `Report ${item.reportUid} is already signed with this certificate`, { reportUid: item.reportUid });
  }
  const sha256 = createHash('sha256').update(result.pdf).digest('hex');
  const reportUid = randomUUID();
  const original = db.prepare('SELECT data_sha256, audit_head_hash FROM reports WHERE id = ?').get(item.id) as { data_sha256: string; audit_head_hash: string };
  const actor: Actor = { userId: deps.actor.userId, userName: deps.actor.userName };
  const reportId = await deps.store.change(
    actor,
    (id: number) => ({
      action: 'report.countersigned',
      subject: item.caseId !== null ? caseSubject(item.caseId) : `report:${item.id}`,
      details: { reportId: id, reportUid, countersignsReportId: item.id, countersignsReportUid: item.reportUid, kind: item.kind, language, countersignedPdfSha256: item.pdfSha256, pdfSha256: sha256 },
    }),
    (database) => {
      // Signing took a while: another supervisor may have countersigned meanwhile (the unique index would refuse it too, less clearly).
      const raced = database.prepare('SELECT report_uid FROM reports WHERE countersigns_report_id = ?').get(item.id) as { report_uid: string } | undefined;
      if (raced) throw new DomainError('REPORT_ALREADY_COUNTERSIGNED', `Report ${item.reportUid} is already countersigned (report ${raced.report_uid})`, { reportUid: item.reportUid, countersignedAs: raced.report_uid });
      return Number(
        database
          .prepare(
            `INSERT INTO reports (report_uid, kind, case_id, examination_id, language, data_sha256, audit_head_hash, pdf_sha256, pdf, signed, issued_by, issued_at, countersigns_report_id)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?)`,
          )
          .run(reportUid, item.kind, item.caseId, item.examinationId, item.language, original.data_sha256, original.audit_head_hash, sha256, result.pdf, user.id, at.toISOString(), item.id).lastInsertRowid,
      );
    },
  );
  return {
    reportId,
    reportUid,
    kind: item.kind,
    pdf: result.pdf,
    sha256,
    dataSha256: original.data_sha256,
    auditHead: original.audit_head_hash,
    signed: true,
    countersigns: { id: item.id, reportUid: item.reportUid },
  };
}
