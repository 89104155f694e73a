import type { UserInfo } from '../../../../shared/ipc/contract';
import { useI18n } from '../../app/i18n';
import { formatLocalDateTime } from '../../format/datetime';

export function UsersTable({
  users,
  me,
  onToggle,
  onReset,
  onRemove,
}: {
  users: readonly UserInfo[];
  /** The administrator at the keyboard: no "Disable" on their own row, so nobody locks themselves out by a slip. */
  me: string;
  onToggle: (user: UserInfo) => void;
  onReset: (user: UserInfo) => void;
  onRemove: (user: UserInfo) => void;
}) {
  const { t } = useI18n();
  return (
    <table className="data-table" data-testid="users-table">
      <thead>
        <tr>
          <th scope="col">{t('users.column.username')}</th>
          <th scope="col">{t('users.column.displayName')}</th>
          <th scope="col">{t('users.column.role')}</th>
          <th scope="col">{t('users.column.status')}</th>
          <th scope="col">{t('users.column.created')}</th>
          <th scope="col">{t('users.column.passwordChanged')}</th>
          <th scope="col">
            <span className="visually-hidden">{t('users.column.actions')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {users.map((user) => {
          const self = user.username.toLowerCase() === me.toLowerCase();
          return (
            <tr key={user.id} data-user={user.username} className={user.disabled || user.removed ? 'row-disabled' : undefined}>
              <td>
                <code>{user.username}</code>
                {self && <span className="tag">{t('users.you')}</span>}
              </td>
              <td>{user.displayName}</td>
              <td>{t(`role.${user.role}`)}</td>
              <td>
                <span className={user.disabled || user.removed ? 'status status-off' : 'status status-on'}>
                  {t(user.removed ? 'users.status.removed' : user.disabled ? 'users.status.disabled' : 'users.status.active')}
                </span>
              </td>
              <td className="nowrap">{formatLocalDateTime(user.createdAt)}</td>
              <td className="nowrap">{formatLocalDateTime(user.passwordChangedAt)}</td>
              <td className="row-actions">
                {/* A removed account is history: nothing more to do with it. */}
                {!self && !user.removed && (
                  <button type="button" className="small" onClick={() => onToggle(user)}>
                    {t(user.disabled ? 'users.enable' : 'users.disable')}
                  </button>
                )}
                {!user.removed && (
                  <button type="button" className="small" onClick={() => onReset(user)}>
                    {t('users.resetPassword')}
                  </button>
                )}
                {!self && !user.removed && (
                  <button type="button" className="small" onClick={() => onRemove(user)}>
                    {t('users.remove')}
                  </button>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
