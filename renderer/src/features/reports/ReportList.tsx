import { useApi } from '../../app/api-context';
import { useI18n } from '../../app/i18n';
import { EmptyTable } from '../../components/EmptyState';
import { useRefreshingLoad } from '../../components/useRefreshingLoad';
import { formatLocalDateTime } from '../../format/datetime';
import { kindText, languageText } from './report-text';
import { shortUid } from './report-files';
import { TableHead } from '../../components/TableHead';

const columns = ['reports.list.id', 'reports.list.kind', 'reports.list.case', 'reports.list.language', 'reports.list.signed', 'reports.list.by', 'reports.list.issuedAt', 'reports.list.sha256'] as const;

/**
 * Reports issued in the unit, newest first (statistics only for supervisors:
 * main filters them). `version` changes after each issue, to show the new one.
 */
export function ReportList({ version, onOpen, onRefresh }: { version: number; onOpen: (reportId: number, reportUid: string) => void; onRefresh: () => void }) {
  const api = useApi();
  const { t } = useI18n();
  const reports = useRefreshingLoad(() => api.invoke('reports.list', { limit: 200 }), version);

  return (
    <div className="stack" data-testid="report-list">
      <div className="report-list-head">
        <p className="muted">{t('reports.list.caption')}</p>
        <button type="button" className="secondary" onClick={onRefresh}>
          {t('reports.list.refresh')}
        </button>
      </div>
      {!reports ? (
        <p className="muted">{t('status.loading')}</p>
      ) : reports.length === 0 ? (
        <EmptyTable columns={columns} title="reports.empty.title" body="reports.empty.body" />
      ) : (
        <table className="data-table report-table" data-testid="report-table">
          <TableHead columns={columns} />
          <tbody>
            {reports.map((report) => (
              <tr key={report.id} data-report={report.id} data-uid={report.reportUid}>
                <td className="nowrap">
                  <button
                    type="button"
                    className="link mono"
                    title={report.reportUid}
                    aria-label={`${t('reports.list.open')} ${report.reportUid}`}
                    onClick={() => onOpen(report.id, report.reportUid)}
                  >
                    {shortUid(report.reportUid)}
                  </button>
                </td>
                <td>{kindText(t, report.kind)}</td>
                <td className="nowrap">{report.caseReference ?? '—'}</td>
                <td>{languageText(t, report.language)}</td>
                <td>{report.countersigns ? t('reports.list.countersigned') : report.signed ? t('reports.list.signedYes') : t('reports.list.unsigned')}</td>
                <td>{report.issuedBy}</td>
                <td className="nowrap">{formatLocalDateTime(report.issuedAt)}</td>
                <td>
                  <code className="hash">{report.pdfSha256}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
