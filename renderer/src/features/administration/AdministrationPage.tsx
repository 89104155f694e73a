import { useState } from 'react';
import { mayAccess } from '../../../../shared/domain/roles';
import { contract } from '../../../../shared/ipc/contract';
import { assertNever } from '../../../../shared/ipc/errors';
import { useI18n } from '../../app/i18n';
import { useSession } from '../../app/session/session-context';
import { PageHeader } from '../../components/PageHeader';
import { Tabs, type Tab } from '../../components/Tabs';
import { AuditTab } from './AuditTab';
import { BackupTab } from './BackupTab';
import { RefusedPanel } from './RefusedPanel';
import { SigningTab } from '../signing/SigningTab';
import { UnitTab } from './UnitTab';
import { UsersTab } from './UsersTab';

type AdminTab = 'users' | 'audit' | 'backup' | 'unit' | 'signing';

/**
 * Each tab is shown to the roles the contract lets call its channels, so the
 * UI never offers what main would refuse (and never calls it: main would
 * record the attempt as access.denied).
 */
const tabAccess = {
  users: contract['users.list'].access,
  audit: contract['audit.list'].access,
  backup: contract['backup.create'].access,
  unit: contract['unit.settings.set'].access,
  signing: contract['signing.unitCa.create'].access,
} as const satisfies Record<AdminTab, unknown>;

const tabOrder: readonly AdminTab[] = ['users', 'audit', 'backup', 'unit', 'signing'];

function tabPanel(tab: AdminTab) {
  switch (tab) {
    case 'users':
      return <UsersTab />;
    case 'audit':
      return <AuditTab />;
    case 'backup':
      return <BackupTab />;
    case 'unit':
      return <UnitTab />;
    case 'signing':
      return <SigningTab />;
    default:
      return assertNever(tab, 'administration tab');
  }
}

export function AdministrationPage() {
  const { t } = useI18n();
  const { info } = useSession();
  const [chosen, setChosen] = useState<AdminTab | null>(null);
  const visible = tabOrder.filter((tab) => mayAccess(tabAccess[tab], info.user.role));
  const current = chosen !== null && visible.includes(chosen) ? chosen : visible[0];
  const tabs: Tab<AdminTab>[] = visible.map((key) => ({ key, title: t(`administration.tab.${key}`) }));

  return (
    <>
      <PageHeader title={t('administration.title')} />
      {current === undefined ? (
        <RefusedPanel role={info.user.role} />
      ) : (
        <Tabs label={t('administration.tabs')} tabs={tabs} current={current} onSelect={setChosen}>
          {tabPanel(current)}
        </Tabs>
      )}
    </>
  );
}
