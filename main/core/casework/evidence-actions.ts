import { DomainError } from '../../../shared/ipc/errors';
import type { Db } from '../db/open';
import { checkAttachment, decodeThumbnail } from './attachment-rules';
import { attachmentsOfCase, insertAttachment, type AttachmentRecord } from './attachment-store';
import { advanceCase, changeCase, isGiven, type CaseworkScope } from './casework-actor';
import { assertCaseOpen, caseById, type CaseRow } from './case-store';
import { assertTwoParties, custodyOfCase, custodyState, insertCustodyEvent, type CustodyContent, type CustodyRecord } from './custody-store';
import { assertNotInFuture, toUtc } from './examination-rules';
import { assertNotSuperseded, examinationState, sampleCase, soleLiveExamination } from './examination-store';
import type { VoidableKind } from './live-records';
import { assertSeizureFigures, insertSeizure, seizureCase, seizuresOfCase, type SeizureContent, type SeizureRecord } from './seizure-store';
import { assertNotVoided, insertVoid } from './void-store';

type RecordKind = VoidableKind | 'sample' | 'consignment';

function notInCase(kind: RecordKind, id: number, field: string, found: CaseRow): DomainError {
  return new DomainError('RECORD_NOT_IN_CASE', `${kind} ${id} is not in case ${found.reference}`, { recordKind: kind, recordId: id, field, reference: found.reference });
}

/** An examination named by a seizure or a photo: of this case, and not voided. */
function assertExaminationOfCase(db: Db, examinationId: number, found: CaseRow): void {
  const state = examinationState(db, examinationId);
  if (state.caseId !== found.id) throw notInCase('examination', examinationId, 'examinationId', found);
  assertNotVoided(db, 'examination', examinationId);
}

export interface AttachmentUpload {
  readonly caseId: number;
  readonly examinationId?: number | null | undefined;
  readonly fileName: string;
  readonly mediaType: string;
  readonly dataBase64: string;
  readonly thumbnailDataUrl?: string | undefined;
  readonly caption: string;
  readonly capturedAt?: string | undefined;
}

/**
 * Stores a photo or document in the encrypted database. The bytes are
 * checked and hashed before the transaction (see attachment-rules.ts); the
 * hash recorded is of the bytes as they arrived.
 */
export function addAttachment(scope: CaseworkScope, input: AttachmentUpload): Promise<AttachmentRecord> {
  const checked = checkAttachment(input);
  const thumbnail = input.thumbnailDataUrl ? decodeThumbnail(input.thumbnailDataUrl, input.fileName).bytes : null;
  if (input.capturedAt) assertNotInFuture('capturedAt', input.capturedAt, scope.now());
  return changeCase(
    scope,
    (attachment: AttachmentRecord) => ({
      action: 'attachment.added',
      caseId: attachment.caseId,
      details: { recordId: attachment.id, examinationId: attachment.examinationId, sha256: attachment.sha256, byteLength: attachment.byteLength, mediaType: attachment.mediaType },
    }),
    (db, at) => {
      const found = caseById(db, input.caseId);
      if (isGiven(input.examinationId)) assertExaminationOfCase(db, input.examinationId, found);
      const id = insertAttachment(db, {
        caseId: found.id,
        examinationId: input.examinationId ?? null,
        fileName: input.fileName,
        mediaType: checked.mediaType,
        bytes: checked.bytes,
        sha256: checked.sha256,
        thumbnail,
        caption: input.caption,
        capturedAt: input.capturedAt ? toUtc(input.capturedAt) : null,
        addedBy: scope.actor.userId,
        addedAt: at.toISOString(),
      });
      const stored = attachmentsOfCase(db, found.id).find((attachment) => attachment.id === id);
      if (!stored) throw new Error('stored attachment not found');
      return stored;
    },
  );
}

/**
 * Records a seizure. It names the examination it came from; left out, the
 * case's only examination that counts is taken (hit rates count seizures
 * through the examination of the consignment). The case moves to "seizure".
 */
export function recordSeizure(scope: CaseworkScope, input: SeizureContent): Promise<SeizureRecord> {
  assertSeizureFigures(input);
  return changeCase(
    scope,
    (seizure: SeizureRecord) => ({
      action: 'seizure.recorded',
      caseId: seizure.caseId,
      details: { recordId: seizure.id, examinationId: seizure.examinationId ?? null, category: seizure.category, quantity: seizure.quantity, quantityUnit: seizure.quantityUnit },
    }),
    (db, at) => {
      const found = caseById(db, input.caseId);
      assertCaseOpen(found);
      let examinationId: number | null = null;
      if (isGiven(input.examinationId)) {
        assertExaminationOfCase(db, input.examinationId, found);
        assertNotSuperseded(examinationState(db, input.examinationId));
        examinationId = input.examinationId;
      } else {
        examinationId = soleLiveExamination(db, found.id);
      }
      const id = insertSeizure(db, { content: input, examinationId, recordedBy: scope.actor.userId, recordedAt: at.toISOString() });
      advanceCase(db, scope, at, found, 'seizure');
      const stored = seizuresOfCase(db, found.id).find((seizure) => seizure.id === id);
      if (!stored) throw new Error('stored seizure not found');
      return stored;
    },
  );
}

