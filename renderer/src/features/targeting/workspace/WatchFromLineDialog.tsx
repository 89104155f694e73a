import { useState } from 'react';
import type { MessageKey } from '../../../../../shared/i18n';
import { useApi } from '../../../app/api-context';
import { useI18n } from '../../../app/i18n';
import { DialogActions, ModalDialog } from '../../../components/ModalDialog';
import { Notice } from '../../../components/Notice';
import { useReasonForm } from '../../../components/useReasonForm';

export interface WatchCandidate {
  readonly kind: 'party' | 'container' | 'vessel' | 'bl' | 'seal';
  readonly value: string;
  /** What the value is on this line ("Consignee", "Container"…), for the officer's eye. */
  readonly label: string;
}

/**
 * Puts what the officer sees on a line on the watch list in one step: the
 * consignee, shipper, container, B/L, seals or vessel, ticked, with one
 * severity and reason for all; added together or not at all.
 */
export function WatchFromLineDialog({ candidates, onDone, onClose }: { candidates: readonly WatchCandidate[]; onDone: (count: number) => void; onClose: () => void }) {
  const api = useApi();
  const { t } = useI18n();
  const [chosen, setChosen] = useState<ReadonlySet<number>>(new Set([0]));
  const [severity, setSeverity] = useState<'critical' | 'high' | 'medium' | 'low'>('high');
  const form = useReasonForm({
    ready: chosen.size > 0,
    run: async (reason) => {
      const entries = candidates.filter((_, index) => chosen.has(index)).map((candidate) => ({ kind: candidate.kind, value: candidate.value, severity, reason }));
      const added = await api.invoke('watchlist.add', { entries });
      onDone(added.length);
    },
  });

  return (
    <ModalDialog className="dialog watch-from-line" labelledBy="watch-line-title" onClose={onClose}>
      <h2 id="watch-line-title">{t('targeting.watchLine.title')}</h2>
      <form className="form" onSubmit={(event) => void form.submit(event)} noValidate aria-busy={form.busy}>
        <fieldset className="form-section plain">
          <legend>{t('targeting.watchLine.what')}</legend>
          {candidates.map((candidate, index) => (
            <label key={`${candidate.kind}${candidate.value}`} className="checkbox-label">
              <input
                type="checkbox"
                checked={chosen.has(index)}
                onChange={(event) =>
                  setChosen((current) => {
                    const next = new Set(current);
                    if (event.target.checked) next.add(index);
                    else next.delete(index);
                    return next;
                  })
                }
              />
              {candidate.label}: <strong>{candidate.value}</strong>
            </label>
          ))}
        </fieldset>
        <div className="field">
          <label htmlFor="watch-line-severity">{t('watchlist.field.severity')}</label>
          <select id="watch-line-severity" value={severity} onChange={(event) => setSeverity(event.target.value as typeof severity)}>
            {(['critical', 'high', 'medium', 'low'] as const).map((level) => (
              <option key={level} value={level}>
                {t(`watchlist.severity.${level}` as MessageKey)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="watch-line-reason">{t('watchlist.field.reason')}</label>
          <textarea
            id="watch-line-reason"
            rows={3}
            value={form.reason}
            aria-invalid={form.missing}
            onChange={(event) => form.change(event.target.value)}
          />
          {form.missing ? <p className="field-error">{t('targeting.decide.reasonRequired')}</p> : <p className="field-hint">{t('watchlist.field.reasonHint')}</p>}
        </div>
        {form.failure && <Notice kind="error">{form.failure}</Notice>}
        <p className="muted fine">{t('targeting.watchLine.rescoreHint')}</p>
        <DialogActions busy={form.busy} onCancel={onClose}>
          <button type="submit" className="primary" disabled={form.busy || chosen.size === 0}>
            {t('watchlist.add.submit')}
          </button>
        </DialogActions>
      </form>
    </ModalDialog>
  );
}
