import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { z } from 'zod';
import type { WatchEntry } from '../../../../../shared/ipc/risk-contract';
import { useApi } from '../../../app/api-context';
import { useI18n } from '../../../app/i18n';
import { useErrorText } from '../../../components/api-errors';
import { Notice } from '../../../components/Notice';

type Entry = z.infer<typeof WatchEntry>;

/**
 * Stops an entry matching. The entry stays on record with who removed it and
 * why, so the reason is mandatory; the dialog opens with the cursor in it.
 */
export function RemoveEntryDialog({ entry, onDone, onClose }: { entry: Entry; onDone: (removed: Entry) => void; onClose: () => void }) {
  const api = useApi();
  const { t } = useI18n();
  const errorText = useErrorText();
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const reasonInput = useRef<HTMLTextAreaElement>(null);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (!reason.trim()) {
      setMissing(true);
      // Back to the reason, so the supervisor can type it at once.
      reasonInput.current?.focus();
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      onDone(await api.invoke('watchlist.remove', { id: entry.id, reason: reason.trim() }));
    } catch (error) {
      setFailure(errorText(error));
      setBusy(false);
    }
  };

  return (
    <dialog ref={dialog} className="dialog watchlist-dialog" aria-labelledby={`${id}-title`} onClose={onClose} data-testid="watchlist-remove">
      <h2 id={`${id}-title`}>{t('watchlist.remove.title')}</h2>
      <p className="muted">
        {t(`watchlist.kind.${entry.kind}`)}: <strong>{entry.value}</strong> · {t(`watchlist.severity.${entry.severity}`)}
      </p>
      <form className="form" onSubmit={(event) => void submit(event)} noValidate aria-busy={busy}>
        <div className={missing ? 'field invalid' : 'field'}>
          <label htmlFor={`${id}-reason`}>{t('watchlist.remove.reason')}</label>
          <textarea
            id={`${id}-reason`}
            ref={reasonInput}
            name="reason"
            rows={3}
            maxLength={2000}
            value={reason}
            autoFocus
            aria-invalid={missing || undefined}
            aria-describedby={`${id}-note`}
            onChange={(event) => {
              setReason(event.target.value);
              setMissing(false);
            }}
          />
          <span id={`${id}-note`} className={missing ? 'field-error' : 'field-hint'}>
            {t(missing ? 'watchlist.remove.reasonRequired' : 'watchlist.remove.reasonHint')}
          </span>
        </div>
        {failure && <Notice kind="error">{failure}</Notice>}
        <div className="form-actions">
          <button type="button" className="secondary" onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </button>
          <button type="submit" className={busy ? 'danger busy' : 'danger'} disabled={busy}>
            {t('watchlist.remove.submit')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
