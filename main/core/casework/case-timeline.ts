import type { Db } from '../db/open';
import type { AttachmentRecord } from './attachment-store';
import type { CustodyRecord } from './custody-store';
import type { ExaminationRecord } from './examination-store';
import type { NoteRecord } from './note-store';
import type { SeizureRecord } from './seizure-store';
import { mergeTimeline, type TimelineEntry } from './timeline';

/** Audit entries are filed under these subjects: the case, and each of its consignments (the selection that sent it here). */
export const caseSubject = (caseId: number) => `case:${caseId}`;
export const consignmentSubject = (consignmentId: number) => `consignment:${consignmentId}`;

export function auditTimeline(db: Db, caseId: number, consignmentIds: readonly number[]): TimelineEntry[] {
  const subjects = [caseSubject(caseId), ...consignmentIds.map(consignmentSubject)];
  const rows = db
    .prepare(`SELECT at, user_name, action, details_json FROM audit_log WHERE subject IN (${subjects.map(() => '?').join(', ')}) ORDER BY seq`)
    .all(...subjects) as { at: string; user_name: string | null; action: string; details_json: string }[];
  return rows.map((row) => {
    const details = JSON.parse(row.details_json) as Record<string, unknown>;
    return { at: row.at, kind: 'audit', summary: row.action, by: row.user_name, recordId: typeof details.recordId === 'number' ? details.recordId : null, details };
  });
}

export function recordTimeline(records: {
  examinations: readonly ExaminationRecord[];
  seizures: readonly SeizureRecord[];
  custody: readonly CustodyRecord[];
  notes: readonly NoteRecord[];
  attachments: readonly AttachmentRecord[];
}): TimelineEntry[] {
  const entry = (at: string, summary: string, by: string, recordId: number, details: Record<string, unknown>): TimelineEntry => ({ at, kind: 'record', summary, by, recordId, details });
  // A seizure has no time of its own: it was made at the end of the examination it came from.
  const seizedAt = (seizure: SeizureRecord) => {
    const source = records.examinations.find((examination) => examination.id === seizure.examinationId);
    return source ? (source.endedAt ?? source.startedAt) : seizure.recordedAt;
  };
  return [
    ...records.examinations.map((e) => entry(e.startedAt, 'examination', e.recordedBy, e.id, { method: e.method, result: e.result, endedAt: e.endedAt, timeZone: e.timeZone, voided: e.voided !== null, correctedBy: e.correctedBy })),
    ...records.seizures.map((z) => entry(seizedAt(z), 'seizure', z.recordedBy, z.id, { category: z.category, quantity: z.quantity, quantityUnit: z.quantityUnit, voided: z.voided !== null })),
    ...records.custody.map((k) => entry(k.handedOverAt, 'custody', k.recordedBy, k.id, { from: k.fromPerson, to: k.toPerson, gapHours: k.gapHours, voided: k.voided !== null, correctedBy: k.correctedBy })),
    ...records.notes.map((n) => entry(n.at, 'note', n.by, n.id, { voided: n.voided !== null })),
    ...records.attachments.map((a) => entry(a.capturedAt ?? a.addedAt, 'attachment', a.addedBy, a.id, { fileName: a.fileName, voided: a.voided !== null })),
  ];
}

export const caseTimeline = (records: TimelineEntry[], audit: TimelineEntry[]) => mergeTimeline(records, audit);
