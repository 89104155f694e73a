import { useState } from 'react';
import { mayAccess } from '../../../../../shared/domain/roles';
import { contract } from '../../../../../shared/ipc/contract';
import type { ProfileSummary } from '../../../../../shared/ipc/risk-contract';
import { useApi } from '../../../app/api-context';
import { useI18n } from '../../../app/i18n';
import { useSession } from '../../../app/session/session-context';
import { EmptyPanel } from '../../../components/EmptyState';
import { Notice } from '../../../components/Notice';
import { useRefreshingLoad } from '../../../components/useRefreshingLoad';
import '../targeting-admin.css';
import { RescoreOffer } from '../watchlist/RescoreOffer';
import { ActiveProfile } from './ActiveProfile';
import { Backtest } from './Backtest';
import { HitRates } from './HitRates';
import { ProfileEditor } from './ProfileEditor';
import { VersionHistory } from './VersionHistory';

/**
 * The risk profile: the version in use with its indicators, what the unit's
 * results say about it, and its history. Supervisors change it only by saving
 * a new version (never in place), back-test a version over stored history,
 * and can make another version the active one.
 */
export function ProfilesTab() {
  const api = useApi();
  const { t } = useI18n();
  const { info } = useSession();
  const [version, setVersion] = useState(0);
  const data = useRefreshingLoad(() => Promise.all([api.invoke('profiles.list'), api.invoke('indicators.list')]), version);
  const [editing, setEditing] = useState(false);
  const [changed, setChanged] = useState<{ text: string; version: ProfileSummary } | null>(null);
  const role = info.user.role;
  const mayEdit = mayAccess(contract['profiles.save'].access, role);
  const mayActivate = mayAccess(contract['profiles.activate'].access, role);
  const mayBacktest = mayAccess(contract['profiles.backtest'].access, role);
  const reload = () => setVersion((n) => n + 1);

  if (!data) return <p className="muted">{t('status.loading')}</p>;
  const [versions, indicators] = data;
  const active = versions.find((candidate) => candidate.active);
  if (!active) return <EmptyPanel title="profiles.none.title" body="profiles.none.body" />;
  const nextVersion = Math.max(...versions.filter((candidate) => candidate.profileId === active.profileId).map((candidate) => candidate.version)) + 1;

  return (
    <div className="stack profiles-tab" data-testid="profiles-tab">
      <p className="muted tab-intro">{t('profiles.intro')}</p>
      {changed && (
        <>
          <Notice kind="success" testId="profile-notice">
            {changed.text}
          </Notice>
          <RescoreOffer
            key={changed.version.id}
            message={t('profiles.rescore.needed', { name: changed.version.name, version: changed.version.version })}
            testId="profile-rescore"
            onDismiss={() => setChanged(null)}
          />
        </>
      )}
      {editing ? (
        <ProfileEditor
          base={active}
          nextVersion={nextVersion}
          indicators={indicators}
          onCancel={() => setEditing(false)}
          onSaved={(saved) => {
            setEditing(false);
            setChanged({ text: t(saved.active ? 'profiles.saved.active' : 'profiles.saved', { name: saved.name, version: saved.version }), version: saved });
            reload();
          }}
        />
      ) : (
        <>
          <ActiveProfile profile={active} indicators={indicators} />
          {mayEdit ? (
            <div className="profile-actions">
              <button
                type="button"
                className="primary"
                onClick={() => {
                  setChanged(null);
                  setEditing(true);
                }}
              >
                {t('profiles.edit.open', { version: nextVersion })}
              </button>
              <span className="muted">{t('profiles.edit.never')}</span>
            </div>
          ) : (
            <p className="muted" data-testid="profile-readonly">
              {t('profiles.readOnly')}
            </p>
          )}
        </>
      )}
      <HitRates key={`hits-${active.id}`} versions={versions} activeId={active.id} />
      {mayBacktest && <Backtest key={`backtest-${active.id}`} versions={versions} activeId={active.id} />}
      <VersionHistory
        versions={versions}
        mayActivate={mayActivate}
        onActivated={(activated) => {
          setChanged({ text: t('profiles.activated', { name: activated.name, version: activated.version }), version: activated });
          reload();
        }}
      />
    </div>
  );
}
