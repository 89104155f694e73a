import { useState } from 'react';
import { useApi } from '../../app/api-context';
import { useI18n } from '../../app/i18n';
import { TextField } from '../../components/Field';
import { Notice } from '../../components/Notice';
import { useForm } from '../../components/useForm';
import { checkAll, required } from '../account/validation';

/**
 * Restore from a backup folder. Main proves the backup opens with this
 * administrator's password before anything is replaced; then the session ends
 * (the session gate shows the login screen) and the old files stay aside.
 */
export function RestorePanel() {
  const api = useApi();
  const { t } = useI18n();
  const [confirming, setConfirming] = useState(false);
  const form = useForm({
    initial: { sourceDir: '', password: '' },
    validate: (values) => checkAll(values, { sourceDir: required(t), password: required(t) }),
    fieldFor: { BACKUP_INVALID: 'sourceDir', WRONG_PASSWORD: 'password' },
    submit: (values) => api.invoke('backup.restore', { sourceDir: values.sourceDir.trim(), password: values.password }),
    onDone: () => setConfirming(false),
  });

  return (
    <section className="panel form-panel" aria-labelledby="restore-title">
      <h2 id="restore-title">{t('restore.title')}</h2>
      <p className="muted">{t('restore.intro')}</p>
      <form
        className="form"
        noValidate
        aria-busy={form.busy}
        onSubmit={(event) => {
          if (!confirming) {
            event.preventDefault();
            setConfirming(true);
            return;
          }
          form.onSubmit(event);
        }}
      >
        <TextField
          name="sourceDir"
          label={t('restore.source')}
          hint={t('restore.source.hint')}
          value={form.values.sourceDir}
          onChange={form.set('sourceDir')}
          error={form.fieldError('sourceDir')}
          disabled={form.busy}
          autoComplete="off"
          spellCheck={false}
        />
        <TextField
          name="password"
          type="password"
          label={t('restore.password')}
          hint={t('restore.password.hint')}
          value={form.values.password}
          onChange={form.set('password')}
          error={form.fieldError('password')}
          disabled={form.busy}
          autoComplete="current-password"
        />
        {confirming && <Notice kind="warning">{t('restore.confirm')}</Notice>}
        <div className="form-actions">
          <button type="submit" className={confirming ? 'danger' : 'primary'} disabled={form.busy}>
            {form.busy ? t('restore.busy') : confirming ? t('restore.submit.confirm') : t('restore.submit')}
          </button>
        </div>
      </form>
      {form.error && <Notice kind="error">{form.error}</Notice>}
    </section>
  );
}
