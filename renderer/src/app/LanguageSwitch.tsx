import { useState } from 'react';
import { languages, type Language } from '../../../shared/i18n';
import { errorMessageKey } from '../components/ErrorBoundary';
import { useI18n } from './i18n';

export function LanguageSwitch() {
  const { t, language, setLanguage } = useI18n();
  const [failure, setFailure] = useState<unknown>(null);
  const failureKey = failure ? (errorMessageKey(failure) ?? 'error.INTERNAL') : null;

  return (
    <label className="language-switch">
      <span>{t('language.label')}</span>
      <select
        value={language}
        aria-describedby={failureKey ? 'language-error' : undefined}
        onChange={(event) => {
          setFailure(null);
          setLanguage(event.target.value as Language).catch(setFailure);
        }}
      >
        {languages.map((code) => (
          <option key={code} value={code}>
            {t(`language.${code}`)}
          </option>
        ))}
      </select>
      {failureKey && (
        <span id="language-error" role="alert" className="inline-error">
          {t(failureKey, { detail: '' })}
        </span>
      )}
    </label>
  );
}
