import type { TargetRow } from '../../../../../shared/ipc/risk-contract';
import { useApi } from '../../../app/api-context';
import { useI18n } from '../../../app/i18n';
import { DialogActions, ModalDialog } from '../../../components/ModalDialog';
import { Notice } from '../../../components/Notice';
import { useReasonForm } from '../../../components/useReasonForm';

export type DecisionChoice = 'select' | 'waive';

/**
 * Select or waive one line. The reason is mandatory (it is what a supervisor
 * and a prosecutor will read), so the dialog opens with the cursor in it;
 * Ctrl+Enter records, Esc cancels.
 */
export function DecisionDialog({
  row,
  choice,
  onDone,
  onClose,
}: {
  row: TargetRow;
  choice: DecisionChoice;
  onDone: (decision: NonNullable<TargetRow['decision']>) => void;
  onClose: () => void;
}) {
  const api = useApi();
  const { t } = useI18n();
  const form = useReasonForm({
    run: async (reason) => {
      const record = await api.invoke('targets.decide', { consignmentId: row.id, choice, reason });
      onDone(record.decision);
    },
  });

  const title = t(choice === 'select' ? 'targeting.decide.selectTitle' : 'targeting.decide.waiveTitle');
  return (
    <ModalDialog className="dialog decision-dialog" labelledBy="decision-title" onClose={onClose}>
      <h2 id="decision-title">{title}</h2>
      <p className="muted">
        <span className="mono">{row.container ?? row.bl ?? row.id}</span> · {row.consignee ?? '—'} · {t('targeting.column.score')} {row.score}
      </p>
      <form className="form" onSubmit={(event) => void form.submit(event)} noValidate aria-busy={form.busy}>
        <div className="field">
          <label htmlFor="decision-reason">{t('targeting.decide.reason')}</label>
          <textarea
            id="decision-reason"
            name="reason"
            rows={4}
            value={form.reason}
            autoFocus
            aria-invalid={form.missing}
            aria-describedby={form.missing ? 'decision-reason-error' : 'decision-reason-hint'}
            onChange={(event) => form.change(event.target.value)}
            onKeyDown={form.submitOnCtrlEnter}
          />
          {form.missing ? (
            <p id="decision-reason-error" className="field-error">
              {t('targeting.decide.reasonRequired')}
            </p>
          ) : (
            <p id="decision-reason-hint" className="field-hint">
              {t('targeting.decide.reasonHint')}
            </p>
          )}
        </div>
        {form.failure && <Notice kind="error">{form.failure}</Notice>}
        <DialogActions busy={form.busy} onCancel={onClose}>
          <button type="submit" className={choice === 'select' ? 'primary' : 'secondary'} disabled={form.busy}>
            {t(choice === 'select' ? 'targeting.decide.select' : 'targeting.decide.waive')}
          </button>
        </DialogActions>
      </form>
    </ModalDialog>
  );
}
