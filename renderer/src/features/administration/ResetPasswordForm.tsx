import { MIN_PASSWORD_LENGTH } from '../../../../shared/domain/password-rule';
import type { UserInfo } from '../../../../shared/ipc/contract';
import { useApi } from '../../app/api-context';
import { useI18n } from '../../app/i18n';
import { TextField } from '../../components/Field';
import { Notice } from '../../components/Notice';
import { useForm } from '../../components/useForm';
import { checkAll, newPassword, sameAs } from '../account/validation';

/** A forgotten password: the administrator sets a new one (a new key slot replaces the old). */
export function ResetPasswordForm({ user, onDone, onCancel }: { user: UserInfo; onDone: () => void; onCancel: () => void }) {
  const api = useApi();
  const { t } = useI18n();
  const form = useForm({
    initial: { newPassword: '', newPasswordConfirm: '' },
    validate: (values) =>
      checkAll(values, { newPassword: newPassword(t), newPasswordConfirm: sameAs(t, values.newPassword) }),
    fieldFor: { WEAK_PASSWORD: 'newPassword' },
    submit: (values) => api.invoke('users.resetPassword', { username: user.username, newPassword: values.newPassword }),
    onDone,
  });

  return (
    <section className="panel form-panel" aria-labelledby="reset-password-title" data-testid="reset-password">
      <h2 id="reset-password-title">{t('users.reset.title', { user: `${user.displayName} (${user.username})` })}</h2>
      <form className="form" onSubmit={form.onSubmit} noValidate aria-busy={form.busy}>
        <fieldset className="form-section plain field-grid" disabled={form.busy}>
          <TextField
            name="newPassword"
            type="password"
            label={t('field.newPassword')}
            hint={t('field.password.rule', { min: MIN_PASSWORD_LENGTH })}
            value={form.values.newPassword}
            onChange={form.set('newPassword')}
            error={form.fieldError('newPassword')}
            autoComplete="new-password"
            autoFocus
          />
          <TextField
            name="newPasswordConfirm"
            type="password"
            label={t('field.newPasswordConfirm')}
            value={form.values.newPasswordConfirm}
            onChange={form.set('newPasswordConfirm')}
            error={form.fieldError('newPasswordConfirm')}
            autoComplete="new-password"
          />
        </fieldset>
        {form.error && <Notice kind="error">{form.error}</Notice>}
        <div className="form-actions">
          <button type="button" className="secondary" onClick={onCancel} disabled={form.busy}>
            {t('common.cancel')}
          </button>
          <button type="submit" className={form.busy ? 'primary busy' : 'primary'} disabled={form.busy}>
            {t('users.reset.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
