import { useState } from 'react';
import { quantityUnits } from '../../../../../shared/domain/seizure-categories';
import type { ChannelOutput } from '../../../../../shared/ipc/contract';
import { useApi } from '../../../app/api-context';
import { useI18n } from '../../../app/i18n';
import { SelectField, TextField } from '../../../components/Field';
import { Notice } from '../../../components/Notice';
import { rowKey } from '../examination/exam-model';
import { RemoveRowButton, TextArea } from '../fields';
import { useCheckedSubmit } from '../useCheckedSubmit';
import { categoriesByGroup, categoryName, cenGroupName } from '../text';
import { zonedText } from '../time';
import { isCategory, isUnit, newSeizureDraft, seizureInput, validateSeizure, type SeizureDraft, type SeizurePartyDraft } from './seizure-model';

type CaseDetail = ChannelOutput<'cases.get'>;

const concealmentSuggestions = [
  'seizure.concealment.suggest.cargo',
  'seizure.concealment.suggest.compartment',
  'seizure.concealment.suggest.ripOn',
  'seizure.concealment.suggest.structure',
  'seizure.concealment.suggest.reefer',
  'seizure.concealment.suggest.packaging',
] as const;

/**
 * A seizure: what (category under its WCO CEN group), how much (quantity and
 * unit are both required), where it was hidden, its estimated value, and the
 * persons and companies linked to it.
 */
