import { useState } from 'react';
import type { z } from 'zod';
import type { Person } from '../../../../../shared/ipc/casework-contract';
import type { ChannelOutput } from '../../../../../shared/ipc/contract';
import { useApi } from '../../../app/api-context';
import { useI18n } from '../../../app/i18n';
import { useErrorText } from '../../../components/api-errors';
import { Notice } from '../../../components/Notice';
import { formatLocalDateTime } from '../../../format/datetime';
import { useMay } from '../access';
import { useSession } from '../../../app/session/session-context';
import { statusMoves, type Status, type StatusMove } from '../status';
import { ReasonDialog } from './ReasonDialog';

type CaseDetail = ChannelOutput<'cases.get'>;
type PersonInfo = z.infer<typeof Person>;

export function StatusBadge({ status }: { status: Status }) {
  const { t } = useI18n();
  return (
    <span className={`case-status case-status-${status}`} data-status={status}>
      {t(`cases.status.${status}`)}
    </span>
  );
}

/**
 * Reference, status and who holds the case; the status moves the case on
 * (only to where the rules allow: a referral needs an approved examination);
 * a supervisor assigns it to an officer.
 */
export function CaseHeader({ detail, people, onChanged }: { detail: CaseDetail; people: readonly PersonInfo[]; onChanged: () => void }) {
  const api = useApi();
  const { t } = useI18n();
  const errorText = useErrorText();
  const may = useMay();
  const summary = detail.case;
  const { info } = useSession();
  const [moving, setMoving] = useState<StatusMove | null>(null);
  const [assignee, setAssignee] = useState('');
  const [assigning, setAssigning] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const moves = statusMoves(detail, info.user.role);
  const blocked = moves.find((move) => move.blocked !== null);

  const assign = async () => {
    const userId = Number(assignee);
    if (!userId) return;
    setAssigning(true);
    setFailure(null);
    try {
      await api.invoke('cases.assign', { caseId: summary.id, userId });
      setAssignee('');
      onChanged();
    } catch (error) {
      setFailure(errorText(error));
    } finally {
      setAssigning(false);
    }
  };

  return (
    <header className="panel case-header" data-testid="case-header">
      <div className="case-title-row">
        <h2 className="case-reference mono" data-testid="case-reference">
          {summary.reference}
        </h2>
        <StatusBadge status={summary.status} />
        {summary.awaitingApproval > 0 && (
          <span className="tag awaiting-tag">{t('cases.awaitingApproval.count', { count: summary.awaitingApproval })}</span>
        )}
        {summary.title && <span className="case-title">{summary.title}</span>}
      </div>
      <dl className="detail-facts case-facts">
        <dt>{t('cases.assignedTo')}</dt>
        <dd data-testid="case-assignee">{summary.assignedTo ?? t('cases.unassigned')}</dd>
        <dt>{t('cases.opened')}</dt>
        <dd>{t('cases.byAt', { by: summary.openedBy, at: formatLocalDateTime(summary.openedAt) })}</dd>
        {summary.closedAt && (
          <>
            <dt>{t('cases.closed')}</dt>
            <dd>{formatLocalDateTime(summary.closedAt)}</dd>
          </>
        )}
      </dl>
      <div className="case-actions">
        {may('cases.setStatus') && moves.length > 0 && (
          <div className="status-actions" role="group" aria-label={t('cases.status.actions')}>
            {moves.map((move) => (
              <button
                key={move.to}
                type="button"
                className={move.to === 'referred' ? 'primary' : 'secondary'}
                disabled={move.blocked !== null}
                aria-describedby={move.blocked ? 'status-blocked' : undefined}
                data-status-action={move.to}
                onClick={() => setMoving(move)}
              >
                {t(`cases.status.to.${move.to}`)}
              </button>
            ))}
            {blocked && (
              <span id="status-blocked" className="field-hint">
                {t('cases.status.referNeedsApproval')}
              </span>
            )}
          </div>
        )}
        {may('cases.assign') && (
          <div className="assign-form">
            <div className="field">
              <label htmlFor="case-assignee">{t('cases.assign.to')}</label>
              <select id="case-assignee" value={assignee} onChange={(event) => setAssignee(event.target.value)}>
                <option value="">{t('cases.assign.choose')}</option>
                {people.map((person) => (
                  <option key={person.id} value={String(person.id)}>
                    {person.displayName} ({t(roleKey(person.role))})
                  </option>
                ))}
              </select>
            </div>
            <button type="button" className="secondary" disabled={!assignee || assigning} onClick={() => void assign()}>
              {t('cases.assign.submit')}
            </button>
          </div>
        )}
      </div>
      {failure && <Notice kind="error">{failure}</Notice>}
      {moving && (
        <ReasonDialog
          title={t('cases.status.dialogTitle', { status: t(`cases.status.${moving.to}`) })}
          intro={t('cases.status.dialogIntro', { reference: summary.reference })}
          label={t('cases.status.reason')}
          hint={t(moving.reasonRequired ? 'cases.status.reasonRequiredHint' : 'cases.status.reasonHint')}
          confirm={t(`cases.status.to.${moving.to}`)}
          required={moving.reasonRequired}
          testId="status-dialog"
          onClose={() => setMoving(null)}
          onConfirm={async (reason) => {
            await api.invoke('cases.setStatus', { caseId: summary.id, status: moving.to, reason });
            setMoving(null);
            onChanged();
          }}
        />
      )}
    </header>
  );
}

function roleKey(role: string): 'role.officer' | 'role.supervisor' | 'role.administrator' {
  return role === 'supervisor' ? 'role.supervisor' : role === 'administrator' ? 'role.administrator' : 'role.officer';
}
