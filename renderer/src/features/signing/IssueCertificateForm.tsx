import type { UserInfo } from '../../../../shared/ipc/contract';
import type { SigningCredential } from '../../../../shared/ipc/signing-contract';
import { MIN_PASSWORD_LENGTH } from '../../../../shared/domain/password-rule';
import { useApi } from '../../app/api-context';
import { useI18n } from '../../app/i18n';
import { SelectField, TextField } from '../../components/Field';
import { Notice } from '../../components/Notice';
import { useForm } from '../../components/useForm';
import { checkAll, newPassword, required, sameAs } from '../account/validation';

/**
 * An officer certificate from the unit CA. The password protects the officer's
 * key in the stored PKCS#12, so the officer should type it: main keeps no copy.
 */
export function IssueCertificateForm({
  users,
  onIssued,
}: {
  users: readonly UserInfo[];
  onIssued: (credential: SigningCredential, user: UserInfo) => void;
}) {
  const api = useApi();
  const { t } = useI18n();
  const active = users.filter((user) => !user.removed);
  const form = useForm({
    initial: { userId: '', password: '', passwordConfirm: '' },
    validate: (values) =>
      checkAll(values, { userId: required(t), password: newPassword(t), passwordConfirm: sameAs(t, values.password) }),
    fieldFor: { WEAK_PASSWORD: 'password', UNKNOWN_USER: 'userId' },
    clearOnError: ['password', 'passwordConfirm'],
    resetOnDone: true,
    submit: (values) => api.invoke('signing.unitCa.issue', { userId: Number(values.userId), password: values.password }),
    onDone: (credential, values) => {
      const user = active.find((candidate) => String(candidate.id) === values.userId);
      if (user) onIssued(credential, user);
    },
  });

  return (
    <section className="panel form-panel" aria-labelledby="issue-certificate-title" data-testid="issue-certificate">
      <h2 id="issue-certificate-title">{t('signing.issue.title')}</h2>
      <p className="muted">{t('signing.issue.hint')}</p>
      <form className="form" onSubmit={form.onSubmit} noValidate aria-busy={form.busy}>
        <fieldset className="form-section plain field-grid" disabled={form.busy}>
          <SelectField name="userId" label={t('signing.issue.user')} value={form.values.userId} onChange={form.set('userId')} error={form.fieldError('userId')}>
            <option value="">{t('signing.issue.choose')}</option>
            {active.map((user) => (
              <option key={user.id} value={String(user.id)}>
                {`${user.displayName} (${user.username}) — ${t(`role.${user.role}`)}`}
              </option>
            ))}
          </SelectField>
          <TextField
            name="password"
            type="password"
            label={t('signing.issue.password')}
            hint={t('field.password.rule', { min: MIN_PASSWORD_LENGTH })}
            value={form.values.password}
            onChange={form.set('password')}
            error={form.fieldError('password')}
            autoComplete="new-password"
          />
          <TextField
            name="passwordConfirm"
            type="password"
            label={t('signing.issue.passwordConfirm')}
            value={form.values.passwordConfirm}
            onChange={form.set('passwordConfirm')}
            error={form.fieldError('passwordConfirm')}
            autoComplete="new-password"
          />
        </fieldset>
        {form.error && <Notice kind="error">{form.error}</Notice>}
        <div className="form-actions">
          <button type="submit" className={form.busy ? 'primary busy' : 'primary'} disabled={form.busy}>
            {form.busy ? t('signing.issue.busy') : t('signing.issue.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
