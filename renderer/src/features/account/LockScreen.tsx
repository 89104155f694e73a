import type { SessionInfo } from '../../../../shared/ipc/contract';
import { useApi } from '../../app/api-context';
import { useI18n } from '../../app/i18n';
import { TextField } from '../../components/Field';
import { Notice } from '../../components/Notice';
import { useForm } from '../../components/useForm';
import { AuthScreen } from './AuthScreen';
import { checkAll, required } from './validation';

/**
 * The locked session: the unit's and the user's name and a password field,
 * nothing of the casework. "Log out" lets a colleague take the desk.
 */
export function LockScreen({
  session,
  onUnlocked,
  onLogout,
}: {
  session: SessionInfo;
  onUnlocked: (session: SessionInfo) => void;
  onLogout: () => Promise<void>;
}) {
  const api = useApi();
  const { t } = useI18n();
  const form = useForm({
    initial: { password: '' },
    validate: (values) => checkAll(values, { password: required(t) }),
    fieldFor: { WRONG_PASSWORD: 'password' },
    clearOnError: ['password'],
    submit: (values) => api.invoke('session.unlock', values),
    onDone: onUnlocked,
  });

  return (
    <AuthScreen title={t('lock.title')} screen="lock">
      <dl className="facts compact lock-facts">
        <dt>{t('lock.unit')}</dt>
        <dd data-testid="lock-unit">{session.unit.name}</dd>
        <dt>{t('lock.user')}</dt>
        <dd data-testid="lock-user">{session.user.displayName}</dd>
      </dl>
      <p className="muted">{t('lock.body')}</p>
      <form className="form" onSubmit={form.onSubmit} noValidate aria-busy={form.busy}>
        <fieldset className="form-section plain" disabled={form.busy}>
          <TextField
            name="password"
            type="password"
            label={t('field.password')}
            value={form.values.password}
            onChange={form.set('password')}
            error={form.fieldError('password')}
            autoComplete="current-password"
            autoFocus
          />
        </fieldset>
        {form.error && <Notice kind="error">{form.error}</Notice>}
        <div className="form-actions">
          <button
            type="button"
            className="link"
            disabled={form.busy}
            onClick={() => {
              onLogout().catch(() => {
                // The gate re-reads the session either way; nothing else to do here.
              });
            }}
          >
            {t('lock.logout')}
          </button>
          <span className="topbar-spacer" />
          <button type="submit" className={form.busy ? 'primary busy' : 'primary'} disabled={form.busy}>
            {form.busy ? t('lock.busy') : t('lock.submit')}
          </button>
        </div>
      </form>
    </AuthScreen>
  );
}
