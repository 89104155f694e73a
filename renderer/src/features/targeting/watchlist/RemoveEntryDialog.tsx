import { useId, useRef } from 'react';
import type { z } from 'zod';
import type { WatchEntry } from '../../../../../shared/ipc/risk-contract';
import { useApi } from '../../../app/api-context';
import { useI18n } from '../../../app/i18n';
import { DialogActions, ModalDialog } from '../../../components/ModalDialog';
import { Notice } from '../../../components/Notice';
import { useReasonForm } from '../../../components/useReasonForm';

type Entry = z.infer<typeof WatchEntry>;

/**
 * Stops an entry matching. The entry stays on record with who removed it and
 * why, so the reason is mandatory; the dialog opens with the cursor in it.
 */
export function RemoveEntryDialog({ entry, onDone, onClose }: { entry: Entry; onDone: (removed: Entry) => void; onClose: () => void }) {
  const api = useApi();
  const { t } = useI18n();
  const id = useId();
  const reasonInput = useRef<HTMLTextAreaElement>(null);
  // A missing reason takes the cursor back to it, so the supervisor can type it at once.
  const form = useReasonForm({ input: reasonInput, run: async (reason) => onDone(await api.invoke('watchlist.remove', { id: entry.id, reason })) });

  return (
    <ModalDialog className="dialog watchlist-dialog" labelledBy={`${id}-title`} onClose={onClose} testId="watchlist-remove">
      <h2 id={`${id}-title`}>{t('watchlist.remove.title')}</h2>
      <p className="muted">
        {t(`watchlist.kind.${entry.kind}`)}: <strong>{entry.value}</strong> · {t(`watchlist.severity.${entry.severity}`)}
      </p>
      <form className="form" onSubmit={(event) => void form.submit(event)} noValidate aria-busy={form.busy}>
        <div className={form.missing ? 'field invalid' : 'field'}>
          <label htmlFor={`${id}-reason`}>{t('watchlist.remove.reason')}</label>
          <textarea
            id={`${id}-reason`}
            ref={reasonInput}
            name="reason"
            rows={3}
            maxLength={2000}
            value={form.reason}
            autoFocus
            aria-invalid={form.missing || undefined}
            aria-describedby={`${id}-note`}
            onChange={(event) => form.change(event.target.value)}
          />
          <span id={`${id}-note`} className={form.missing ? 'field-error' : 'field-hint'}>
            {t(form.missing ? 'watchlist.remove.reasonRequired' : 'watchlist.remove.reasonHint')}
          </span>
        </div>
        {form.failure && <Notice kind="error">{form.failure}</Notice>}
        <DialogActions busy={form.busy} onCancel={onClose}>
          <button type="submit" className={form.busy ? 'danger busy' : 'danger'} disabled={form.busy}>
            {t('watchlist.remove.submit')}
          </button>
        </DialogActions>
      </form>
    </ModalDialog>
  );
}
