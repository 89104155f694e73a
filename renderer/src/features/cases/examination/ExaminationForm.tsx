import { useEffect, useRef, useState } from 'react';
import type { z } from 'zod';
import { ExaminationMethod, ExaminationResult, type Examination, type Person } from '../../../../../shared/ipc/casework-contract';
import type { TargetDetail } from '../../../../../shared/ipc/risk-contract';
import { useApi } from '../../../app/api-context';
import { useI18n } from '../../../app/i18n';
import { useSession } from '../../../app/session/session-context';
import { useErrorText } from '../../../components/api-errors';
import { SelectField, TextField } from '../../../components/Field';
import { Notice } from '../../../components/Notice';
import { TextArea, TimeField } from '../fields';
import { useCheckedSubmit } from '../useCheckedSubmit';
import { knownTimeZones, nowWallClock, officerTimeZone } from '../time';
import { ConditionFieldset, ParticipantsFieldset, SamplesFieldset, SealsFieldset } from './DraftFieldsets';
import {
  declaredSealRows,
  draftFrom,
  examinationFields,
  newDraft,
  validateExamination,
  type ExaminationDraft,
} from './exam-model';
import { PhotoPicker } from './PhotoPicker';
import { capturedAt, fileBase64, mediaTypeOf, type PhotoDraft } from './photos';

type PersonInfo = z.infer<typeof Person>;
type Line = TargetDetail['line'];

/** What the form is for: a new examination of a consignment, or a correction of a recorded one. */
export type ExamTarget =
  | { readonly mode: 'record'; readonly consignmentId: number; readonly caseId: number | null; readonly label: string; readonly seals?: readonly string[] }
  | { readonly mode: 'correct'; readonly examination: Examination; readonly label: string };

interface Recorded {
  readonly examination: Examination;
  readonly reference: string | null;
}

/** The form's state as it was when the officer left the section (see memory.ts). */
export interface ExaminationMemory {
  readonly draft: ExaminationDraft;
  readonly photos: readonly PhotoDraft[];
  readonly recorded: Recorded | null;
}

/** An upload cut off by leaving the section may or may not have arrived: it is offered again only as failed, for a look first. */
const afterInterruption = (photos: readonly PhotoDraft[]): PhotoDraft[] =>
  photos.map((photo) => (photo.state === 'sending' ? { ...photo, state: 'failed' } : photo));

/**
 * The examination record, filled beside the container: keyboard first (Tab
 * through, Ctrl+Enter records), start time now in the officer's zone, the
 * officer already listed, the manifest's seals ready to tick. Photos go after
 * the record exists, so each belongs to it; each shows its SHA-256.
 */
