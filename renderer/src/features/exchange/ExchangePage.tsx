import { useState } from 'react';
import { assertNever } from '../../../../shared/ipc/errors';
import { useI18n } from '../../app/i18n';
import { PageHeader } from '../../components/PageHeader';
import { Tabs, type Tab } from '../../components/Tabs';
import { InboxTab } from './inbox/InboxTab';
import { PartnersTab } from './partners/PartnersTab';
import { SentTab } from './SentTab';
import { UnitCertificateTab } from './UnitCertificateTab';
import './exchange.css';

type ExchangeTab = 'inbox' | 'sent' | 'partners' | 'unit';
const tabOrder: readonly ExchangeTab[] = ['inbox', 'sent', 'partners', 'unit'];

function tabPanel(tab: ExchangeTab) {
  switch (tab) {
    case 'inbox':
      return <InboxTab />;
    case 'sent':
      return <SentTab />;
    case 'partners':
      return <PartnersTab />;
    case 'unit':
      return <UnitCertificateTab />;
    default:
      return assertNever(tab, 'exchange tab');
  }
}

/**
 * Exchange with partner units: packages received (imported from files),
 * packages sent (created from a consignment or a seizure elsewhere), the
 * partner units trusted, and this unit's own exchange certificate.
 */
export function ExchangePage() {
  const { t } = useI18n();
  const [current, setCurrent] = useState<ExchangeTab>('inbox');
  const tabs: Tab<ExchangeTab>[] = tabOrder.map((key) => ({ key, title: t(`exchange.tab.${key}`) }));
  return (
    <>
      <PageHeader title={t('exchange.title')} />
      <Tabs label={t('exchange.tabs')} tabs={tabs} current={current} onSelect={setCurrent}>
        {tabPanel(current)}
      </Tabs>
    </>
  );
}
