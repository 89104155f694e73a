import { useCallback, useState } from 'react';
import { mayAccess } from '../../../../shared/domain/roles';
import { contract } from '../../../../shared/ipc/contract';
import { assertNever } from '../../../../shared/ipc/errors';
import { useI18n } from '../../app/i18n';
import { useSession } from '../../app/session/session-context';
import { PageHeader } from '../../components/PageHeader';
import { Tabs, type Tab } from '../../components/Tabs';
import { IssueReportForm } from './IssueReportForm';
import { ReportList } from './ReportList';
import { ReportView } from './ReportView';
import { StatisticsPanel } from './StatisticsPanel';
import { shortUid } from './report-files';
import './reports.css';

type ReportsTab = 'issue' | 'statistics' | 'list' | 'view';

/**
 * Reports: issue an examination report or case file (officers), statistics
 * for a period (supervisors and above: `reports.issue` is open to officers but
 * its handler refuses statistics below supervisor, the same rule as
 * `reports.statsXlsx`), the list of issued reports and one report's record
 * with its PDF to save.
 */
export function ReportsPage() {
  const { t } = useI18n();
  const { info } = useSession();
  const mayIssueStatistics = mayAccess(contract['reports.statsXlsx'].access, info.user.role);
  const [current, setCurrent] = useState<ReportsTab>('issue');
  // `countersignedFrom`: the view opens on a countersigned copy just made from that report.
  const [open, setOpen] = useState<{ id: number; uid: string; countersignedFrom?: string } | null>(null);
  const [listVersion, setListVersion] = useState(0);

  const refreshList = useCallback(() => setListVersion((version) => version + 1), []);
  const openReport = useCallback((id: number, uid: string) => {
    setOpen({ id, uid });
    setCurrent('view');
  }, []);

  const visible: ReportsTab[] = ['issue', ...(mayIssueStatistics ? (['statistics'] as const) : []), 'list', ...(open ? (['view'] as const) : [])];
  const title = (tab: ReportsTab): string => {
    switch (tab) {
      case 'issue':
        return t('reports.tab.issue');
      case 'statistics':
        return t('reports.tab.statistics');
      case 'list':
        return t('reports.tab.list');
      case 'view':
        return t('reports.tab.view', { uid: open ? shortUid(open.uid) : '' });
      default:
        return assertNever(tab, 'reports tab');
    }
  };
  const tabs: Tab<ReportsTab>[] = visible.map((key) => ({ key, title: title(key) }));
  const shown = visible.includes(current) ? current : 'issue';

  return (
    <>
      <PageHeader title={t('reports.title')} />
      <Tabs label={t('reports.tabs.label')} tabs={tabs} current={shown} onSelect={setCurrent}>
        {/* Both forms stay mounted, so a half-chosen report survives a look at the list. */}
        <div hidden={shown !== 'issue'}>
          <IssueReportForm onIssued={refreshList} onOpen={openReport} />
        </div>
        {mayIssueStatistics && (
          <div hidden={shown !== 'statistics'}>
            <StatisticsPanel onIssued={refreshList} onOpen={openReport} />
          </div>
        )}
        {shown === 'list' && <ReportList version={listVersion} onOpen={openReport} onRefresh={refreshList} />}
        {shown === 'view' && open && (
          <ReportView
            reportId={open.id}
            countersignedFrom={open.countersignedFrom ?? null}
            onOpen={openReport}
            onCountersigned={(next, from) => {
              setOpen({ id: next.reportId, uid: next.reportUid, countersignedFrom: from });
              refreshList();
            }}
            onClose={() => {
              setOpen(null);
              setCurrent('list');
            }}
          />
        )}
      </Tabs>
    </>
  );
}
