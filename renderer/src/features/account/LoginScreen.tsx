import type { SessionInfo } from '../../../../shared/ipc/contract';
import { useApi } from '../../app/api-context';
import { useI18n } from '../../app/i18n';
import { TextField } from '../../components/Field';
import { Notice } from '../../components/Notice';
import { useForm } from '../../components/useForm';
import { AuthScreen } from './AuthScreen';
import { checkAll, required } from './validation';

/** User name and password; Enter submits. The password check takes about a second (Argon2id). */
export function LoginScreen({ onLoggedIn }: { onLoggedIn: (session: SessionInfo) => void }) {
  const api = useApi();
  const { t } = useI18n();
  const form = useForm({
    initial: { username: '', password: '' },
    validate: (values) => checkAll(values, { username: required(t), password: required(t) }),
    fieldFor: { WRONG_PASSWORD: 'password', UNKNOWN_USER: 'username', USER_DISABLED: 'username' },
    clearOnError: ['password'],
    submit: (values) => api.invoke('session.login', values),
    onDone: onLoggedIn,
  });

  return (
    <AuthScreen title={t('login.title')} screen="login">
      <form className="form" onSubmit={form.onSubmit} noValidate aria-busy={form.busy}>
        <fieldset className="form-section plain" disabled={form.busy}>
          <TextField
            name="username"
            label={t('field.username')}
            value={form.values.username}
            onChange={form.set('username')}
            error={form.fieldError('username')}
            autoComplete="username"
            spellCheck={false}
            maxLength={64}
            autoFocus
          />
          <TextField
            name="password"
            type="password"
            label={t('field.password')}
            value={form.values.password}
            onChange={form.set('password')}
            error={form.fieldError('password')}
            autoComplete="current-password"
          />
        </fieldset>
        {form.error && <Notice kind="error">{form.error}</Notice>}
        <div className="form-actions">
          <button type="submit" className={form.busy ? 'primary wide busy' : 'primary wide'} disabled={form.busy}>
            {form.busy ? t('login.busy') : t('login.submit')}
          </button>
        </div>
      </form>
    </AuthScreen>
  );
}
