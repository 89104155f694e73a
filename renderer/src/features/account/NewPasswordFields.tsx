import { MIN_PASSWORD_LENGTH } from '../../../../shared/domain/password-rule';
import { useI18n } from '../../app/i18n';
import { TextField } from '../../components/Field';

interface PasswordForm {
  readonly values: { readonly newPassword: string; readonly newPasswordConfirm: string };
  set(field: 'newPassword' | 'newPasswordConfirm'): (value: string) => void;
  fieldError(field: 'newPassword' | 'newPasswordConfirm'): string | null | undefined;
}

/** A new password and its repetition, with the rule shown: one place for the change and reset forms. */
export function NewPasswordFields({ form, autoFocus = false }: { form: PasswordForm; autoFocus?: boolean }) {
  const { t } = useI18n();
  return (
    <>
      <TextField
        name="newPassword"
        type="password"
        label={t('field.newPassword')}
        hint={t('field.password.rule', { min: MIN_PASSWORD_LENGTH })}
        value={form.values.newPassword}
        onChange={form.set('newPassword')}
        error={form.fieldError('newPassword')}
        autoComplete="new-password"
        autoFocus={autoFocus}
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
    </>
  );
}
