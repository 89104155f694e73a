import { useState } from 'react';
import type { ChannelOutput } from '../../../../../shared/ipc/contract';
import { useApi } from '../../../app/api-context';
import { useI18n } from '../../../app/i18n';
import { useSession } from '../../../app/session/session-context';
import { SelectField, TextField } from '../../../components/Field';
import { Notice } from '../../../components/Notice';
import { TextArea, TimeField } from '../fields';
import { useCheckedSubmit } from '../useCheckedSubmit';
import { categoryName, formatDecimal } from '../text';
import { nowWallClock, officerTimeZone } from '../time';
import {
  correctionDraft,
  custodyInput,
  newCustodyDraft,
  validateCustody,
  type CustodyDraft,
  type CustodyEvent,
  type ItemRef,
} from './custody-model';

type CaseDetail = ChannelOutput<'cases.get'>;

/** The items of a case that can change hands: its live seizures and the samples of its live examinations. */
export function custodyItems(detail: CaseDetail): { ref: ItemRef; seizure?: CaseDetail['seizures'][number]; sample?: CaseDetail['examinations'][number]['samples'][number] }[] {
  const seizures = detail.seizures.filter((seizure) => !seizure.voided).map((seizure) => ({ ref: `seizure:${seizure.id}`, seizure }));
  const samples = detail.examinations
    .filter((examination) => !examination.voided && examination.correctedBy === null)
    .flatMap((examination) => examination.samples.map((sample) => ({ ref: `sample:${sample.id}`, sample })));
  return [...seizures, ...samples];
}

/**
 * One hand-over in the chain of custody: from whom, to whom (person and
 * agency), when, where, bags, seals, condition. Entries are never edited: a
 * correction is a new entry naming the one it corrects, with a reason.
 */
export function CustodyForm({
  detail,
  corrects,
  onDone,
  onCancel,
}: {
  detail: CaseDetail;
  corrects: CustodyEvent | null;
  onDone: () => void;
  onCancel: () => void;
}) {
  const api = useApi();
  const { t, language } = useI18n();
  const { info } = useSession();
  const timeZone = officerTimeZone();
  const items = custodyItems(detail);
  const [draft, setDraft] = useState<CustodyDraft>(() =>
    corrects
      ? correctionDraft(corrects, timeZone)
      : newCustodyDraft({
          custody: detail.custody,
          item: items[0]?.ref ?? '',
          officer: { name: info.user.displayName, agency: info.unit.name },
          now: nowWallClock(timeZone),
          place: info.unit.name,
        }),
  );
  const { form, busy, errorOf, message, edited, submit, handlers } = useCheckedSubmit(draft, (current: CustodyDraft) => validateCustody(current, timeZone, corrects !== null));

  const change = (patch: Partial<CustodyDraft>) => {
    setDraft((current) => ({ ...current, ...patch }));
    edited();
  };

  const chooseItem = (item: ItemRef) => {
    if (corrects) return change({ item });
    // A different item continues its own chain.
    const next = newCustodyDraft({
      custody: detail.custody,
      item,
      officer: { name: info.user.displayName, agency: info.unit.name },
      now: draft.handedOverAt,
      place: info.unit.name,
    });
    setDraft({ ...next, toPerson: draft.toPerson, toAgency: draft.toAgency, condition: draft.condition });
  };

  const send = () =>
    void submit(async (ready) => {
      await api.invoke('custody.record', custodyInput(detail.case.id, ready, timeZone, corrects));
      onDone();
    });

  const itemText = (item: (typeof items)[number]) =>
    item.seizure
      ? t('custody.item.seizure', {
          id: item.seizure.id,
          category: categoryName(t, language, item.seizure.category),
          quantity: formatDecimal(language, item.seizure.quantity),
          unit: t(`seizure.unit.${item.seizure.quantityUnit}`),
        })
      : item.sample
        ? t('custody.item.sample', { bag: item.sample.bagNumber, description: item.sample.description })
        : item.ref;

  return (
    <section className="panel case-form" aria-labelledby="custody-form-title" data-testid="custody-form">
      <h2 id="custody-form-title">{t(corrects ? 'custody.form.correctTitle' : 'custody.form.title', { id: corrects?.id ?? '' })}</h2>
      {items.length === 0 && <Notice kind="info">{t('custody.noItems')}</Notice>}
      <form ref={form} className="form" noValidate {...handlers(send)} aria-busy={busy}>
        <div className="field-grid">
          <SelectField label={t('custody.item')} value={draft.item} onChange={chooseItem} error={errorOf('item') ?? errorOf('seizureId') ?? errorOf('sampleId')}>
            <option value="">{t('custody.item.choose')}</option>
            {items.map((item) => (
              <option key={item.ref} value={item.ref}>
                {itemText(item)}
              </option>
            ))}
          </SelectField>
          <TimeField
            label={t('custody.handedOverAt')}
            hint={t('custody.handedOverAt.hint', { zone: timeZone })}
            value={draft.handedOverAt}
            error={errorOf('handedOverAt')}
            onChange={(value) => change({ handedOverAt: value })}
            onNow={() => change({ handedOverAt: nowWallClock(timeZone) })}
          />
          <TextField label={t('custody.place')} value={draft.place} error={errorOf('place')} onChange={(value) => change({ place: value })} />
        </div>
        <div className="custody-parties">
          <fieldset className="form-section">
            <legend>{t('custody.from')}</legend>
            <TextField label={t('custody.fromPerson')} value={draft.fromPerson} autoFocus={corrects === null} error={errorOf('fromPerson')} onChange={(value) => change({ fromPerson: value })} />
            <TextField label={t('custody.fromAgency')} value={draft.fromAgency} error={errorOf('fromAgency')} onChange={(value) => change({ fromAgency: value })} />
          </fieldset>
          <span className="custody-arrow" aria-hidden="true">
            →
          </span>
          <fieldset className="form-section">
            <legend>{t('custody.to')}</legend>
            <TextField label={t('custody.toPerson')} value={draft.toPerson} error={errorOf('toPerson')} onChange={(value) => change({ toPerson: value })} />
            <TextField label={t('custody.toAgency')} value={draft.toAgency} error={errorOf('toAgency')} onChange={(value) => change({ toAgency: value })} />
          </fieldset>
        </div>
        <div className="field-grid">
          <TextField label={t('custody.bagNumbers')} hint={t('custody.numbers.hint')} value={draft.bagNumbers} error={errorOf('bagNumbers')} onChange={(value) => change({ bagNumbers: value })} />
          <TextField label={t('custody.sealNumbers')} hint={t('custody.numbers.hint')} value={draft.sealNumbers} error={errorOf('sealNumbers')} onChange={(value) => change({ sealNumbers: value })} />
        </div>
        <TextArea label={t('custody.condition')} hint={t('custody.condition.hint')} rows={2} value={draft.condition} error={errorOf('condition')} onChange={(value) => change({ condition: value })} />
        {corrects && (
          <TextArea
            label={t('custody.correctionReason')}
            hint={t('custody.correctionReason.hint')}
            value={draft.correctionReason}
            autoFocus
            error={errorOf('correctionReason')}
            onChange={(value) => change({ correctionReason: value })}
          />
        )}
        {message && <Notice kind="error">{message}</Notice>}
        <div className="form-actions">
          <button type="button" className="secondary" onClick={onCancel} disabled={busy}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="primary" disabled={busy}>
            {busy ? t('common.saving') : t(corrects ? 'custody.form.submitCorrection' : 'custody.form.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
