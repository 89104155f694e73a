import { useState } from 'react';
import type { ChannelOutput } from '../../../../../shared/ipc/contract';
import { useApi } from '../../../app/api-context';
import { useI18n } from '../../../app/i18n';
import { useErrorText } from '../../../components/api-errors';
import { EmptyPanel } from '../../../components/EmptyState';
import { Notice } from '../../../components/Notice';
import { useRefreshingLoad } from '../../../components/useRefreshingLoad';
import { formatLocalDateTime } from '../../../format/datetime';
import { useMay } from '../access';
import type { ExamTarget } from '../examination/ExaminationForm';

type QueueRow = ChannelOutput<'examinations.queue'>[number];

export const rowLabel = (row: Pick<QueueRow, 'container' | 'bl' | 'consignmentId'>) => row.container ?? row.bl ?? `#${row.consignmentId}`;

/**
 * Consignments selected for examination (by an officer or at random) and not
 * examined yet, oldest decision first: why each was selected, by whom; one
 * key to start the examination, or several ticked to open one case for them.
 */
export function ExaminationQueue({ onExamine, onOpenCase }: { onExamine: (target: ExamTarget) => void; onOpenCase: (caseId: number, reference: string | null) => void }) {
  const api = useApi();
  const { t } = useI18n();
  const errorText = useErrorText();
  const may = useMay();
  const [version, setVersion] = useState(0);
  const rows = useRefreshingLoad(() => api.invoke('examinations.queue', { limit: 500, offset: 0 }), version);
  const [chosen, setChosen] = useState<ReadonlySet<number>>(new Set());
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  if (!rows) return <p className="muted">{t('status.loading')}</p>;
  if (rows.length === 0) return <EmptyPanel title="cases.queue.empty.title" body="cases.queue.empty.body" />;

  const toggle = (id: number) =>
    setChosen((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const openCase = async () => {
    setBusy(true);
    setFailure(null);
    try {
      const opened = await api.invoke('cases.open', { consignmentIds: [...chosen], title: '' });
      setChosen(new Set());
      setVersion((n) => n + 1);
      onOpenCase(opened.id, opened.reference);
    } catch (error) {
      setFailure(errorText(error));
    } finally {
      setBusy(false);
    }
  };
  const present = rows.filter((row) => chosen.has(row.consignmentId)).length;

  return (
    <div className="stack" data-testid="examination-queue">
      <div className="queue-bar">
        <span className="muted">{t('cases.queue.count', { count: rows.length })}</span>
        <span className="spacer" />
        {may('cases.open') && (
          <button type="button" className="secondary" disabled={present === 0 || busy} onClick={() => void openCase()}>
            {t('cases.queue.openCase', { count: present })}
          </button>
        )}
      </div>
      {failure && <Notice kind="error">{failure}</Notice>}
      <div className="table-scroll">
        <table className="data-table queue-table" data-testid="queue-table">
          <thead>
            <tr>
              <th scope="col">
                <span className="visually-hidden">{t('cases.queue.choose')}</span>
              </th>
              <th scope="col">{t('cases.column.container')}</th>
              <th scope="col">{t('cases.column.bl')}</th>
              <th scope="col">{t('cases.column.consignee')}</th>
              <th scope="col">{t('cases.column.goods')}</th>
              <th scope="col" className="numeric">
                {t('cases.column.score')}
              </th>
              <th scope="col">{t('cases.column.decision')}</th>
              <th scope="col">{t('cases.column.decidedBy')}</th>
              <th scope="col">{t('cases.column.case')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('cases.column.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const label = rowLabel(row);
              return (
                <tr key={row.consignmentId} data-consignment={row.consignmentId} className={chosen.has(row.consignmentId) ? 'chosen' : undefined}>
                  <td>
                    {row.caseId === null && (
                      <input
                        type="checkbox"
                        checked={chosen.has(row.consignmentId)}
                        aria-label={t('cases.queue.chooseNamed', { label })}
                        onChange={() => toggle(row.consignmentId)}
                      />
                    )}
                  </td>
                  <td className="mono">{row.container ?? '—'}</td>
                  <td className="mono">{row.bl ?? '—'}</td>
                  <td>{row.consignee ?? '—'}</td>
                  <td className="goods-cell">{row.goods}</td>
                  <td className="numeric nowrap">
                    {row.lane ? (
                      <span className={`lane-badge lane-${row.lane}`}>
                        {row.score ?? '—'} <span className="lane-name">{laneText(t, row.lane)}</span>
                      </span>
                    ) : (
                      (row.score ?? '—')
                    )}
                  </td>
                  <td>
                    <span className={`tag decision-${row.decision}`}>{t(`cases.queue.decision.${row.decision}`)}</span>
                    <div className="reason-text">{row.reason}</div>
                  </td>
                  <td className="nowrap">
                    {row.decidedBy}
                    <div className="muted">{formatLocalDateTime(row.decidedAt)}</div>
                  </td>
                  <td className="nowrap">
                    {row.caseId !== null ? (
                      <button type="button" className="link mono" onClick={() => row.caseId !== null && onOpenCase(row.caseId, row.caseReference)}>
                        {row.caseReference ?? `#${row.caseId}`}
                      </button>
                    ) : (
                      <span className="muted">{t('cases.queue.noCase')}</span>
                    )}
                  </td>
                  <td className="row-actions">
                    {may('examinations.record') && (
                      <button
                        type="button"
                        className="primary small-primary"
                        aria-label={t('cases.queue.examineNamed', { label })}
                        onClick={() => onExamine({ mode: 'record', consignmentId: row.consignmentId, caseId: row.caseId, label })}
                      >
                        {t('cases.queue.examine')}
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function laneText(t: ReturnType<typeof useI18n>['t'], lane: string): string {
  switch (lane) {
    case 'red':
      return t('targeting.lane.red');
    case 'yellow':
      return t('targeting.lane.yellow');
    case 'green':
      return t('targeting.lane.green');
    default:
      return lane;
  }
}
