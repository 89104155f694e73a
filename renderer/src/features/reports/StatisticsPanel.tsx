import { useState } from 'react';
import { languages, type Language } from '../../../../shared/i18n';
import { useApi } from '../../app/api-context';
import { useI18n } from '../../app/i18n';
import { SelectField, TextField } from '../../components/Field';
import { Notice } from '../../components/Notice';
import { useErrorText } from '../../components/api-errors';
import { IssuedNotice, type IssuedReport } from './IssuedNotice';
import { base64ToBytes, downloadBytes, isDay, localDay, reportFileName, XLSX_TYPE } from './report-files';

type Busy = 'pdf' | 'xlsx' | null;

/** The last 30 days up to today: the period a manager asks for most. */
function defaultPeriod(): { from: string; to: string } {
  const today = new Date();
  const from = new Date(today.getFullYear(), today.getMonth(), today.getDate() - 29);
  return { from: localDay(from), to: localDay(today) };
}

/**
 * Statistics of a period for managers, as a PDF (issued and recorded like any
 * report) or as an xlsx workbook to work with. Shown only to supervisors and
 * administrators; main refuses anyone else in any case.
 */
export function StatisticsPanel({ onIssued, onOpen }: { onIssued: () => void; onOpen: (reportId: number, reportUid: string) => void }) {
  const api = useApi();
  const { t, language: uiLanguage } = useI18n();
  const errorText = useErrorText();
  const [period, setPeriod] = useState(defaultPeriod);
  // The document's language follows the screen's until the officer picks one.
  const [chosenLanguage, setLanguage] = useState<Language | null>(null);
  const language = chosenLanguage ?? uiLanguage;
  const [busy, setBusy] = useState<Busy>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [issued, setIssued] = useState<IssuedReport | null>(null);
  const [workbook, setWorkbook] = useState<string | null>(null);
  const [checked, setChecked] = useState(false);

  const fromProblem = !isDay(period.from) ? t('reports.stats.dayInvalid') : null;
  const toProblem = !isDay(period.to) ? t('reports.stats.dayInvalid') : !fromProblem && period.to < period.from ? t('reports.stats.periodInvalid') : null;

  const run = async (what: Exclude<Busy, null>) => {
    setChecked(true);
    setFailure(null);
    setIssued(null);
    setWorkbook(null);
    if (fromProblem || toProblem) return;
    setBusy(what);
    try {
      if (what === 'pdf') {
        const result = await api.invoke('reports.issue', { kind: 'statistics', from: period.from, to: period.to, language });
        setIssued({ ...result, fileName: reportFileName({ kind: 'statistics', caseReference: `${period.from}-${period.to}`, reportUid: result.reportUid }) });
        onIssued();
      } else {
        const result = await api.invoke('reports.statsXlsx', { from: period.from, to: period.to, language });
        downloadBytes(result.fileName, base64ToBytes(result.xlsxBase64), XLSX_TYPE);
        setWorkbook(result.fileName);
      }
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(null);
    }
  };

  return (
    <form
      className="form panel report-form"
      aria-label={t('reports.stats.title')}
      data-testid="report-statistics"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void run('pdf');
      }}
    >
      <h2>{t('reports.stats.title')}</h2>
      <p className="muted">{t('reports.stats.hint')}</p>
      <div className="field-grid">
        <TextField label={t('reports.issue.from')} type="date" value={period.from} error={checked ? fromProblem : null} onChange={(from) => setPeriod((current) => ({ ...current, from }))} />
        <TextField label={t('reports.issue.to')} type="date" value={period.to} error={checked ? toProblem : null} onChange={(to) => setPeriod((current) => ({ ...current, to }))} />
        <SelectField label={t('reports.issue.language')} value={language} onChange={(value) => setLanguage(value === 'ru' ? 'ru' : 'en')}>
          {languages.map((code) => (
            <option key={code} value={code}>
              {t(`language.${code}`)}
            </option>
          ))}
        </SelectField>
      </div>
      {failure !== null && <Notice kind="error">{errorText(failure)}</Notice>}
      {issued && <IssuedNotice issued={issued} onOpen={onOpen} />}
      {workbook && (
        <Notice kind="success" testId="report-workbook">
          {t('reports.stats.xlsxReady', { file: workbook })}
        </Notice>
      )}
      <div className="form-actions">
        {busy && <span className="busy muted">{t('reports.issue.busy')}</span>}
        <button type="button" className="secondary" disabled={busy !== null} onClick={() => void run('xlsx')}>
          {t('reports.issue.xlsx')}
        </button>
        <button type="submit" className="primary" disabled={busy !== null}>
          {t('reports.stats.pdf')}
        </button>
      </div>
    </form>
  );
}
