import { useId, useState } from 'react';
import { useI18n } from '../../app/i18n';
import { AuthScreen } from './AuthScreen';

/**
 * The recovery key, once. Continuing needs an explicit "I have stored it":
 * after this screen the key exists only on the paper the officer keeps.
 */
export function RecoveryKeyScreen({
  recoveryKey,
  unitName,
  onContinue,
}: {
  recoveryKey: string;
  unitName: string;
  onContinue: () => void;
}) {
  const { t } = useI18n();
  const [stored, setStored] = useState(false);
  const checkboxId = useId();

  return (
    <AuthScreen title={t('recovery.title')} width="wide" screen="recovery">
      <p>{t('recovery.intro')}</p>
      <dl className="facts compact">
        <dt>{t('recovery.unit')}</dt>
        <dd>{unitName}</dd>
      </dl>
      <output className="recovery-key" data-testid="recovery-key" aria-label={t('recovery.title')}>
        {recoveryKey}
      </output>
      <div className="warning" role="note">
        <strong>{t('recovery.warning.title')}</strong>
        <p>{t('recovery.warning.body')}</p>
      </div>
      <div className="recovery-actions">
        <button type="button" className="secondary" onClick={() => window.print()}>
          {t('recovery.print')}
        </button>
        <span className="topbar-spacer" />
        <input id={checkboxId} type="checkbox" checked={stored} onChange={(event) => setStored(event.target.checked)} />
        <label htmlFor={checkboxId} className="checkbox-label">
          {t('recovery.stored')}
        </label>
        <button type="button" className="primary" disabled={!stored} onClick={onContinue}>
          {t('recovery.continue')}
        </button>
      </div>
    </AuthScreen>
  );
}
