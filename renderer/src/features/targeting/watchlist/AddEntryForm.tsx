import { WatchKind, WatchSeverity, type WatchEntry } from '../../../../../shared/ipc/risk-contract';
import type { z } from 'zod';
import { useApi } from '../../../app/api-context';
import { useI18n } from '../../../app/i18n';
import { SelectField, TextField } from '../../../components/Field';
import { Notice } from '../../../components/Notice';
import { useForm } from '../../../components/useForm';
import { checkAll, required } from '../../account/validation';
import { watchKinds, watchSeverities } from './kinds';

type Entry = z.infer<typeof WatchEntry>;

/** One entry typed in by hand: what to watch for, how serious, why (mandatory), and until when. */
export function AddEntryForm({ onAdded }: { onAdded: (entries: readonly Entry[]) => void }) {
  const api = useApi();
  const { t } = useI18n();
  const form = useForm({
    initial: { kind: 'party', value: '', severity: 'high', reason: '', expiresAt: '' },
    validate: (values) => checkAll(values, { value: required(t), reason: required(t) }),
    submit: (values) =>
      api.invoke('watchlist.add', {
        entries: [
          {
            kind: WatchKind.parse(values.kind),
            value: values.value.trim(),
            severity: WatchSeverity.parse(values.severity),
            reason: values.reason.trim(),
            expiresAt: values.expiresAt === '' ? null : values.expiresAt,
          },
        ],
      }),
    resetOnDone: true,
    onDone: (entries) => onAdded(entries),
  });

  const kind = watchKinds.find((candidate) => candidate === form.values.kind) ?? 'party';

  return (
    <section className="panel form-panel" aria-labelledby="watchlist-add-title">
      <h2 id="watchlist-add-title">{t('watchlist.add.title')}</h2>
      <form className="form" onSubmit={form.onSubmit} noValidate aria-busy={form.busy} data-testid="watchlist-add">
        <fieldset className="form-section plain field-grid" disabled={form.busy}>
          <SelectField name="kind" label={t('watchlist.field.kind')} value={form.values.kind} onChange={form.set('kind')}>
            {watchKinds.map((kind) => (
              <option key={kind} value={kind}>
                {t(`watchlist.kind.${kind}`)}
              </option>
            ))}
          </SelectField>
          <TextField
            name="value"
            label={t('watchlist.field.value')}
            hint={t(`watchlist.value.hint.${kind}`)}
            value={form.values.value}
            onChange={form.set('value')}
            error={form.fieldError('value')}
            maxLength={300}
            autoComplete="off"
            spellCheck={false}
          />
          <SelectField name="severity" label={t('watchlist.field.severity')} value={form.values.severity} onChange={form.set('severity')}>
            {watchSeverities.map((severity) => (
              <option key={severity} value={severity}>
                {t(`watchlist.severity.${severity}`)}
              </option>
            ))}
          </SelectField>
          <TextField
            name="expiresAt"
            type="date"
            label={t('watchlist.field.expires')}
            hint={t('watchlist.field.expiresHint')}
            value={form.values.expiresAt}
            onChange={form.set('expiresAt')}
            error={form.fieldError('expiresAt')}
          />
          <TextField
            name="reason"
            className="watchlist-reason"
            label={t('watchlist.field.reason')}
            hint={t('watchlist.field.reasonHint')}
            value={form.values.reason}
            onChange={form.set('reason')}
            error={form.fieldError('reason')}
            maxLength={2000}
            autoComplete="off"
          />
        </fieldset>
        {form.error && <Notice kind="error">{form.error}</Notice>}
        <div className="form-actions">
          <button type="submit" className={form.busy ? 'primary busy' : 'primary'} disabled={form.busy}>
            {t('watchlist.add.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