export function ExaminationForm({
  target,
  memory,
  onMemory,
  onOpenCase,
  onClose,
}: {
  target: ExamTarget;
  memory: ExaminationMemory | null;
  onMemory: (memory: ExaminationMemory) => void;
  onOpenCase: (caseId: number, reference: string | null) => void;
  onClose: () => void;
}) {
  const api = useApi();
  const { t } = useI18n();
  const { info } = useSession();
  const errorText = useErrorText();
  const correcting = target.mode === 'correct';
  const [line, setLine] = useState<Line | null>(null);
  const [people, setPeople] = useState<readonly PersonInfo[]>([]);
  const [draft, setDraft] = useState<ExaminationDraft>(() =>
    memory
      ? memory.draft
      : target.mode === 'correct'
      ? draftFrom(target.examination)
      : newDraft({
          now: nowWallClock(officerTimeZone()),
          timeZone: officerTimeZone(),
          location: info.unit.name,
          officer: { name: info.user.displayName, agency: info.unit.name, role: t('examination.participant.defaultRole'), userId: info.user.id },
          declaredSeals: target.seals ?? [],
        }),
  );
  const [photos, setPhotos] = useState<readonly PhotoDraft[]>(() => afterInterruption(memory?.photos ?? []));
  const [refused, setRefused] = useState<readonly string[]>([]);
  const [recorded, setRecorded] = useState<Recorded | null>(memory?.recorded ?? null);
  const { form, busy, errorOf, message, edited, submit, handlers } = useCheckedSubmit(draft, (current: ExaminationDraft) => validateExamination(current, correcting));
  const sealsFilled = useRef(memory !== null || target.mode === 'correct' || (target.seals?.length ?? 0) > 0);
  useEffect(() => onMemory({ draft, photos, recorded }), [draft, photos, recorded, onMemory]);

  // The manifest line: what is being examined and which seals it declared.
  const consignmentId = target.mode === 'record' ? target.consignmentId : target.examination.consignmentId;
  useEffect(() => {
    let current = true;
    api.invoke('targets.detail', { consignmentId }).then(
      (detail) => {
        if (!current) return;
        setLine(detail.line);
        if (!sealsFilled.current && detail.line.seals.length > 0) {
          sealsFilled.current = true;
          setDraft((d) => (d.seals.length > 0 ? d : { ...d, seals: declaredSealRows(detail.line.seals) }));
        }
      },
      // Without the line the form still works: the officer types the seals.
      () => undefined,
    );
    api.invoke('cases.people').then(
      (list) => current && setPeople(list),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [api, consignmentId]);

  const change = (update: (draft: ExaminationDraft) => ExaminationDraft) => {
    setDraft(update);
    edited();
  };

  const now = () => nowWallClock(draft.timeZone || officerTimeZone());
  const locked = busy || recorded !== null;

  const sendPhotos = async (examination: Examination, list: readonly PhotoDraft[]) => {
    for (const photo of list) {
      if (photo.state === 'stored') continue;
      setPhotos((current) => current.map((item) => (item.key === photo.key ? { ...item, state: 'sending', error: undefined } : item)));
      try {
        const stored = await api.invoke('attachments.add', {
          caseId: examination.caseId,
          examinationId: examination.id,
          fileName: photo.file.name,
          mediaType: mediaTypeOf(photo.file),
          dataBase64: await fileBase64(photo.file),
          ...(photo.thumbnail ? { thumbnailDataUrl: photo.thumbnail } : {}),
          caption: photo.caption.trim(),
          capturedAt: capturedAt(photo.file),
        });
        setPhotos((current) =>
          current.map((item) => (item.key === photo.key ? { ...item, state: 'stored', sha256: stored.sha256, attachmentId: stored.id } : item)),
        );
      } catch (error) {
        setPhotos((current) => current.map((item) => (item.key === photo.key ? { ...item, state: 'failed', error: errorText(error) } : item)));
      }
    }
  };

  const send = () => {
    if (recorded) return;
    void submit(async (ready) => {
      const fields = examinationFields(ready);
      const examination =
        target.mode === 'correct'
          ? await api.invoke('examinations.correct', { examinationId: target.examination.id, correction: fields, reason: ready.correctionReason.trim() })
          : await api.invoke('examinations.record', { ...fields, consignmentId: target.consignmentId, ...(target.caseId ? { caseId: target.caseId } : {}) });
      const reference = await api.invoke('cases.get', { id: examination.caseId }).then(
        (detail) => detail.case.reference,
        () => null,
      );
      setRecorded({ examination, reference });
      await sendPhotos(examination, photos);
    });
  };

  const failedPhotos = photos.filter((photo) => photo.state === 'failed');
  const zones = knownTimeZones();

  return (
    <section className="panel exam-form-panel" aria-labelledby="exam-form-title" data-testid="examination-form">
      <header className="exam-form-head">
        <h2 id="exam-form-title">{t(correcting ? 'examination.form.correctTitle' : 'examination.form.title', { label: target.label })}</h2>
        {!recorded && <p className="muted">{t('examination.form.keys')}</p>}
      </header>
      {line && (
        <dl className="detail-facts exam-line" data-testid="exam-line">
          <dt>{t('cases.column.container')}</dt>
          <dd className="mono">{line.container ?? '—'}</dd>
          <dt>{t('cases.column.bl')}</dt>
          <dd className="mono">{line.bl ?? '—'}</dd>
          <dt>{t('cases.column.consignee')}</dt>
          <dd>{line.consignee?.name ?? '—'}</dd>
          <dt>{t('cases.column.goods')}</dt>
          <dd>{line.goods}</dd>
          <dt>{t('cases.column.vessel')}</dt>
          <dd>
            {line.vessel ?? '—'} {line.voyage ?? ''}
          </dd>
          <dt>{t('examination.seal.declaredList')}</dt>
          <dd className="mono">{line.seals.length > 0 ? line.seals.join(', ') : '—'}</dd>
        </dl>
      )}
      {recorded && (
        <Notice kind={failedPhotos.length > 0 ? 'warning' : 'success'} testId="exam-recorded">
          <p>
            {t(correcting ? 'examination.form.corrected' : 'examination.form.recorded', {
              id: recorded.examination.id,
              reference: recorded.reference ?? `#${recorded.examination.caseId}`,
            })}
          </p>
          {photos.length > 0 && (
            <p>
              {t('examination.photos.storedCount', {
                count: photos.filter((photo) => photo.state === 'stored').length,
                total: photos.length,
              })}
            </p>
          )}
          <div className="form-actions start">
            {failedPhotos.length > 0 && (
              <button type="button" className="secondary" disabled={busy} onClick={() => void sendPhotos(recorded.examination, failedPhotos)}>
                {t('examination.photos.retry')}
              </button>
            )}
            <button type="button" className="primary" onClick={() => onOpenCase(recorded.examination.caseId, recorded.reference)}>
              {t('examination.form.openCase')}
            </button>
            <button type="button" className="secondary" onClick={onClose}>
              {t('examination.form.done')}
            </button>
          </div>
        </Notice>
      )}
      <form ref={form} className="form exam-form" noValidate {...handlers(send)} aria-busy={busy}>
        <fieldset className="form-section">
          <legend>{t('examination.section.examination')}</legend>
          <div className="field-grid">
            <SelectField
              label={t('examination.method')}
              value={draft.method}
              disabled={locked}
              autoFocus
              error={errorOf('method')}
              onChange={(value) => change((d) => ({ ...d, method: ExaminationMethod.safeParse(value).data ?? '' }))}
            >
              <option value="">{t('examination.method.choose')}</option>
              {ExaminationMethod.options.map((method) => (
                <option key={method} value={method}>
                  {t(`examination.method.${method}`)}
                </option>
              ))}
            </SelectField>
            {draft.method === 'nii_scan' && (
              <TextField
                label={t('examination.scanImageRef')}
                hint={t('examination.scanImageRef.hint')}
                value={draft.scanImageRef}
                disabled={locked}
                error={errorOf('scanImageRef')}
                onChange={(value) => change((d) => ({ ...d, scanImageRef: value }))}
              />
            )}
            <TextField
              label={t('examination.location')}
              hint={t('examination.location.hint')}
              value={draft.location}
              disabled={locked}
              error={errorOf('location')}
              onChange={(value) => change((d) => ({ ...d, location: value }))}
            />
          </div>
          <div className="field-grid time-grid">
            <TimeField
              label={t('examination.startedAt')}
              value={draft.startedAt}
              disabled={locked}
              error={errorOf('startedAt')}
              onChange={(value) => change((d) => ({ ...d, startedAt: value }))}
              onNow={() => change((d) => ({ ...d, startedAt: now() }))}
            />
            <TimeField
              label={t('examination.endedAt')}
              hint={t('examination.endedAt.hint')}
              value={draft.endedAt}
              disabled={locked}
              error={errorOf('endedAt')}
              onChange={(value) => change((d) => ({ ...d, endedAt: value }))}
              onNow={() => change((d) => ({ ...d, endedAt: now() }))}
            />
            <TextField
              label={t('examination.timeZone')}
              hint={t('examination.timeZone.hint')}
              value={draft.timeZone}
              list="exam-time-zones"
              autoComplete="off"
              disabled={locked}
              error={errorOf('timeZone')}
              onChange={(value) => change((d) => ({ ...d, timeZone: value.trim() }))}
            />
            <datalist id="exam-time-zones">
              {zones.map((zone) => (
                <option key={zone} value={zone} />
              ))}
            </datalist>
          </div>
        </fieldset>

        <ParticipantsFieldset draft={draft} change={change} errorOf={errorOf} people={people} unitAgency={info.unit.name} disabled={locked} />
        <SealsFieldset draft={draft} change={change} errorOf={errorOf} disabled={locked} />
        <ConditionFieldset draft={draft} change={change} disabled={locked} />
        <SamplesFieldset draft={draft} change={change} errorOf={errorOf} disabled={locked} now={now} />

        <fieldset className="form-section">
          <legend>{t('examination.section.photos')}</legend>
          <PhotoPicker photos={photos} onChange={setPhotos} disabled={locked} tooLarge={setRefused} />
          {refused.length > 0 && (
            <Notice kind="warning">{t('examination.photos.tooLarge', { names: refused.join(', '), limitMb: 25 })}</Notice>
          )}
        </fieldset>

        <fieldset className="form-section">
          <legend>{t('examination.section.result')}</legend>
          <div className="field-grid">
            <SelectField
              label={t('examination.result')}
              value={draft.result}
              disabled={locked}
              error={errorOf('result')}
              onChange={(value) => change((d) => ({ ...d, result: ExaminationResult.safeParse(value).data ?? '' }))}
            >
              <option value="">{t('examination.result.choose')}</option>
              {ExaminationResult.options.map((result) => (
                <option key={result} value={result}>
                  {t(`examination.result.${result}`)}
                </option>
              ))}
            </SelectField>
          </div>
          <TextArea
            label={t('examination.notes')}
            value={draft.notes}
            disabled={locked}
            error={errorOf('notes')}
            onChange={(value) => change((d) => ({ ...d, notes: value }))}
          />
          {correcting && (
            <TextArea
              label={t('examination.correctionReason')}
              hint={t('examination.correctionReason.hint')}
              value={draft.correctionReason}
              disabled={locked}
              error={errorOf('correctionReason')}
              onChange={(value) => change((d) => ({ ...d, correctionReason: value }))}
            />
          )}
        </fieldset>

        {message && !recorded && <Notice kind="error">{message}</Notice>}
        {!recorded && (
          <div className="form-actions">
            <button type="button" className="secondary" onClick={onClose} disabled={busy}>
              {t('common.cancel')}
            </button>
            <button type="submit" className="primary" disabled={busy}>
              {busy ? t('common.saving') : t(correcting ? 'examination.form.submitCorrection' : 'examination.form.submit')}
            </button>
          </div>
        )}
      </form>
    </section>
  );
}
