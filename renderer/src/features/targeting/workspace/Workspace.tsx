import { useEffect, useRef, useState } from 'react';
import type { TargetFilter, TargetRow } from '../../../../../shared/ipc/risk-contract';
import { useApi } from '../../../app/api-context';
import { useI18n } from '../../../app/i18n';
import { useErrorText } from '../../../components/api-errors';
import { EmptyPanel } from '../../../components/EmptyState';
import { Notice } from '../../../components/Notice';
import { DecisionDialog, type DecisionChoice } from './DecisionDialog';
import { WatchFromLineDialog, type WatchCandidate } from './WatchFromLineDialog';
import { TargetDetail } from './TargetDetail';
import { TargetFilters } from './TargetFilters';
import { TargetList } from './TargetList';
import { useTargetPages } from './useTargetPages';
import { AlertExportDialog } from '../../exchange/export/AlertExportDialog';
import { useMay } from '../../cases/access';

/** The screen officers live in: filters on top, the ranked list, and the selected line's reasons beside it. */
export function Workspace() {
  const api = useApi();
  const { t } = useI18n();
  const errorText = useErrorText();
  const [filter, setFilter] = useState<TargetFilter>({});
  const [sort, setSort] = useState('score');
  const [cursor, setCursor] = useState(0);
  const [deciding, setDeciding] = useState<{ row: TargetRow; choice: DecisionChoice } | null>(null);
  const [detailVersion, setDetailVersion] = useState(0);
  const [notice, setNotice] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const [rescoring, setRescoring] = useState(false);
  const [watching, setWatching] = useState<WatchCandidate[] | null>(null);
  const [alerting, setAlerting] = useState<{ consignmentId: number; label: string } | null>(null);
  const may = useMay();
  const pages = useTargetPages(filter, sort);
  // Back to the list once the decision dialog has left the page (a modal dialog keeps focus while it is there).
  const wasDeciding = useRef(false);
  useEffect(() => {
    if (deciding) wasDeciding.current = true;
    else if (wasDeciding.current) {
      wasDeciding.current = false;
      document.querySelector<HTMLElement>('[data-testid="target-viewport"]')?.focus();
    }
  }, [deciding]);
  if (pages.error) throw pages.error;
  const current = pages.row(cursor);

  const rescore = async () => {
    setRescoring(true);
    setNotice(null);
    try {
      const summary = await api.invoke('targets.rescore', filter.manifestId ? { manifestId: filter.manifestId } : {});
      setNotice({ kind: 'success', text: t('targeting.rescore.done', { lines: summary.lines, red: summary.red, yellow: summary.yellow, green: summary.green }) });
      pages.reload();
      setDetailVersion((version) => version + 1);
    } catch (error) {
      setNotice({ kind: 'error', text: errorText(error) });
    } finally {
      setRescoring(false);
    }
  };

  return (
    <div className="workspace stack">
      <TargetFilters
        sort={sort}
        onSort={(next) => {
          setSort(next);
          setCursor(0);
        }}
        onApply={(next) => {
          setFilter(next);
          setCursor(0);
        }}
      />
      <div className="workspace-bar">
        <span className="muted" aria-live="polite">
          {pages.total === null ? t('status.loading') : t('targeting.count', { count: pages.total })}
          {pages.profile && ` · ${t('targeting.profileInUse', { profile: pages.profile.name, version: pages.profile.version, red: pages.profile.redThreshold, yellow: pages.profile.yellowThreshold })}`}
        </span>
        <span className="spacer" />
        <span className="muted fine keys-hint">{t('targeting.keys')}</span>
        <button type="button" className="secondary" onClick={() => void rescore()} disabled={rescoring}>
          {rescoring ? t('targeting.rescore.busy') : t(filter.manifestId ? 'targeting.rescore.manifest' : 'targeting.rescore.all')}
        </button>
      </div>
      {notice && <Notice kind={notice.kind}>{notice.text}</Notice>}
      {pages.total === 0 ? (
        <EmptyPanel title="targeting.empty.title" body="targeting.empty.body" />
      ) : (
        <div className="workspace-split">
          <TargetList
            pages={pages}
            cursor={cursor}
            onCursor={setCursor}
            onOpen={() => document.getElementById('target-detail-title')?.focus()}
            onDecide={(row, choice) => setDeciding({ row, choice })}
          />
          <aside className="workspace-detail" aria-label={t('targeting.detail.label')}>
            {current ? (
              <TargetDetail
                consignmentId={current.id}
                version={detailVersion}
                onDecide={(choice) => setDeciding({ row: current, choice })}
                onWatch={setWatching}
                {...(may('exchange.export') ? { onSendAlert: (label: string) => setAlerting({ consignmentId: current.id, label }) } : {})}
              />
            ) : (
              <p className="muted">{t('status.loading')}</p>
            )}
          </aside>
        </div>
      )}
      {watching && (
        <WatchFromLineDialog
          candidates={watching}
          onClose={() => setWatching(null)}
          onDone={(count) => {
            setWatching(null);
            setNotice({ kind: 'success', text: t('targeting.watchLine.done', { count }) });
          }}
        />
      )}
      {alerting && <AlertExportDialog consignmentId={alerting.consignmentId} label={alerting.label} onClose={() => setAlerting(null)} />}
      {deciding && (
        <DecisionDialog
          row={deciding.row}
          choice={deciding.choice}
          onClose={() => setDeciding(null)}
          onDone={(decision) => {
            pages.patch(deciding.row.id, { decision });
            setDetailVersion((version) => version + 1);
            setDeciding(null);
          }}
        />
      )}
    </div>
  );
}
