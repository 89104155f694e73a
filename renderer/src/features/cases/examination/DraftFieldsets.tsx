import type { z } from 'zod';
import type { MessageKey } from '../../../../../shared/i18n';
import { ConditionState, SealStatus, type Person } from '../../../../../shared/ipc/casework-contract';
import { useI18n } from '../../../app/i18n';
import { TextField } from '../../../components/Field';
import { RemoveRowButton } from '../fields';
import { conditionParts, rowKey, sealStatusesFor, type ExaminationDraft, type ParticipantDraft, type SampleDraft, type SealDraft } from './exam-model';

type Draft = ExaminationDraft;
type Change = (update: (draft: Draft) => Draft) => void;
type ErrorOf = (path: string) => string | null;
type PersonInfo = z.infer<typeof Person>;

/** Replace one row of a list field by key. */
function patchRow<R extends { key: number }>(rows: readonly R[], key: number, change: Partial<R>): R[] {
  return rows.map((row) => (row.key === key ? { ...row, ...change } : row));
}

/** Officers and others present: name, agency, role. A unit user picked by name is linked to their account. */
export function ParticipantsFieldset({
  draft,
  change,
  errorOf,
  people,
  unitAgency,
  disabled,
}: {
  draft: Draft;
  change: Change;
  errorOf: ErrorOf;
  people: readonly PersonInfo[];
  unitAgency: string;
  disabled: boolean;
}) {
  const { t } = useI18n();
  const set = (key: number, patch: Partial<ParticipantDraft>) => change((d) => ({ ...d, participants: patchRow(d.participants, key, patch) }));
  const setName = (row: ParticipantDraft, name: string) => {
    const person = people.find((candidate) => candidate.displayName === name || candidate.username === name);
    if (person) {
      set(row.key, {
        name: person.displayName,
        userId: person.id,
        agency: row.agency || unitAgency,
        role: row.role || t('examination.participant.defaultRole'),
      });
    } else set(row.key, { name, userId: null });
  };
  return (
    <fieldset className="form-section" data-testid="exam-participants">
      <legend>{t('examination.section.people')}</legend>
      <datalist id="exam-people">
        {people.map((person) => (
          <option key={person.id} value={person.displayName} />
        ))}
      </datalist>
      {errorOf('participants') && <p className="field-error">{errorOf('participants')}</p>}
      {draft.participants.map((person, index) => (
        <div className="row-fields" key={person.key} data-row="participant">
          <TextField
            label={t('examination.participant.name', { n: index + 1 })}
            value={person.name}
            list="exam-people"
            autoComplete="off"
            disabled={disabled}
            error={errorOf(`participants.${index}.name`)}
            onChange={(value) => setName(person, value)}
          />
          <TextField
            label={t('examination.participant.agency')}
            value={person.agency}
            disabled={disabled}
            error={errorOf(`participants.${index}.agency`)}
            onChange={(value) => set(person.key, { agency: value })}
          />
          <TextField
            label={t('examination.participant.role')}
            value={person.role}
            disabled={disabled}
            error={errorOf(`participants.${index}.role`)}
            onChange={(value) => set(person.key, { role: value })}
          />
          <RemoveRowButton
            label={t('examination.participant.removeNamed', { n: index + 1 })}
            disabled={disabled}
            onRemove={() => change((d) => ({ ...d, participants: d.participants.filter((row) => row.key !== person.key) }))}
          />
        </div>
      ))}
      <div>
        <button
          type="button"
          className="secondary small"
          disabled={disabled}
          onClick={() =>
            change((d) => ({ ...d, participants: [...d.participants, { key: rowKey(), name: '', agency: '', role: '', userId: null }] }))
          }
        >
          {t('examination.participant.add')}
        </button>
      </div>
    </fieldset>
  );
}

/** Seals found compared with the manifest's: declared ones are listed first, extras can be added; and the new customs seal. */
export function SealsFieldset({ draft, change, errorOf, disabled }: { draft: Draft; change: Change; errorOf: ErrorOf; disabled: boolean }) {
  const { t } = useI18n();
  const set = (key: number, patch: Partial<SealDraft>) => change((d) => ({ ...d, seals: patchRow(d.seals, key, patch) }));
  return (
    <fieldset className="form-section" data-testid="exam-seals">
      <legend>{t('examination.section.seals')}</legend>
      {draft.seals.length === 0 && <p className="muted">{t('examination.seal.noneDeclared')}</p>}
      {draft.seals.map((check, index) => (
        <div className="row-fields seal-row" key={check.key} data-row="seal" data-declared={check.declared !== null ? 'true' : 'false'}>
          {check.declared !== null ? (
            <div className="field">
              <span className="field-caption">{t('examination.seal.declared')}</span>
              <span className="mono declared-seal" id={`seal-number-${check.key}`}>
                {check.declared}
              </span>
            </div>
          ) : (
            <TextField
              label={t('examination.seal.found', { n: index + 1 })}
              value={check.seal}
              className="mono-input"
              disabled={disabled}
              error={errorOf(`sealsFound.${index}.seal`)}
              onChange={(value) => set(check.key, { seal: value })}
            />
          )}
          <div className="field">
            <label htmlFor={`seal-status-${check.key}`}>{t('examination.seal.statusOf', { seal: check.declared ?? (check.seal || t('examination.seal.notDeclared')) })}</label>
            <select
              id={`seal-status-${check.key}`}
              value={check.status}
              disabled={disabled}
              className={`seal-status seal-${check.status}`}
              onChange={(event) => set(check.key, { status: SealStatus.parse(event.target.value) })}
            >
              {sealStatusesFor(check).map((status) => (
                <option key={status} value={status}>
                  {t(`examination.seal.status.${status}`)}
                </option>
              ))}
            </select>
            {check.declared !== null && errorOf(`sealsFound.${index}.seal`) && <span className="field-error">{errorOf(`sealsFound.${index}.seal`)}</span>}
          </div>
          {check.declared === null ? (
            <RemoveRowButton
              label={t('examination.seal.removeNamed', { n: index + 1 })}
              disabled={disabled}
              onRemove={() => change((d) => ({ ...d, seals: d.seals.filter((row) => row.key !== check.key) }))}
            />
          ) : (
            <span />
          )}
        </div>
      ))}
      <div>
        <button
          type="button"
          className="secondary small"
          disabled={disabled}
          onClick={() => change((d) => ({ ...d, seals: [...d.seals, { key: rowKey(), seal: '', status: 'mismatch', declared: null }] }))}
        >
          {t('examination.seal.add')}
        </button>
      </div>
      <div className="field-grid">
        <TextField
          label={t('examination.newSeal')}
          hint={t('examination.newSeal.hint')}
          value={draft.newSeal}
          disabled={disabled}
          error={errorOf('newSeal')}
          onChange={(value) => change((d) => ({ ...d, newSeal: value }))}
        />
      </div>
    </fieldset>
  );
}

