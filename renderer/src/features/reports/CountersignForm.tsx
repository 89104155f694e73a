import { useState, type FormEvent } from 'react';
import { useApi } from '../../app/api-context';
import { useI18n } from '../../app/i18n';
import { TextField } from '../../components/Field';
import { Notice } from '../../components/Notice';
import { useErrorText } from '../../components/api-errors';

/**
 * A supervisor's countersignature on a signed report: the password of their
 * signing certificate, asked here each time and forgotten after the call
 * whatever its outcome (as when issuing). Main signs the recorded PDF and
 * records the countersigned one as a new report; `onCountersigned` opens it.
 */
export function CountersignForm({
  report,
  onCountersigned,
  onCancel,
}: {
  report: { id: number; reportUid: string; issuedBy: string };
  onCountersigned: (countersigned: { reportId: number; reportUid: string }) => void;
  onCancel: () => void;
}) {
  const api = useApi();
  const { t } = useI18n();
  const errorText = useErrorText();
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    if (password === '') {
      setMissing(true);
      return;
    }
    setBusy(true);
    try {
      const result = await api.invoke('reports.countersign', { reportId: report.id, password });
      onCountersigned({ reportId: result.reportId, reportUid: result.reportUid });
    } catch (error) {
      setFailure(error);
    } finally {
      // The certificate password is for one signature: never kept.
      setPassword('');
      setBusy(false);
    }
  };

  return (
    <form className="form report-countersign" onSubmit={submit} aria-label={t('reports.countersign.title', { uid: report.reportUid })} data-testid="report-countersign" noValidate>
      <h3>{t('reports.countersign.title', { uid: report.reportUid })}</h3>
      <p className="muted">{t('reports.countersign.hint', { name: report.issuedBy })}</p>
      <TextField
        className="report-password"
        label={t('reports.issue.password')}
        type="password"
        autoComplete="off"
        value={password}
        hint={t('reports.issue.passwordHint')}
        error={missing ? t('reports.issue.passwordRequired') : null}
        onChange={(value) => {
          setPassword(value);
          setMissing(false);
        }}
      />
      {failure !== null && <Notice kind="error">{errorText(failure)}</Notice>}
      <div className="form-actions">
        {busy && <span className="busy muted">{t('reports.countersign.busy')}</span>}
        <button
          type="button"
          className="secondary"
          disabled={busy}
          onClick={() => {
            setPassword('');
            onCancel();
          }}
        >
          {t('common.cancel')}
        </button>
        <button type="submit" className="primary" disabled={busy}>
          {t('reports.countersign.submit')}
        </button>
      </div>
    </form>
  );
}
