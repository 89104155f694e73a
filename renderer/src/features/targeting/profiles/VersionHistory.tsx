import { useState } from 'react';
import type { ProfileSummary } from '../../../../../shared/ipc/risk-contract';
import { useApi } from '../../../app/api-context';
import { useI18n } from '../../../app/i18n';
import { useErrorText } from '../../../components/api-errors';
import { Notice } from '../../../components/Notice';
import { formatLocalDateTime } from '../../../format/datetime';
import { formatPercent } from './profile-text';

/**
 * Every version ever saved, newest first: versions are never edited, so this
 * is the record of what scored the unit's lines when. A supervisor can make
 * an older version the active one again (after confirming; audited by main).
 */
export function VersionHistory({
  versions,
  mayActivate,
  onActivated,
}: {
  versions: readonly ProfileSummary[];
  mayActivate: boolean;
  onActivated: (version: ProfileSummary) => void;
}) {
  const api = useApi();
  const { t, language } = useI18n();
  const errorText = useErrorText();
  const [confirming, setConfirming] = useState<ProfileSummary | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const newestFirst = [...versions].sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.version - a.version);

  const activate = (version: ProfileSummary) => {
    setBusy(true);
    setFailure(null);
    api.invoke('profiles.activate', { versionId: version.id }).then(
      (active) => {
        setBusy(false);
        setConfirming(null);
        onActivated(active);
      },
      (error: unknown) => {
        setBusy(false);
        setFailure(errorText(error));
      },
    );
  };

  return (
    <section className="panel profile-history" aria-labelledby="profile-history-title">
      <h2 id="profile-history-title">{t('profiles.history.title')}</h2>
      <p className="muted">{t('profiles.history.intro')}</p>
      <table className="data-table compact" data-testid="profile-history">
        <thead>
          <tr>
            <th scope="col">{t('profiles.column.version')}</th>
            <th scope="col">{t('profiles.column.created')}</th>
            <th scope="col">{t('profiles.column.by')}</th>
            <th scope="col">{t('profiles.column.thresholds')}</th>
            <th scope="col" className="numeric">
              {t('profiles.column.randomRate')}
            </th>
            <th scope="col">{t('profiles.column.reason')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('profiles.column.state')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {newestFirst.map((version) => (
            <tr key={version.id} data-version={version.version} data-active={version.active ? 'true' : 'false'} className={version.active ? 'row-active' : undefined}>
              <td className="nowrap">
                {t('profiles.versionName', { name: version.name, version: version.version })}
              </td>
              <td className="nowrap">{formatLocalDateTime(version.createdAt)}</td>
              <td>{version.createdBy ?? t('profiles.createdBy.system')}</td>
              <td className="nowrap">{t('profiles.thresholds', { red: version.redThreshold, yellow: version.yellowThreshold })}</td>
              <td className="numeric">{formatPercent(language, version.randomRate)}</td>
              <td className="profile-reason">{version.changeReason}</td>
              <td className="row-actions">
                {version.active ? (
                  <span className="tag active-tag">{t('profiles.active.tag')}</span>
                ) : (
                  mayActivate && (
                    <button
                      type="button"
                      className="small"
                      onClick={() => {
                        setFailure(null);
                        setConfirming(version);
                      }}
                      aria-label={t('profiles.activate.label', { name: version.name, version: version.version })}
                    >
                      {t('profiles.activate')}
                    </button>
                  )
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {confirming && (
        <div className="notice notice-warning confirm-bar" role="alertdialog" aria-label={t('profiles.activate')} data-testid="profile-activate-confirm">
          <span>{t('profiles.activate.confirm', { name: confirming.name, version: confirming.version })}</span>
          <button type="button" className="secondary" onClick={() => setConfirming(null)} disabled={busy}>
            {t('common.cancel')}
          </button>
          <button type="button" className={busy ? 'primary busy' : 'primary'} onClick={() => activate(confirming)} disabled={busy} autoFocus>
            {t('profiles.activate.yes', { version: confirming.version })}
          </button>
        </div>
      )}
      {failure && <Notice kind="error">{failure}</Notice>}
    </section>
  );
}
