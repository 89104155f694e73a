import { useState } from 'react';
import type { MessageKey, Translate } from '../../../../shared/i18n';
import { contract } from '../../../../shared/ipc/contract';
import { assertNever } from '../../../../shared/ipc/errors';
import type { UpdateStatus } from '../../../../shared/ipc/update-status';
import { mayAccess } from '../../../../shared/domain/roles';
import { useApi } from '../../app/api-context';
import { useI18n } from '../../app/i18n';
import { useSession } from '../../app/session/session-context';
import { useErrorText } from '../../components/api-errors';
import { useUpdateStatus } from './useUpdateStatus';

/** The status-bar line for a state, or null when there is nothing worth saying. */
export function updateStatusText(t: Translate, status: UpdateStatus): string | null {
  const version = status.version ?? '';
  const reason = status.reason ? t(`update.reason.${status.reason}` as MessageKey) : '';
  switch (status.state) {
    case 'unconfigured':
    case 'idle':
      return null;
    case 'checking':
      return t('update.state.checking');
    case 'up-to-date':
      return t('update.state.upToDate');
    case 'available':
      return t('update.state.available', { version });
    case 'downloading':
      return t('update.state.downloading', { version, percent: status.percent ?? 0 });
    case 'ready':
      return t(status.installMode === 'on-quit' ? 'update.state.ready.onQuit' : 'update.state.ready.administrator', { version });
    case 'installing':
      return t('update.state.installing', { version });
    case 'refused':
      return t('update.state.refused', { reason });
    case 'failed':
      return t('update.state.failed', { reason });
    default:
      return assertNever(status.state, 'update state');
  }
}

/**
 * Unobtrusive: one line in the status bar, and nothing at all until IT has
 * configured updates. Administrators also get "Check for updates" and, once a
 * verified download is ready, "Install update" (asked once more, because the
 * program closes). Main enforces the roles; the buttons only follow them.
 */
export function UpdateIndicator() {
  const { t } = useI18n();
  const api = useApi();
  const errorText = useErrorText();
  const { info } = useSession();
  const status = useUpdateStatus();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (status === null || status.state === 'unconfigured') return null;

  const text = updateStatusText(t, status);
  const mayInstall = mayAccess(contract['update.install'].access, info.user.role) && status.state === 'ready';
  const mayCheck = mayAccess(contract['update.check'].access, info.user.role) && ['idle', 'up-to-date', 'refused', 'failed'].includes(status.state);
  const problem = status.state === 'refused' || status.state === 'failed';

  const call = (channel: 'update.check' | 'update.install') => {
    setError(null);
    setConfirming(false);
    api.invoke(channel).catch((failure: unknown) => setError(errorText(failure)));
  };

  return (
    <div className="update-indicator" data-testid="update-status" data-state={status.state} role="status" aria-label={t('update.label')}>
      {text && (
        <span className={problem ? 'update-text update-problem' : 'update-text'} title={status.version ? `${status.currentVersion} → ${status.version}` : status.currentVersion}>
          {text}
        </span>
      )}
      {status.state === 'downloading' && <progress className="update-progress" max={100} value={status.percent ?? 0} aria-label={t('update.label')} />}
      {mayCheck && (
        <button type="button" className="statusbar-button" onClick={() => call('update.check')}>
          {t('update.action.check')}
        </button>
      )}
      {mayInstall && (
        <button type="button" className="statusbar-button statusbar-button-primary" onClick={() => setConfirming(true)}>
          {t('update.action.install')}
        </button>
      )}
      {error && <span className="update-problem">{error}</span>}
      {confirming && (
        <div className="notice notice-warning confirm-bar update-confirm" role="alertdialog" aria-label={t('update.action.install')}>
          <span>{t('update.install.confirm', { version: status.version ?? '' })}</span>
          <button type="button" className="secondary" onClick={() => setConfirming(false)}>
            {t('common.cancel')}
          </button>
          <button type="button" onClick={() => call('update.install')}>
            {t('update.install.now')}
          </button>
        </div>
      )}
    </div>
  );
}
