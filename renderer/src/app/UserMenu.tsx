import { useState } from 'react';
import { ChangePasswordDialog } from '../features/account/ChangePasswordDialog';
import { MySigningCertificateDialog } from '../features/signing/MySigningCertificateDialog';
import { useI18n } from './i18n';
import { useSession } from './session/session-context';

/** Who is at the keyboard, and what they can do about it (lock, password, signing certificate, log out). */
export function UserMenu() {
  const { t } = useI18n();
  const { info, lock, logout } = useSession();
  const [changing, setChanging] = useState(false);
  const [certificate, setCertificate] = useState(false);
  const role = t(`role.${info.user.role}`);
  // The gate re-reads the session after both; a failure leaves the screen as it was.
  const quietly = (action: () => Promise<void>) => () => {
    action().catch(() => {});
  };

  return (
    <div className="user-menu">
      <span className="user-name" title={t('session.user', { name: info.user.displayName, role })} data-testid="session-user">
        {info.user.displayName}
      </span>
      <span className="role-badge" data-testid="session-role">
        {role}
      </span>
      <button type="button" className="topbar-button" onClick={quietly(lock)}>
        {t('session.lock')}
      </button>
      <button type="button" className="topbar-button" onClick={() => setChanging(true)}>
        {t('session.changePassword')}
      </button>
      <button type="button" className="topbar-button" onClick={() => setCertificate(true)} data-testid="open-my-certificate">
        {t('signing.mine.open')}
      </button>
      <button type="button" className="topbar-button" onClick={quietly(logout)}>
        {t('session.logout')}
      </button>
      {changing && <ChangePasswordDialog onClose={() => setChanging(false)} />}
      {certificate && <MySigningCertificateDialog onClose={() => setCertificate(false)} />}
    </div>
  );
}
