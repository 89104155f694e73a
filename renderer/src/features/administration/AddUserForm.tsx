import { useState } from 'react';
import { MIN_PASSWORD_LENGTH } from '../../../../shared/domain/password-rule';
import { Role, roles } from '../../../../shared/domain/roles';
import { useApi } from '../../app/api-context';
import { useI18n } from '../../app/i18n';
import { SelectField, TextField } from '../../components/Field';
import { Notice } from '../../components/Notice';
import { useForm } from '../../components/useForm';
import { checkAll, newPassword, required, username } from '../account/validation';

/** A new account with its own key slot. The initial password is handed over in person. */
export function AddUserForm({ onAdded }: { onAdded: () => void }) {
  const api = useApi();
  const { t } = useI18n();
  const [added, setAdded] = useState<string | null>(null);
  const form = useForm({
    initial: { username: '', displayName: '', role: 'officer', password: '' },
    validate: (values) =>
      checkAll(values, { username: username(t), displayName: required(t), password: newPassword(t) }),
    fieldFor: { USER_EXISTS: 'username', WEAK_PASSWORD: 'password' },
    invalidMessage: { username: t('validation.username') },
    submit: (values) => {
      setAdded(null);
      return api.invoke('users.add', { ...values, role: Role.parse(values.role) });
    },
    resetOnDone: true,
    onDone: (user) => {
      setAdded(user.username);
      onAdded();
    },
  });

  return (
    <section className="panel form-panel" aria-labelledby="add-user-title">
      <h2 id="add-user-title">{t('users.add.title')}</h2>
      <form className="form" onSubmit={form.onSubmit} noValidate aria-busy={form.busy} data-testid="add-user">
        <fieldset className="form-section plain field-grid" disabled={form.busy}>
          <TextField
            name="username"
            label={t('field.username')}
            hint={t('field.username.hint')}
            value={form.values.username}
            onChange={form.set('username')}
            error={form.fieldError('username')}
            maxLength={64}
            autoComplete="off"
            spellCheck={false}
          />
          <TextField
            name="displayName"
            label={t('field.displayName')}
            value={form.values.displayName}
            onChange={form.set('displayName')}
            error={form.fieldError('displayName')}
            maxLength={200}
            autoComplete="off"
          />
          <SelectField name="role" label={t('field.role')} value={form.values.role} onChange={form.set('role')}>
            {roles.map((role) => (
              <option key={role} value={role}>
                {t(`role.${role}`)}
              </option>
            ))}
          </SelectField>
          <TextField
            name="password"
            type="password"
            label={t('field.initialPassword')}
            hint={t('field.password.rule', { min: MIN_PASSWORD_LENGTH })}
            value={form.values.password}
            onChange={form.set('password')}
            error={form.fieldError('password')}
            autoComplete="new-password"
          />
        </fieldset>
        {form.error && <Notice kind="error">{form.error}</Notice>}
        {added && <Notice kind="success">{t('users.add.done', { user: added })}</Notice>}
        <div className="form-actions">
          <button type="submit" className={form.busy ? 'primary busy' : 'primary'} disabled={form.busy}>
            {t('users.add.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