/** The item a hand-over moves: seized goods or a sample of this case, not voided. */
function assertCustodyItem(db: Db, input: CustodyContent, found: CaseRow): void {
  if (isGiven(input.seizureId)) {
    const caseId = seizureCase(db, input.seizureId);
    if (caseId === null) throw new DomainError('NOT_FOUND', `There is no seizure ${input.seizureId}`, { what: 'seizure', id: input.seizureId });
    if (caseId !== found.id) throw notInCase('seizure', input.seizureId, 'seizureId', found);
    assertNotVoided(db, 'seizure', input.seizureId);
  } else if (isGiven(input.sampleId)) {
    const owner = sampleCase(db, input.sampleId);
    if (owner === null) throw new DomainError('NOT_FOUND', `There is no sample ${input.sampleId}`, { what: 'sample', id: input.sampleId });
    if (owner.caseId !== found.id) throw notInCase('sample', input.sampleId, 'sampleId', found);
    assertNotVoided(db, 'examination', owner.examinationId);
  }
}

/**
 * Appends a hand-over to the chain of custody. A correction names the entry
 * it corrects (the latest of its chain, of this case, not voided) and says
 * why; the corrected entry stays as it was (the table refuses edits).
 */
export function recordCustody(scope: CaseworkScope, input: CustodyContent): Promise<CustodyRecord> {
  if (isGiven(input.seizureId) === isGiven(input.sampleId)) {
    throw new DomainError('CUSTODY_ITEM_REQUIRED', 'A hand-over names exactly one item: a seizure or a sample', { field: !isGiven(input.seizureId) ? 'seizureId' : 'sampleId' });
  }
  assertTwoParties(input);
  assertNotInFuture('handedOverAt', input.handedOverAt, scope.now());
  const correctionReason = input.correctionReason?.trim() ?? '';
  if (input.correctsEventId !== undefined && correctionReason === '') {
    throw new DomainError('CORRECTION_REASON_REQUIRED', 'A correction needs a reason', { field: 'correctionReason' });
  }
  // A reason without an entry to correct has nothing to explain; it is not stored.
  const content: CustodyContent = input.correctsEventId !== undefined ? { ...input, correctionReason } : { ...input, correctionReason: undefined };
  return changeCase(
    scope,
    (event: CustodyRecord) => ({
      action: event.correctsEventId !== undefined ? 'custody.corrected' : 'custody.recorded',
      caseId: event.caseId,
      details: {
        recordId: event.id,
        seizureId: event.seizureId ?? null,
        sampleId: event.sampleId ?? null,
        ...(event.correctsEventId !== undefined ? { correctsEventId: event.correctsEventId, reason: event.correctionReason } : {}),
        gapHours: event.gapHours,
      },
    }),
    (db, at) => {
      const found = caseById(db, content.caseId);
      assertCustodyItem(db, content, found);
      if (content.correctsEventId !== undefined) {
        const corrected = custodyState(db, content.correctsEventId);
        if (!corrected) throw new DomainError('NOT_FOUND', `There is no custody entry ${content.correctsEventId}`, { what: 'custody entry', id: content.correctsEventId });
        if (corrected.caseId !== found.id) throw notInCase('custody', corrected.id, 'correctsEventId', found);
        assertNotVoided(db, 'custody', corrected.id);
        if (corrected.correctedBy !== null) {
          throw new DomainError('RECORD_SUPERSEDED', `Custody entry ${corrected.id} is corrected by ${corrected.correctedBy}`, {
            recordKind: 'custody',
            recordId: corrected.id,
            correctedBy: corrected.correctedBy,
          });
        }
      }
      const id = insertCustodyEvent(db, { content, recordedBy: scope.actor.userId, recordedAt: at.toISOString() });
      const stored = custodyOfCase(db, found.id).find((event) => event.id === id);
      if (!stored) throw new Error('stored custody entry not found');
      return stored;
    },
  );
}

/**
 * A supervisor voids a record with a reason (the channel requires the role).
 * Nothing is deleted: the record stays, marked, and stops counting for hit
 * rates, referral checks and the chain of custody.
 */
export function voidRecord(scope: CaseworkScope, input: { kind: VoidableKind; id: number; reason: string }): Promise<{ kind: VoidableKind; id: number }> {
  return changeCase(
    scope,
    (voided: { kind: VoidableKind; id: number; caseId: number }) => ({ action: 'record.voided', caseId: voided.caseId, details: { kind: voided.kind, recordId: voided.id, reason: input.reason } }),
    (db, at) => {
      const { caseId } = insertVoid(db, { kind: input.kind, id: input.id, reason: input.reason, userId: scope.actor.userId, at: at.toISOString() });
      return { kind: input.kind, id: input.id, caseId };
    },
  ).then(({ kind, id }) => ({ kind, id }));
}
