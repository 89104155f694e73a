import { useState } from 'react';
import type { UnitCaSummary } from '../../../../shared/ipc/signing-contract';
import { useApi } from '../../app/api-context';
import { useI18n } from '../../app/i18n';
import { useSession } from '../../app/session/session-context';
import { useErrorText } from '../../components/api-errors';
import { Notice } from '../../components/Notice';
import { CertificateFacts } from './CertificateFacts';
import { downloadText } from './pem-download';

type Outcome = { kind: 'success' | 'error'; text: string } | null;

/**
 * The unit CA: none yet (with what creating one means, asked once more), or
 * its certificate with the export the prosecutor's office needs.
 */
export function UnitCaPanel({ ca, onCreated }: { ca: UnitCaSummary | null; onCreated: () => void }) {
  const api = useApi();
  const { t } = useI18n();
  const { info } = useSession();
  const errorText = useErrorText();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [pem, setPem] = useState<string | null>(null);

  const create = () => {
    setBusy(true);
    setOutcome(null);
    api.invoke('signing.unitCa.create').then(
      () => {
        setBusy(false);
        setConfirming(false);
        setOutcome({ kind: 'success', text: t('signing.ca.created') });
        onCreated();
      },
      (error: unknown) => {
        setBusy(false);
        setOutcome({ kind: 'error', text: errorText(error) });
      },
    );
  };

  const exportPem = (show: boolean) => {
    setOutcome(null);
    api.invoke('signing.unitCa.export').then(
      (exported) => {
        if (show) setPem(exported.pem);
        else downloadText(exported.fileName, exported.pem);
      },
      (error: unknown) => setOutcome({ kind: 'error', text: errorText(error) }),
    );
  };

  return (
    <section className="panel" aria-labelledby="unit-ca-title" data-testid="unit-ca">
      <h2 id="unit-ca-title">
        {t('signing.ca.title')}
        {ca && <span className="tag tag-warning">{t('signing.ca.local')}</span>}
      </h2>
      {ca ? (
        <>
          <CertificateFacts certificate={ca} testId="unit-ca-facts" />
          <p className="muted">{t('signing.ca.exportHint')}</p>
          <div className="form-actions start">
            <button type="button" className="secondary" onClick={() => exportPem(false)}>
              {t('signing.ca.export')}
            </button>
            <button type="button" className="secondary" onClick={() => exportPem(true)} aria-expanded={pem !== null}>
              {t('signing.ca.showPem')}
            </button>
          </div>
          {pem !== null && (
            <label className="field pem-field">
              <span>{t('signing.ca.pemLabel')}</span>
              <textarea readOnly value={pem} rows={Math.min(24, pem.split('\n').length)} spellCheck={false} data-testid="unit-ca-pem" onFocus={(event) => event.currentTarget.select()} />
            </label>
          )}
        </>
      ) : (
        <>
          <p>{t('signing.ca.none')}</p>
          <Notice kind="warning" testId="unit-ca-warning">
            {t('signing.ca.warning')}
          </Notice>
          {confirming ? (
            <div className="notice notice-warning confirm-bar" role="alertdialog" aria-label={t('signing.ca.create')}>
              <span>{t('signing.ca.confirm', { unit: info.unit.name })}</span>
              <button type="button" className="secondary" onClick={() => setConfirming(false)} disabled={busy}>
                {t('common.cancel')}
              </button>
              <button type="button" className={busy ? 'primary busy' : 'primary'} onClick={create} disabled={busy} autoFocus>
                {busy ? t('signing.ca.creating') : t('signing.ca.confirmYes')}
              </button>
            </div>
          ) : (
            <div className="form-actions start">
              <button type="button" className="primary" onClick={() => setConfirming(true)}>
                {t('signing.ca.create')}
              </button>
            </div>
          )}
        </>
      )}
      {outcome && <Notice kind={outcome.kind}>{outcome.text}</Notice>}
    </section>
  );
}
