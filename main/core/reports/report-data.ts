import { createHash } from 'node:crypto';
import type { z } from 'zod';
import type { Language } from '../../../shared/i18n/languages';
import type { CaseDetail, CaseSummary, CustodyEvent, Examination, Seizure } from '../../../shared/ipc/casework-contract';
import { DomainError } from '../../../shared/ipc/errors';
import { attachmentContent } from '../casework/attachment-store';
import { caseDetail } from '../casework/case-detail';
import type { Db } from '../db/open';
import { indicatorTexts } from '../handlers/risk-handlers';
import { firedIndicatorsOf, watchHitsOf } from '../risk/targets';
import { getUnit } from '../unit/unit-repository';

/**
 * What a report is built from: plain JSON, read once from the database. The
 * document builders are pure over it, and its canonical JSON is what the
 * report's printed data SHA-256 covers (photos by their SHA-256, not bytes).
 */
export interface ReportHeader {
  readonly unit: { readonly name: string; readonly locode: string };
  readonly language: Language;
  readonly issuedAt: string;
  readonly issuedBy: string;
  /** Times print in this zone (the examination's, else the issuing machine's). */
  readonly timeZone: string;
}

export interface SelectionFacts {
  readonly decision: string;
  readonly reason: string;
  readonly by: string;
  readonly at: string;
  readonly profile: { readonly name: string; readonly version: number; readonly score: number; readonly lane: string; readonly randomPick: boolean } | null;
  readonly fired: readonly { readonly id: string; readonly name: string; readonly reason: string; readonly weight: number }[];
  readonly watchHits: readonly { readonly type: string; readonly value: string; readonly matched: string; readonly weight: number; readonly severity: string }[];
}

export interface ConsignmentFacts {
  readonly id: number;
  readonly vessel: string | null;
  readonly imo: string | null;
  readonly voyage: string | null;
  readonly bl: string | null;
  readonly container: string | null;
  readonly consignee: string | null;
  readonly goods: string;
  readonly seals: readonly string[];
}

export type CaseDetailData = z.output<typeof CaseDetail>;
export type ExaminationData = z.output<typeof Examination>;
export type SeizureData = z.output<typeof Seizure>;
export type CustodyData = z.output<typeof CustodyEvent>;
export type PhotoData = { readonly id: number; readonly fileName: string; readonly mediaType: string; readonly caption: string; readonly sha256: string; readonly capturedAt: string | null };

export interface ExaminationReportData extends ReportHeader {
  readonly kind: 'examination';
  readonly case: z.output<typeof CaseSummary>;
  readonly consignment: ConsignmentFacts | null;
  readonly selection: SelectionFacts | null;
  readonly examination: ExaminationData;
  /** Examinations of the case that correct this one or that it corrects. */
  readonly corrections: readonly ExaminationData[];
  readonly photos: readonly PhotoData[];
  readonly seizures: readonly SeizureData[];
  readonly custody: readonly CustodyData[];
  readonly voided: readonly { readonly kind: string; readonly id: number; readonly reason: string; readonly by: string; readonly at: string }[];
}

export interface CaseFileData extends ReportHeader {
  readonly kind: 'case_file';
  readonly detail: Omit<CaseDetailData, 'timeline' | 'attachments'> & { readonly attachments: readonly (PhotoData & { readonly byteLength: number; readonly addedBy: string; readonly addedAt: string; readonly voided: boolean })[] };
  readonly consignments: readonly ConsignmentFacts[];
  readonly selections: readonly (SelectionFacts & { readonly consignmentId: number })[];
}

/** Images handed to the builders beside the data, keyed `photo:<attachment id>` (data: URLs of PNG/JPEG). */
export type ReportImages = Readonly<Record<string, string>>;