export function SeizureForm({ detail, onDone, onCancel }: { detail: CaseDetail; onDone: () => void; onCancel: () => void }) {
  const api = useApi();
  const { t, language } = useI18n();
  const usable = detail.examinations.filter((examination) => !examination.voided && examination.correctedBy === null);
  const latest = usable.at(-1);
  const [draft, setDraft] = useState<SeizureDraft>(() => newSeizureDraft(latest ? latest.id : null, 'USD'));
  const { form, busy, errorOf, message, edited, submit, handlers } = useCheckedSubmit(draft, validateSeizure);

  const change = (patch: Partial<SeizureDraft>) => {
    setDraft((current) => ({ ...current, ...patch }));
    edited();
  };
  const setParty = (key: number, patch: Partial<SeizurePartyDraft>) =>
    setDraft((current) => ({ ...current, parties: current.parties.map((party) => (party.key === key ? { ...party, ...patch } : party)) }));
  const send = () =>
    void submit(async (ready) => {
      await api.invoke('seizures.record', seizureInput(detail.case.id, ready));
      onDone();
    });

  // Companies named on the consignments, offered as one-key links.
  const consignees = [...new Set(detail.consignments.map((line) => line.consignee).filter((name): name is string => !!name))].filter(
    (name) => !draft.parties.some((party) => party.name === name),
  );

  return (
    <section className="panel case-form" aria-labelledby="seizure-form-title" data-testid="seizure-form">
      <h2 id="seizure-form-title">{t('seizure.form.title')}</h2>
      <form ref={form} className="form" noValidate {...handlers(send)} aria-busy={busy}>
        <div className="field-grid">
          <SelectField
            label={t('seizure.category')}
            value={draft.category}
            autoFocus
            error={errorOf('category')}
            onChange={(value) => change({ category: isCategory(value) ? value : '' })}
          >
            <option value="">{t('seizure.category.choose')}</option>
            {categoriesByGroup().map(({ group, codes }) => (
              <optgroup key={group} label={cenGroupName(t, language, group)}>
                {codes.map((code) => (
                  <option key={code} value={code}>
                    {categoryName(t, language, code)}
                  </option>
                ))}
              </optgroup>
            ))}
          </SelectField>
          <SelectField
            label={t('seizure.examination')}
            value={draft.examinationId}
            error={errorOf('examinationId')}
            onChange={(value) => change({ examinationId: value })}
          >
            <option value="">{t('seizure.examination.none')}</option>
            {usable.map((examination) => (
              <option key={examination.id} value={String(examination.id)}>
                {t('seizure.examination.option', {
                  id: examination.id,
                  method: t(`examination.method.${examination.method}`),
                  when: zonedText(examination.startedAt, examination.timeZone),
                })}
              </option>
            ))}
          </SelectField>
        </div>
        <div className="field-grid quantity-grid">
          <TextField
            label={t('seizure.quantity')}
            hint={t('seizure.quantity.hint')}
            value={draft.quantity}
            inputMode="decimal"
            autoComplete="off"
            error={errorOf('quantity')}
            onChange={(value) => change({ quantity: value })}
          />
          <SelectField label={t('seizure.unit')} value={draft.quantityUnit} error={errorOf('quantityUnit')} onChange={(value) => change({ quantityUnit: isUnit(value) ? value : '' })}>
            <option value="">{t('seizure.unit.choose')}</option>
            {quantityUnits.map((unit) => (
              <option key={unit} value={unit}>
                {t(`seizure.unit.${unit}`)}
              </option>
            ))}
          </SelectField>
          <TextField
            label={t('seizure.value')}
            hint={t('seizure.value.hint')}
            value={draft.estimatedValue}
            inputMode="decimal"
            autoComplete="off"
            error={errorOf('estimatedValue')}
            onChange={(value) => change({ estimatedValue: value })}
          />
          <TextField
            label={t('seizure.currency')}
            hint={t('seizure.currency.hint')}
            value={draft.currency}
            maxLength={3}
            className="currency-input"
            autoComplete="off"
            error={errorOf('currency')}
            onChange={(value) => change({ currency: value.toUpperCase() })}
          />
        </div>
        <TextArea label={t('seizure.description')} value={draft.description} rows={2} error={errorOf('description')} onChange={(value) => change({ description: value })} />
        <div className="field-grid">
          <TextField
            label={t('seizure.concealmentMethod')}
            value={draft.concealmentMethod}
            list="concealment-methods"
            autoComplete="off"
            error={errorOf('concealmentMethod')}
            onChange={(value) => change({ concealmentMethod: value })}
          />
          <datalist id="concealment-methods">
            {concealmentSuggestions.map((key) => (
              <option key={key} value={t(key)} />
            ))}
          </datalist>
          <TextField
            label={t('seizure.concealmentLocation')}
            hint={t('seizure.concealmentLocation.hint')}
            value={draft.concealmentLocation}
            autoComplete="off"
            error={errorOf('concealmentLocation')}
            onChange={(value) => change({ concealmentLocation: value })}
          />
        </div>

        <fieldset className="form-section" data-testid="seizure-parties">
          <legend>{t('seizure.parties')}</legend>
          {draft.parties.length === 0 && <p className="muted">{t('seizure.parties.none')}</p>}
          {draft.parties.map((party, index) => (
            <div className="row-fields party-row" key={party.key} data-row="party">
              <TextField
                label={t('seizure.party.name', { n: index + 1 })}
                value={party.name}
                error={errorOf(`parties.${index}.name`)}
                onChange={(value) => setParty(party.key, { name: value })}
              />
              <TextField
                label={t('seizure.party.role')}
                hint={t('seizure.party.role.hint')}
                value={party.role}
                error={errorOf(`parties.${index}.role`)}
                onChange={(value) => setParty(party.key, { role: value })}
              />
              <RemoveRowButton
                label={t('seizure.party.removeNamed', { n: index + 1 })}
                onRemove={() => setDraft((current) => ({ ...current, parties: current.parties.filter((row) => row.key !== party.key) }))}
              />
            </div>
          ))}
          <div className="button-row">
            <button
              type="button"
              className="secondary small"
              onClick={() => setDraft((current) => ({ ...current, parties: [...current.parties, { key: rowKey(), name: '', role: '' }] }))}
            >
              {t('seizure.party.add')}
            </button>
            {consignees.map((name) => (
              <button
                key={name}
                type="button"
                className="secondary small"
                onClick={() =>
                  setDraft((current) => ({ ...current, parties: [...current.parties, { key: rowKey(), name, role: t('seizure.party.role.consignee') }] }))
                }
              >
                {t('seizure.party.addConsignee', { name })}
              </button>
            ))}
          </div>
        </fieldset>

        {message && <Notice kind="error">{message}</Notice>}
        <div className="form-actions">
          <button type="button" className="secondary" onClick={onCancel} disabled={busy}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="primary" disabled={busy}>
            {busy ? t('common.saving') : t('seizure.form.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
