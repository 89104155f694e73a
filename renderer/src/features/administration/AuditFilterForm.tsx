import { useState, type FormEvent } from 'react';
import { useI18n } from '../../app/i18n';
import { SelectField, TextField } from '../../components/Field';
import { auditActionGroups, auditActionKeys, auditActionTitle } from './audit-actions';

export interface AuditFilter {
  readonly user: string;
  readonly action: string;
  /** Local calendar days as a date input gives them (YYYY-MM-DD), both inclusive. */
  readonly from: string;
  readonly to: string;
}

export const noAuditFilter: AuditFilter = { user: '', action: '', from: '', to: '' };

/** Edited freely, applied on "Show" (or Enter), so typing a name does not query at every key. */
export function AuditFilterForm({ onApply }: { onApply: (filter: AuditFilter) => void }) {
  const { t } = useI18n();
  const [draft, setDraft] = useState<AuditFilter>(noAuditFilter);
  const set = (field: keyof AuditFilter) => (value: string) => setDraft((current) => ({ ...current, [field]: value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply(draft);
  };

  return (
    <form className="filter-bar" onSubmit={submit} data-testid="audit-filter">
      <TextField
        name="user"
        label={t('audit.filter.user')}
        value={draft.user}
        onChange={set('user')}
        maxLength={64}
        autoComplete="off"
        spellCheck={false}
      />
      <SelectField name="action" label={t('audit.filter.action')} value={draft.action} onChange={set('action')}>
        <option value="">{t('audit.filter.allActions')}</option>
        <optgroup label={t('audit.filter.groups')}>
          {auditActionGroups.map((group) => (
            <option key={group.prefix} value={group.prefix}>
              {t(group.title)}
            </option>
          ))}
        </optgroup>
        <optgroup label={t('audit.filter.actions')}>
          {Object.keys(auditActionKeys).map((action) => (
            <option key={action} value={action}>
              {auditActionTitle(t, action)}
            </option>
          ))}
        </optgroup>
      </SelectField>
      <TextField name="from" type="date" label={t('audit.filter.from')} value={draft.from} onChange={set('from')} />
      <TextField name="to" type="date" label={t('audit.filter.to')} value={draft.to} onChange={set('to')} />
      <div className="filter-actions">
        <button type="submit" className="primary">
          {t('audit.filter.apply')}
        </button>
        <button
          type="button"
          className="secondary"
          onClick={() => {
            setDraft(noAuditFilter);
            onApply(noAuditFilter);
          }}
        >
          {t('audit.filter.clear')}
        </button>
      </div>
    </form>
  );
}
