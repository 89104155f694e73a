import { useState } from 'react';
import type { Partner } from '../../../../../shared/ipc/exchange-contract';
import { useApi } from '../../../app/api-context';
import { useI18n } from '../../../app/i18n';
import { EmptyTable } from '../../../components/EmptyState';
import { Notice } from '../../../components/Notice';
import { useRefreshingLoad } from '../../../components/useRefreshingLoad';
import { useMay } from '../../cases/access';
import { ReasonDialog } from '../../cases/view/ReasonDialog';
import { AddPartnerForm } from './AddPartnerForm';
import { PartnerTable, partnerColumns } from './PartnerTable';

/**
 * The partner units whose packages this unit accepts. Everyone sees the list
 * (an officer checks a fingerprint or why a partner's packages are refused);
 * only an administrator adds or revokes one.
 */
export function PartnersTab() {
  const api = useApi();
  const { t } = useI18n();
  const may = useMay();
  const mayManage = may('exchange.partners.add');
  const [version, setVersion] = useState(0);
  const [revoking, setRevoking] = useState<Partner | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const partners = useRefreshingLoad(() => api.invoke('exchange.partners.list'), version);
  const reload = () => setVersion((n) => n + 1);

  return (
    <div className="stack">
      <section className="panel" aria-labelledby="exchange-partners-title">
        <h2 id="exchange-partners-title">{t('exchange.partners.title')}</h2>
        {!mayManage && <p className="muted">{t('exchange.partners.readOnly')}</p>}
        {notice && <Notice kind="success">{notice}</Notice>}
        {!partners ? (
          <p className="muted">{t('status.loading')}</p>
        ) : partners.length === 0 ? (
          <EmptyTable columns={partnerColumns} title="exchange.partners.empty.title" body="exchange.partners.empty.body" />
        ) : (
          <PartnerTable partners={partners} onRevoke={mayManage && may('exchange.partners.revoke') ? setRevoking : null} />
        )}
      </section>
      {mayManage && (
        <AddPartnerForm
          onAdded={(partner) => {
            setNotice(t('exchange.partners.add.done', { name: partner.name, fingerprint: partner.fingerprint }));
            reload();
          }}
        />
      )}
      {revoking && (
        <ReasonDialog
          title={t('exchange.partners.revoke.title', { name: revoking.name })}
          intro={t('exchange.partners.revoke.intro')}
          label={t('exchange.partners.revoke.reason')}
          hint={t('exchange.partners.revoke.hint')}
          confirm={t('exchange.partners.revoke.confirm')}
          required
          danger
          testId="revoke-partner-dialog"
          onClose={() => setRevoking(null)}
          onConfirm={async (reason) => {
            const revoked = await api.invoke('exchange.partners.revoke', { partnerId: revoking.id, reason });
            setRevoking(null);
            setNotice(t('exchange.partners.revoke.done', { name: revoked.name }));
            reload();
          }}
        />
      )}
    </div>
  );
}
