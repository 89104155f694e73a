import { catalogues, translate, type MessageKey } from '../../../shared/i18n';
import type { Language } from '../../../shared/i18n/languages';
import type { CallContext, Caller, Handlers } from '../../../shared/ipc/dispatch';
import { DomainError } from '../../../shared/ipc/errors';
import { addCaseNote, assignCase, openCase, setCaseStatus } from '../casework/case-actions';
import { caseDetail } from '../casework/case-detail';
import { listCases } from '../casework/case-store';
import type { CaseworkScope } from '../casework/casework-actor';
import { attachmentContent } from '../casework/attachment-store';
import { addAttachment, recordCustody, recordSeizure, voidRecord } from '../casework/evidence-actions';
import { approveExamination, correctExamination, recordExamination } from '../casework/examination-actions';
import { examinationQueue } from '../casework/examination-queue';
import { listUsers } from '../vault/accounts';
import type { HandlerContext } from './context';

type CaseworkChannels =
  | 'examinations.queue'
  | 'cases.people'
  | 'cases.list'
  | 'cases.get'
  | 'cases.open'
  | 'cases.assign'
  | 'cases.setStatus'
  | 'cases.addNote'
  | 'examinations.record'
  | 'examinations.correct'
  | 'examinations.approve'
  | 'attachments.add'
  | 'attachments.get'
  | 'seizures.record'
  | 'custody.record'
  | 'records.void';

/**
 * Refusals name the record and the field in the officer's language: the
 * casework modules say which (`recordKind`/`recordId`, `field`), and the
 * words are added here, where the UI language is known.
 */
export function nameRecordsIn(error: DomainError, language: Language): DomainError {
  if (!error.details || typeof error.details !== 'object') return error;
  const details = { ...(error.details as Record<string, unknown>) };
  const recordKey = `casework.record.${String(details.recordKind)}`;
  if (typeof details.recordId === 'number' && Object.hasOwn(catalogues.en, recordKey)) {
    details.record = translate(language, recordKey as MessageKey, { id: details.recordId });
  }
  const fieldKey = `casework.field.${String(details.field)}`;
  if (typeof details.field === 'string' && Object.hasOwn(catalogues.en, fieldKey)) {
    details.fieldName = translate(language, fieldKey as MessageKey);
  }
  return new DomainError(error.code, error.message, details);
}

export function caseworkHandlers({ sessions, clock, language }: HandlerContext): Pick<Handlers, CaseworkChannels> {
  const db = () => sessions.store().db;

  /** Who acts: the logged-in user with the role dispatch checked for this call. */
  const scopeOf = (caller: Caller | null): CaseworkScope => {
    const { userId, userName } = sessions.actor();
    if (!caller || userId === null || userName === null) throw new DomainError('UNAUTHENTICATED', 'Log in first');
    return { store: sessions.store(), actor: { userId, userName, role: caller.role }, now: clock };
  };

  const named =
    <I, O>(handler: (input: I, scope: CaseworkScope) => Promise<O> | O) =>
    async (input: I, context: CallContext): Promise<O> => {
      try {
        return await handler(input, scopeOf(context.caller));
      } catch (error) {
        if (error instanceof DomainError) throw nameRecordsIn(error, await language());
        throw error;
      }
    };

  return {
    'examinations.queue': ({ limit, offset }) => examinationQueue(db(), { limit, offset }),

    'cases.people': () =>
      listUsers(db())
        .filter((user) => !user.disabled && !user.removed)
        .map((user) => ({ id: user.id, username: user.username, displayName: user.displayName, role: user.role })),

    'cases.list': ({ status, assignedToMe, text, year, awaitingApproval, limit, offset }) => {
      const me = sessions.actor().userId;
      return listCases(db(), {
        status,
        assignedTo: assignedToMe && me !== null ? me : undefined,
        text,
        year,
        awaitingApproval,
        limit,
        offset,
      });
    },

    'cases.get': ({ id }) => caseDetail(db(), id),

    'cases.open': named((input, scope) => openCase(scope, input)),
    'cases.assign': named((input, scope) => assignCase(scope, input)),
    'cases.setStatus': named((input, scope) => setCaseStatus(scope, input)),
    'cases.addNote': named(async (input, scope) => ({ id: (await addCaseNote(scope, input)).id })),

    'examinations.record': named((input, scope) => recordExamination(scope, input)),
    'examinations.correct': named((input, scope) => correctExamination(scope, input)),
    'examinations.approve': named((input, scope) => approveExamination(scope, input)),

    'attachments.add': named((input, scope) => addAttachment(scope, input)),
    'attachments.get': ({ id }) => {
      const content = attachmentContent(db(), id);
      return { mediaType: content.mediaType, fileName: content.fileName, dataBase64: content.bytes.toString('base64'), sha256: content.sha256 };
    },

    'seizures.record': named((input, scope) => recordSeizure(scope, input)),
    'custody.record': named((input, scope) => recordCustody(scope, input)),
    'records.void': named((input, scope) => voidRecord(scope, input)),
  };
}
