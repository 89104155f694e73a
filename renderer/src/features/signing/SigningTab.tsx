import { useState } from 'react';
import type { UserInfo } from '../../../../shared/ipc/contract';
import type { SigningCredential } from '../../../../shared/ipc/signing-contract';
import { useApi } from '../../app/api-context';
import { useI18n } from '../../app/i18n';
import { Notice } from '../../components/Notice';
import { useRefreshingLoad } from '../../components/useRefreshingLoad';
import { formatLocalDateTime } from '../../format/datetime';
import { IssueCertificateForm } from './IssueCertificateForm';
import { UnitCaPanel } from './UnitCaPanel';
import { validityAt } from './CertificateFacts';
import './signing.css';

/**
 * Administration → Signing: the unit CA (for units without a national PKI),
 * issuing officer certificates from it, and who can sign until when.
 */
export function SigningTab() {
  const api = useApi();
  const { t } = useI18n();
  const [version, setVersion] = useState(0);
  const [issued, setIssued] = useState<{ user: UserInfo; credential: SigningCredential } | null>(null);
  const state = useRefreshingLoad(
    async () => {
      const [ca, users, credentials] = await Promise.all([
        api.invoke('signing.unitCa.info'),
        api.invoke('users.list'),
        api.invoke('signing.credentials.list'),
      ]);
      return { ca, users, credentials };
    },
    version,
  );
  const reload = () => setVersion((n) => n + 1);

  if (!state) return <p className="muted">{t('status.loading')}</p>;
  const { ca, users, credentials } = state;
  const nameOf = (userId: number) => {
    const user = users.find((candidate) => candidate.id === userId);
    return user ? `${user.displayName} (${user.username})` : `#${userId}`;
  };
  const now = new Date();

  return (
    <div className="stack">
      <UnitCaPanel ca={ca} onCreated={reload} />
      {ca ? (
        <IssueCertificateForm
          users={users}
          onIssued={(credential, user) => {
            setIssued({ credential, user });
            reload();
          }}
        />
      ) : (
        <Notice kind="info">{t('signing.issue.needsCa')}</Notice>
      )}
      {issued && (
        <Notice kind="success" testId="certificate-issued">
          {t('signing.issue.done', { user: `${issued.user.displayName} (${issued.user.username})`, fingerprint: issued.credential.fingerprint })}
        </Notice>
      )}
      <section className="panel" aria-labelledby="signing-holders-title">
        <h2 id="signing-holders-title">{t('signing.holders.title')}</h2>
        {credentials.length === 0 ? (
          <p className="muted">{t('signing.holders.none')}</p>
        ) : (
          <table className="data-table" data-testid="signing-holders">
            <thead>
              <tr>
                <th scope="col">{t('signing.holders.user')}</th>
                <th scope="col">{t('signing.field.kind')}</th>
                <th scope="col">{t('signing.holders.validTo')}</th>
                <th scope="col">{t('signing.field.fingerprint')}</th>
              </tr>
            </thead>
            <tbody>
              {credentials.map((credential) => {
                const validity = validityAt(credential, now);
                return (
                  <tr key={credential.userId} data-user-id={credential.userId} className={validity === 'valid' ? undefined : 'row-disabled'}>
                    <td>{nameOf(credential.userId)}</td>
                    <td>{t(`signing.kind.${credential.kind}`)}</td>
                    <td className="nowrap">{formatLocalDateTime(credential.notAfter)}</td>
                    <td>
                      <code className="hash">{credential.fingerprint}</code>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
