import { useState } from 'react';
import { useI18n } from '../../app/i18n';
import { PageHeader } from '../../components/PageHeader';
import { Tabs, type Tab } from '../../components/Tabs';
import { assertNever } from '../../../../shared/ipc/errors';
import { ProfilesTab } from './profiles/ProfilesTab';
import { ReferenceTab } from './reference/ReferenceTab';
import { WatchlistTab } from './watchlist/WatchlistTab';
import { Workspace } from './workspace/Workspace';

type TargetingTab = 'workspace' | 'watchlist' | 'profiles' | 'reference';
const tabOrder: readonly TargetingTab[] = ['workspace', 'watchlist', 'profiles', 'reference'];

function tabPanel(tab: TargetingTab) {
  switch (tab) {
    case 'workspace':
      return <Workspace />;
    case 'watchlist':
      return <WatchlistTab />;
    case 'profiles':
      return <ProfilesTab />;
    case 'reference':
      return <ReferenceTab />;
    default:
      return assertNever(tab, 'targeting tab');
  }
}

/** Targeting: the ranked workspace, and what drives it (watch lists, profiles, reference tables). */
export function TargetingPage() {
  const { t } = useI18n();
  const [current, setCurrent] = useState<TargetingTab>('workspace');
  const tabs: Tab<TargetingTab>[] = tabOrder.map((key) => ({ key, title: t(`targeting.tab.${key}`) }));
  return (
    <>
      <PageHeader title={t('targeting.title')} />
      <Tabs label={t('targeting.tabs')} tabs={tabs} current={current} onSelect={setCurrent}>
        {tabPanel(current)}
      </Tabs>
    </>
  );
}
