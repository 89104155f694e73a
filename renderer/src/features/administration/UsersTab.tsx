import { useState } from 'react';
import type { UserInfo } from '../../../../shared/ipc/contract';
import { useApi } from '../../app/api-context';
import { useI18n } from '../../app/i18n';
import { useSession } from '../../app/session/session-context';
import { useErrorText } from '../../components/api-errors';
import { Notice } from '../../components/Notice';
import { useRefreshingLoad } from '../../components/useRefreshingLoad';
import { AddUserForm } from './AddUserForm';
import { ResetPasswordForm } from './ResetPasswordForm';
import { UsersTable } from './UsersTable';

type Outcome = { kind: 'success'; text: string } | { kind: 'error'; text: string } | null;

/** The unit's accounts: the list, and the administrator's four actions on it. */
export function UsersTab() {
  const api = useApi();
  const { t } = useI18n();
  const { info, refresh } = useSession();
  const errorText = useErrorText();
  const [version, setVersion] = useState(0);
  const users = useRefreshingLoad(() => api.invoke('users.list'), version);
  const [resetting, setResetting] = useState<UserInfo | null>(null);
  const [removing, setRemoving] = useState<UserInfo | null>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const reload = () => setVersion((n) => n + 1);

  const toggle = (user: UserInfo) => {
    setOutcome(null);
    api.invoke('users.setDisabled', { username: user.username, disabled: !user.disabled }).then(
      () => {
        reload();
        // Main refreshes the session's own row too (e.g. a second administrator's account).
        void refresh().catch(() => {});
      },
      (error: unknown) => setOutcome({ kind: 'error', text: errorText(error) }),
    );
  };

  const remove = (user: UserInfo) => {
    setRemoving(null);
    api.invoke('users.remove', { username: user.username }).then(reload, (error: unknown) =>
      setOutcome({ kind: 'error', text: errorText(error) }),
    );
  };

  if (!users) return <p className="muted">{t('status.loading')}</p>;
  return (
    <div className="stack">
      {outcome && <Notice kind={outcome.kind}>{outcome.text}</Notice>}
      <UsersTable
        users={users}
        me={info.user.username}
        onToggle={toggle}
        onReset={(user) => {
          setOutcome(null);
          setResetting(user);
        }}
        onRemove={(user) => {
          setOutcome(null);
          setRemoving(user);
        }}
      />
      {removing && (
        <div className="notice notice-warning confirm-bar" role="alertdialog" aria-label={t('users.remove')}>
          <span>{t('users.remove.confirm', { user: removing.username })}</span>
          <button type="button" className="secondary" onClick={() => setRemoving(null)}>
            {t('common.cancel')}
          </button>
          <button type="button" className="danger" onClick={() => remove(removing)}>
            {t('users.remove.yes')}
          </button>
        </div>
      )}
      {resetting && (
        <ResetPasswordForm
          key={resetting.username}
          user={resetting}
          onCancel={() => setResetting(null)}
          onDone={() => {
            setOutcome({ kind: 'success', text: t('users.reset.done', { user: resetting.username }) });
            setResetting(null);
            reload();
          }}
        />
      )}
      <AddUserForm onAdded={reload} />
    </div>
  );
}
