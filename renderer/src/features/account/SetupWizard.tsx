import type { ReactNode } from 'react';
import { MIN_PASSWORD_LENGTH } from '../../../../shared/domain/password-rule';
import type { ChannelOutput } from '../../../../shared/ipc/contract';
import { useApi } from '../../app/api-context';
import { useI18n } from '../../app/i18n';
import { TextField } from '../../components/Field';
import { Notice } from '../../components/Notice';
import { useForm } from '../../components/useForm';
import { AuthScreen } from './AuthScreen';
import { checkAll, countryCode, locode, newPassword, required, sameAs, username } from './validation';

type Created = ChannelOutput<'setup.create'>;

const blank = {
  unitName: '',
  country: '',
  locode: '',
  adminUsername: '',
  adminDisplayName: '',
  password: '',
  passwordConfirm: '',
};

/**
 * First run: the unit and its first administrator. Field names are the
 * contract's, so a field main rejects (INVALID_INPUT) is the one highlighted.
 */
export function SetupWizard({
  onStart,
  onFailed,
  onCreated,
  children,
}: {
  onStart: () => void;
  onFailed: () => void;
  onCreated: (created: Created) => void;
  /** Offered below the form (the demo unit on training starts). */
  children?: ReactNode;
}) {
  const api = useApi();
  const { t } = useI18n();
  const form = useForm({
    initial: blank,
    validate: (values) =>
      checkAll(values, {
        unitName: required(t),
        country: countryCode(t),
        locode: locode(t),
        adminUsername: username(t),
        adminDisplayName: required(t),
        password: newPassword(t),
        passwordConfirm: sameAs(t, values.password),
      }),
    fieldFor: { WEAK_PASSWORD: 'password' },
    invalidMessage: {
      country: t('validation.country'),
      locode: t('validation.locode'),
      adminUsername: t('validation.username'),
    },
    submit: async ({ passwordConfirm: _confirmed, ...input }) => {
      onStart();
      try {
        return await api.invoke('setup.create', input);
      } catch (error) {
        onFailed();
        throw error;
      }
    },
    onDone: onCreated,
  });
  const field = (name: keyof typeof blank) => ({
    value: form.values[name],
    onChange: form.set(name),
    error: form.fieldError(name),
    name,
  });
  const upper = (name: 'country' | 'locode') => (value: string) => form.set(name)(value.toUpperCase());

  return (
    <AuthScreen title={t('setup.title')} width="wide" screen="setup">
      <p className="muted">{t('setup.intro')}</p>
      <form className="form" onSubmit={form.onSubmit} noValidate aria-busy={form.busy}>
        <fieldset className="form-section" disabled={form.busy}>
          <legend>{t('setup.unit')}</legend>
          <TextField {...field('unitName')} label={t('field.unitName')} maxLength={200} autoFocus />
          <div className="field-row">
            <TextField
              {...field('country')}
              onChange={upper('country')}
              label={t('field.country')}
              hint={t('field.country.hint')}
              maxLength={2}
              autoComplete="off"
              spellCheck={false}
            />
            <TextField
              {...field('locode')}
              onChange={upper('locode')}
              label={t('field.locode')}
              hint={t('field.locode.hint')}
              maxLength={6}
              autoComplete="off"
              spellCheck={false}
            />
          </div>
        </fieldset>
        <fieldset className="form-section" disabled={form.busy}>
          <legend>{t('setup.admin')}</legend>
          <div className="field-row">
            <TextField
              {...field('adminUsername')}
              label={t('field.username')}
              hint={t('field.username.hint')}
              maxLength={64}
              autoComplete="username"
              spellCheck={false}
            />
            <TextField {...field('adminDisplayName')} label={t('field.displayName')} maxLength={200} autoComplete="name" />
          </div>
          <div className="field-row">
            <TextField
              {...field('password')}
              type="password"
              label={t('field.password')}
              hint={t('field.password.rule', { min: MIN_PASSWORD_LENGTH })}
              autoComplete="new-password"
            />
            <TextField {...field('passwordConfirm')} type="password" label={t('field.passwordConfirm')} autoComplete="new-password" />
          </div>
        </fieldset>
        {form.error && <Notice kind="error">{form.error}</Notice>}
        <div className="form-actions">
          <button type="submit" className={form.busy ? 'primary busy' : 'primary'} disabled={form.busy}>
            {form.busy ? t('setup.busy') : t('setup.submit')}
          </button>
        </div>
      </form>
      {children}
    </AuthScreen>
  );
}
