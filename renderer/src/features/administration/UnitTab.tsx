import { useState } from 'react';
import { useApi } from '../../app/api-context';
import { useI18n } from '../../app/i18n';
import { useSession } from '../../app/session/session-context';
import { TextField } from '../../components/Field';
import { Notice } from '../../components/Notice';
import { useForm } from '../../components/useForm';

/** Whole minutes in the range the contract accepts (1-240). */
const minutes = (value: string): number | null => {
  const number = Number(value.trim());
  return /^\d+$/.test(value.trim()) && number >= 1 && number <= 240 ? number : null;
};

/** The unit's identity (fixed at setup) and its policy: how soon an idle screen locks. */
export function UnitTab() {
  const api = useApi();
  const { t } = useI18n();
  const { info, refresh } = useSession();
  const [saved, setSaved] = useState<number | null>(null);
  const form = useForm({
    initial: { lockAfterMinutes: String(info.unit.lockAfterMinutes) },
    validate: (values) => (minutes(values.lockAfterMinutes) === null ? { lockAfterMinutes: t('validation.minutes') } : {}),
    invalidMessage: { lockAfterMinutes: t('validation.minutes') },
    submit: (values) => {
      setSaved(null);
      return api.invoke('unit.settings.set', { lockAfterMinutes: minutes(values.lockAfterMinutes) ?? 0 });
    },
    onDone: (unit) => {
      setSaved(unit.lockAfterMinutes);
      // The session carries the unit's settings; re-read it so every screen agrees.
      void refresh().catch(() => {});
    },
  });

  return (
    <div className="stack">
      <section className="panel" aria-labelledby="unit-title">
        <h2 id="unit-title">{t('unit.title')}</h2>
        <dl className="facts compact">
          <dt>{t('field.unitName')}</dt>
          <dd>{info.unit.name}</dd>
          <dt>{t('field.country')}</dt>
          <dd>{info.unit.country}</dd>
          <dt>{t('field.locode')}</dt>
          <dd>{info.unit.locode}</dd>
        </dl>
      </section>
      <section className="panel form-panel" aria-labelledby="lock-title">
        <h2 id="lock-title">{t('unit.lock.title')}</h2>
        <form className="form inline-form" onSubmit={form.onSubmit} noValidate aria-busy={form.busy} data-testid="lock-timeout">
          <TextField
            name="lockAfterMinutes"
            type="number"
            inputMode="numeric"
            min={1}
            max={240}
            step={1}
            label={t('unit.lock.field')}
            hint={t('unit.lock.hint')}
            value={form.values.lockAfterMinutes}
            onChange={form.set('lockAfterMinutes')}
            error={form.fieldError('lockAfterMinutes')}
            suffix={t('unit.lock.unit')}
            className="minutes"
            disabled={form.busy}
          />
          <button type="submit" className={form.busy ? 'primary busy' : 'primary'} disabled={form.busy}>
            {form.busy ? t('common.saving') : t('common.save')}
          </button>
        </form>
        {form.error && <Notice kind="error">{form.error}</Notice>}
        {saved !== null && <Notice kind="success">{t('unit.lock.saved', { count: saved })}</Notice>}
      </section>
    </div>
  );
}