/** Canonical JSON: object keys sorted, no spaces; arrays keep their order. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item === undefined ? null : item)).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, item]) => item !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
}

export const dataSha256 = (data: unknown): string => createHash('sha256').update(canonicalJson(data), 'utf8').digest('hex');

export function headerOf(db: Db, options: { language: Language; issuedAt: Date; issuedBy: string; timeZone: string }): ReportHeader {
  const unit = getUnit(db);
  return { unit: { name: unit.name, locode: unit.locode }, language: options.language, issuedAt: options.issuedAt.toISOString(), issuedBy: options.issuedBy, timeZone: options.timeZone };
}

function consignmentFacts(db: Db, detail: CaseDetailData, consignmentId: number): ConsignmentFacts | null {
  const line = detail.consignments.find((item) => item.id === consignmentId);
  if (!line) return null;
  // The case read model has no IMO: it is the manifest's.
  const imo = (db.prepare('SELECT imo FROM manifests WHERE id = ?').get(line.manifestId) as { imo: string | null } | undefined)?.imo ?? null;
  return { id: line.id, vessel: line.vessel, imo, voyage: line.voyage, bl: line.bl, container: line.container, consignee: line.consignee, goods: line.goods, seals: line.seals };
}

/** The latest selection of the line, with the score it was decided on and why that score was what it was. */
export function selectionFacts(db: Db, consignmentId: number, language: Language): SelectionFacts | null {
  const row = db
    .prepare(
      `SELECT x.decision, x.reason, u.display_name AS by_name, x.decided_at, s.id AS score_id, s.total, s.band, s.random_pick, p.name AS profile, v.version
       FROM selections x JOIN users u ON u.id = x.decided_by
       LEFT JOIN scores s ON s.id = x.score_id LEFT JOIN profile_versions v ON v.id = s.profile_version_id LEFT JOIN profiles p ON p.id = v.profile_id
       WHERE x.consignment_id = ? AND x.decision IN ('targeted', 'random') ORDER BY x.id DESC LIMIT 1`,
    )
    .get(consignmentId) as
    | { decision: string; reason: string; by_name: string; decided_at: string; score_id: number | null; total: number | null; band: string | null; random_pick: number | null; profile: string | null; version: number | null }
    | undefined;
  if (!row) return null;
  const scoreId = row.score_id;
  return {
    decision: row.decision,
    reason: row.reason,
    by: row.by_name,
    at: row.decided_at,
    profile:
      scoreId !== null && row.profile !== null && row.version !== null
        ? { name: row.profile, version: row.version, score: row.total ?? 0, lane: row.band ?? '', randomPick: row.random_pick === 1 }
        : null,
    fired: scoreId === null ? [] : firedIndicatorsOf(db, scoreId).map((fired) => ({ id: fired.id, weight: fired.weight, ...indicatorTexts(language, fired.id, fired.evidence) })),
    watchHits: scoreId === null ? [] : watchHitsOf(db, scoreId).map((hit) => ({ type: hit.type, value: hit.value, matched: hit.matched, weight: hit.weight, severity: hit.severity })),
  };
}

const photoOf = (attachment: CaseDetailData['attachments'][number]): PhotoData => ({
  id: attachment.id,
  fileName: attachment.fileName,
  mediaType: attachment.mediaType,
  caption: attachment.caption,
  sha256: attachment.sha256,
  capturedAt: attachment.capturedAt,
});

const isImage = (mediaType: string) => mediaType === 'image/png' || mediaType === 'image/jpeg';

function voidedOf(detail: CaseDetailData): ExaminationReportData['voided'] {
  const all: { kind: string; id: number; voided: { reason: string; by: string; at: string } | null }[] = [
    ...detail.examinations.map((item) => ({ kind: 'examination', id: item.id, voided: item.voided })),
    ...detail.seizures.map((item) => ({ kind: 'seizure', id: item.id, voided: item.voided })),
    ...detail.custody.map((item) => ({ kind: 'custody', id: item.id, voided: item.voided })),
    ...detail.notes.map((item) => ({ kind: 'note', id: item.id, voided: item.voided })),
    ...detail.attachments.map((item) => ({ kind: 'attachment', id: item.id, voided: item.voided })),
  ];
  return all.flatMap((item) => (item.voided ? [{ kind: item.kind, id: item.id, ...item.voided }] : []));
}

/** Fields of a case's records that hold the account name of the officer who acted. */
const PERSON_FIELDS = new Set(['recordedBy', 'approvedBy', 'addedBy', 'openedBy', 'assignedTo', 'by']);

/**
 * The case as a report prints it: the records name officers by account
 * (`aziz`), which a prosecutor cannot place; a report names them as the
 * unit's user list does (`Aziz Karimov`). Accounts no longer in the list stay as they are.
 */
