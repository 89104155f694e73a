import { useEffect, useRef, useState } from 'react';
import { useApi } from '../../app/api-context';
import { useI18n } from '../../app/i18n';
import { useSession } from '../../app/session/session-context';
import { TextField } from '../../components/Field';
import { Notice } from '../../components/Notice';
import { useForm } from '../../components/useForm';
import { NewPasswordFields } from './NewPasswordFields';
import { checkAll, newPassword, required, sameAs } from './validation';

/** One's own password: current, new, new again. A modal <dialog>: Esc closes it, focus stays inside. */
export function ChangePasswordDialog({ onClose }: { onClose: () => void }) {
  const api = useApi();
  const { t } = useI18n();
  const { refresh } = useSession();
  const dialog = useRef<HTMLDialogElement>(null);
  const [done, setDone] = useState(false);
  const form = useForm({
    initial: { currentPassword: '', newPassword: '', newPasswordConfirm: '' },
    validate: (values) =>
      checkAll(values, {
        currentPassword: required(t),
        newPassword: newPassword(t),
        newPasswordConfirm: sameAs(t, values.newPassword),
      }),
    fieldFor: { WRONG_PASSWORD: 'currentPassword', WEAK_PASSWORD: 'newPassword' },
    clearOnError: ['currentPassword'],
    submit: ({ currentPassword, newPassword: next }) => api.invoke('session.changePassword', { currentPassword, newPassword: next }),
    onDone: () => {
      setDone(true);
      // The account's "password changed" date is shown in Administration.
      void refresh().catch(() => {});
    },
  });

  useEffect(() => {
    const element = dialog.current;
    // Unmounting removes it from the top layer; no close() here, whose event would close the next one.
    if (element && !element.open) element.showModal();
  }, []);

  return (
    <dialog ref={dialog} className="dialog" aria-labelledby="change-password-title" onClose={onClose}>
      <h2 id="change-password-title">{t('password.title')}</h2>
      {done ? (
        <>
          <Notice kind="success">{t('password.done')}</Notice>
          <div className="form-actions">
            <button type="button" className="primary" onClick={onClose} autoFocus>
              {t('common.close')}
            </button>
          </div>
        </>
      ) : (
        <form className="form" onSubmit={form.onSubmit} noValidate aria-busy={form.busy}>
          <fieldset className="form-section plain" disabled={form.busy}>
            <TextField
              name="currentPassword"
              type="password"
              label={t('field.currentPassword')}
              value={form.values.currentPassword}
              onChange={form.set('currentPassword')}
              error={form.fieldError('currentPassword')}
              autoComplete="current-password"
              autoFocus
            />
            <NewPasswordFields form={form} />
          </fieldset>
          {form.error && <Notice kind="error">{form.error}</Notice>}
          <div className="form-actions">
            <button type="button" className="secondary" onClick={onClose} disabled={form.busy}>
              {t('common.cancel')}
            </button>
            <button type="submit" className={form.busy ? 'primary busy' : 'primary'} disabled={form.busy}>
              {form.busy ? t('password.busy') : t('password.submit')}
            </button>
          </div>
        </form>
      )}
    </dialog>
  );
}