const stateKeys: Readonly<Record<z.infer<typeof ConditionState>, MessageKey>> = {
  ok: 'examination.condition.state.ok',
  damaged: 'examination.condition.state.damaged',
  modified: 'examination.condition.state.modified',
  not_checked: 'examination.condition.state.not_checked',
};

/** The container's condition, part by part: one radio group each (arrow keys move within it). */
export function ConditionFieldset({ draft, change, disabled }: { draft: Draft; change: Change; disabled: boolean }) {
  const { t } = useI18n();
  return (
    <fieldset className="form-section" data-testid="exam-condition">
      <legend>{t('examination.section.condition')}</legend>
      <div className="condition-grid">
        {conditionParts.map((part) => (
          <fieldset key={part} className="condition-row" data-part={part}>
            <legend>{t(`examination.condition.part.${part}`)}</legend>
            {ConditionState.options.map((state) => (
              <label key={state} className={`condition-choice state-${state}`}>
                <input
                  type="radio"
                  name={`condition-${part}`}
                  value={state}
                  checked={draft.condition[part] === state}
                  disabled={disabled}
                  onChange={() => change((d) => ({ ...d, condition: { ...d.condition, [part]: state } }))}
                />
                {t(stateKeys[state])}
              </label>
            ))}
          </fieldset>
        ))}
      </div>
      <div>
        <button
          type="button"
          className="secondary small"
          disabled={disabled}
          onClick={() =>
            change((d) => ({
              ...d,
              condition: Object.fromEntries(conditionParts.map((part) => [part, d.condition[part] === 'not_checked' ? 'ok' : d.condition[part]])) as Draft['condition'],
            }))
          }
        >
          {t('examination.condition.restOk')}
        </button>
      </div>
    </fieldset>
  );
}

/** Samples taken: bag and seal numbers, what, when. */
export function SamplesFieldset({
  draft,
  change,
  errorOf,
  disabled,
  now,
}: {
  draft: Draft;
  change: Change;
  errorOf: ErrorOf;
  disabled: boolean;
  now: () => string;
}) {
  const { t } = useI18n();
  const set = (key: number, patch: Partial<SampleDraft>) => change((d) => ({ ...d, samples: patchRow(d.samples, key, patch) }));
  return (
    <fieldset className="form-section" data-testid="exam-samples">
      <legend>{t('examination.section.samples')}</legend>
      {draft.samples.length === 0 && <p className="muted">{t('examination.sample.none')}</p>}
      {draft.samples.map((sample, index) => (
        <div className="row-fields sample-row" key={sample.key} data-row="sample">
          <TextField
            label={t('examination.sample.bag', { n: index + 1 })}
            value={sample.bagNumber}
            disabled={disabled}
            error={errorOf(`samples.${index}.bagNumber`)}
            onChange={(value) => set(sample.key, { bagNumber: value })}
          />
          <TextField
            label={t('examination.sample.seal')}
            value={sample.sealNumber}
            disabled={disabled}
            error={errorOf(`samples.${index}.sealNumber`)}
            onChange={(value) => set(sample.key, { sealNumber: value })}
          />
          <TextField
            label={t('examination.sample.description')}
            value={sample.description}
            disabled={disabled}
            error={errorOf(`samples.${index}.description`)}
            onChange={(value) => set(sample.key, { description: value })}
          />
          <TextField
            label={t('examination.sample.takenAt')}
            value={sample.takenAt}
            placeholder="2026-03-02 14:30"
            className="time-input"
            disabled={disabled}
            error={errorOf(`samples.${index}.takenAt`)}
            onChange={(value) => set(sample.key, { takenAt: value })}
          />
          <RemoveRowButton
            label={t('examination.sample.removeNamed', { n: index + 1 })}
            disabled={disabled}
            onRemove={() => change((d) => ({ ...d, samples: d.samples.filter((row) => row.key !== sample.key) }))}
          />
        </div>
      ))}
      <div>
        <button
          type="button"
          className="secondary small"
          disabled={disabled}
          onClick={() =>
            change((d) => ({ ...d, samples: [...d.samples, { key: rowKey(), bagNumber: '', sealNumber: '', description: '', takenAt: now() }] }))
          }
        >
          {t('examination.sample.add')}
        </button>
      </div>
    </fieldset>
  );
}