function caseDetailForReport(db: Db, caseId: number): CaseDetailData {
  const names = new Map(
    (db.prepare('SELECT username, display_name FROM users').all() as { username: string; display_name: string }[]).map((user) => [user.username, user.display_name] as const),
  );
  const rename = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(rename);
    if (value === null || typeof value !== 'object' || Buffer.isBuffer(value)) return value;
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, PERSON_FIELDS.has(key) && typeof item === 'string' ? (names.get(item) ?? item) : rename(item)]),
    );
  };
  return rename(caseDetail(db, caseId)) as CaseDetailData;
}

/**
 * The examination report's data: the case's examination (the one named, else
 * the latest that counts), its consignment and why it was selected, its
 * photos, samples, seizures and their custody, corrections and approval.
 */
export function examinationReportData(db: Db, input: { caseId: number; examinationId?: number | undefined }, header: ReportHeader): ExaminationReportData {
  const detail = caseDetailForReport(db, input.caseId);
  const live = detail.examinations.filter((item) => !item.voided && item.correctedBy === null);
  const examination =
    input.examinationId !== undefined ? detail.examinations.find((item) => item.id === input.examinationId) : live[live.length - 1] ?? detail.examinations[detail.examinations.length - 1];
  if (!examination) throw new DomainError('NOT_FOUND', `Case ${input.caseId} has no examination to report`, { what: 'examination', id: input.examinationId ?? 0 });
  const related = (id: number, seen = new Set<number>()): void => {
    if (seen.has(id)) return;
    seen.add(id);
    const record = detail.examinations.find((item) => item.id === id);
    if (record?.correctsExaminationId) related(record.correctsExaminationId, seen);
    if (record?.correctedBy) related(record.correctedBy, seen);
  };
  const chain = new Set<number>();
  related(examination.id, chain);
  const seizures = detail.seizures.filter((item) => item.examinationId !== null && item.examinationId !== undefined && chain.has(item.examinationId));
  const seizureIds = new Set(seizures.map((item) => item.id));
  const sampleIds = new Set(examination.samples.map((item) => item.id));
  return {
    ...header,
    timeZone: examination.timeZone,
    kind: 'examination',
    case: detail.case,
    consignment: consignmentFacts(db, detail, examination.consignmentId),
    selection: selectionFacts(db, examination.consignmentId, header.language),
    examination,
    corrections: detail.examinations.filter((item) => item.id !== examination.id && chain.has(item.id)),
    photos: detail.attachments.filter((item) => !item.voided && isImage(item.mediaType) && (item.examinationId === null || chain.has(item.examinationId))).map(photoOf),
    seizures,
    custody: detail.custody.filter((item) => (typeof item.seizureId === 'number' && seizureIds.has(item.seizureId)) || (typeof item.sampleId === 'number' && sampleIds.has(item.sampleId))),
    voided: voidedOf(detail).filter((item) => (item.kind === 'examination' && chain.has(item.id)) || (item.kind === 'seizure' && seizureIds.has(item.id)) || item.kind === 'custody'),
  };
}

/** The case file's data: everything the case holds, voided and corrected records included and marked. */
export function caseFileData(db: Db, input: { caseId: number }, header: ReportHeader): CaseFileData {
  const { timeline: _timeline, attachments, ...detail } = caseDetailForReport(db, input.caseId);
  const full = { ...detail, attachments, timeline: [] };
  const zone = detail.examinations[detail.examinations.length - 1]?.timeZone ?? header.timeZone;
  return {
    ...header,
    timeZone: zone,
    kind: 'case_file',
    detail: {
      ...detail,
      attachments: attachments.map((item) => ({ ...photoOf(item), byteLength: item.byteLength, addedBy: item.addedBy, addedAt: item.addedAt, voided: item.voided !== null })),
    },
    consignments: detail.consignments.flatMap((line) => consignmentFacts(db, full, line.id) ?? []),
    selections: detail.consignments.flatMap((line) => {
      const facts = selectionFacts(db, line.id, header.language);
      return facts ? [{ ...facts, consignmentId: line.id }] : [];
    }),
  };
}

/** The photos' bytes as data: URLs for the builders (only PNG and JPEG, which pdfmake embeds). */
export function photoImages(db: Db, photos: readonly PhotoData[]): ReportImages {
  const images: Record<string, string> = {};
  for (const photo of photos) {
    if (!isImage(photo.mediaType)) continue;
    const content = attachmentContent(db, photo.id);
    images[`photo:${photo.id}`] = `data:${content.mediaType};base64,${content.bytes.toString('base64')}`;
  }
  return images;
}
