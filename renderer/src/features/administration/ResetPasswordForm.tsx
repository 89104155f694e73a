import type { UserInfo } from '../../../../shared/ipc/contract';
import { useApi } from '../../app/api-context';
import { useI18n } from '../../app/i18n';
import { Notice } from '../../components/Notice';
import { useForm } from '../../components/useForm';
import { NewPasswordFields } from '../account/NewPasswordFields';
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
          <NewPasswordFields form={form} autoFocus />
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
