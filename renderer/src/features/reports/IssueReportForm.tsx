import { useEffect, useState, type FormEvent } from 'react';
import { languages, type Language } from '../../../../shared/i18n';
import { useApi } from '../../app/api-context';
import { useI18n } from '../../app/i18n';
import { SelectField, TextField } from '../../components/Field';
import { Notice } from '../../components/Notice';
import { useErrorText } from '../../components/api-errors';
import { useLoad } from '../../components/useLoad';
import { formatLocalDateTime } from '../../format/datetime';
import { IssuedNotice, type IssuedReport } from './IssuedNotice';
import { reportFileName } from './report-files';

type CaseKind = 'examination' | 'case_file';
type Credential = 'present' | 'none' | 'unknown';
type Problem = 'case' | 'examination' | 'password';

/**
 * Issue an examination report or a case file for one case, in English or
 * Russian, optionally signed with the officer's stored certificate. The
 * certificate's password is asked here each time and forgotten after the
 * call, whatever its outcome; the main process signs, never the renderer.
 */
export function IssueReportForm({ onIssued, onOpen }: { onIssued: () => void; onOpen: (reportId: number, reportUid: string) => void }) {
  const api = useApi();
  const { t, language: uiLanguage } = useI18n();
  const errorText = useErrorText();
  const [kind, setKind] = useState<CaseKind>('examination');
  const [caseId, setCaseId] = useState('');
  const [examinationId, setExaminationId] = useState('');
  // The document's language follows the screen's until the officer picks one.
  const [chosenLanguage, setLanguage] = useState<Language | null>(null);
  const language = chosenLanguage ?? uiLanguage;
  const [sign, setSign] = useState(false);
  const [password, setPassword] = useState('');
  const [problems, setProblems] = useState<ReadonlySet<Problem>>(new Set());
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [issued, setIssued] = useState<IssuedReport | null>(null);
  const [credential, setCredential] = useState<Credential>('unknown');

  const cases = useLoad(() => api.invoke('cases.list', { limit: 500, offset: 0 }), 'cases');
  const chosenCase = Number(caseId);
  const detail = useLoad(() => (chosenCase > 0 ? api.invoke('cases.get', { id: chosenCase }) : Promise.resolve(null)), chosenCase);

  // Whether signing can work at all, to say so before the officer types a password.
  useEffect(() => {
    let current = true;
    api.invoke('signing.credential').then(
      (found) => current && setCredential(found ? 'present' : 'none'),
      () => current && setCredential('unknown'),
    );
    return () => {
      current = false;
    };
  }, [api]);

  // The examination that counts by default: the newest neither voided nor corrected by a later record.
  const examinations = detail?.examinations ?? [];
  const newestId = (list: typeof examinations) => list.reduce<number | null>((best, exam) => (best === null || exam.id > best ? exam.id : best), null);
  const defaultExamination = newestId(examinations.filter((exam) => !exam.voided && exam.correctedBy === null)) ?? newestId(examinations);
  // '' until the officer picks one: then the default above is meant.
  const chosenExamination = examinationId !== '' ? examinationId : defaultExamination !== null ? String(defaultExamination) : '';

  const clearProblem = (problem: Problem) =>
    setProblems((current) => {
      if (!current.has(problem)) return current;
      const next = new Set(current);
      next.delete(problem);
      return next;
    });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = new Set<Problem>();
    if (!(chosenCase > 0)) found.add('case');
    if (kind === 'examination' && !(Number(chosenExamination) > 0)) found.add('examination');
    if (sign && password === '') found.add('password');
    setProblems(found);
    setIssued(null);
    setFailure(null);
    if (found.size > 0) return;
    setBusy(true);
    try {
      const result = await api.invoke('reports.issue', {
        kind,
        caseId: chosenCase,
        ...(kind === 'examination' ? { examinationId: Number(chosenExamination) } : {}),
        language,
        ...(sign ? { sign: { password } } : {}),
      });
      const reference = cases?.find((summary) => summary.id === chosenCase)?.reference ?? null;
      setIssued({ ...result, fileName: reportFileName({ kind, caseReference: reference, reportUid: result.reportUid }) });
      onIssued();
    } catch (error) {
      setFailure(error);
    } finally {
      // The certificate password is for one signature: never kept for the next report.
      setPassword('');
      setBusy(false);
    }
  };

  const caseOptions = cases ?? [];
  return (
    <form className="form panel report-form" onSubmit={submit} aria-label={t('reports.issue.title')} data-testid="report-issue-form" noValidate>
      <h2>{t('reports.issue.title')}</h2>
      <p className="muted">{t('reports.issue.hint')}</p>
      <div className="field-grid">
        <SelectField label={t('reports.issue.kind')} value={kind} onChange={(value) => setKind(value === 'case_file' ? 'case_file' : 'examination')}>
          <option value="examination">{t('report.kind.examination')}</option>
          <option value="case_file">{t('report.kind.case_file')}</option>
        </SelectField>
        <SelectField
          label={t('reports.issue.case')}
          value={caseId}
          error={problems.has('case') ? t('reports.issue.chooseCase') : null}
          hint={cases && cases.length === 0 ? t('reports.issue.noCases') : undefined}
          disabled={!cases}
          onChange={(value) => {
            setCaseId(value);
            clearProblem('case');
            setExaminationId('');
          }}
        >
          <option value="">{cases ? t('reports.issue.chooseCase') : t('status.loading')}</option>
          {caseOptions.map((summary) => (
            <option key={summary.id} value={String(summary.id)}>
              {summary.title ? `${summary.reference} — ${summary.title}` : summary.reference}
            </option>
          ))}
        </SelectField>
        {kind === 'examination' && (
          <SelectField
            label={t('reports.issue.examination')}
            value={chosenExamination}
            disabled={!detail || examinations.length === 0}
            error={problems.has('examination') ? t('reports.issue.noExaminations') : null}
            hint={detail && examinations.length === 0 ? t('reports.issue.noExaminations') : undefined}
            onChange={(value) => {
              setExaminationId(value);
              clearProblem('examination');
            }}
          >
            {examinations.length === 0 && <option value="">—</option>}
            {examinations.map((exam) => {
              const label = t('reports.issue.examinationOption', { id: exam.id, method: t(`examination.method.${exam.method}`), started: formatLocalDateTime(exam.startedAt) });
              const state = exam.voided ? t('reports.issue.examinationVoided') : exam.correctedBy !== null ? t('reports.issue.examinationCorrected') : '';
              return (
                <option key={exam.id} value={String(exam.id)}>
                  {state ? `${label} (${state})` : label}
                </option>
              );
            })}
          </SelectField>
        )}
        <SelectField label={t('reports.issue.language')} value={language} onChange={(value) => setLanguage(value === 'ru' ? 'ru' : 'en')}>
          {languages.map((code) => (
            <option key={code} value={code}>
              {t(`language.${code}`)}
            </option>
          ))}
        </SelectField>
      </div>
      <fieldset className="form-section">
        <label className="checkbox-label">
          <input
            type="checkbox"
            checked={sign}
            onChange={(event) => {
              setSign(event.target.checked);
              clearProblem('password');
            }}
          />{' '}
          {t('reports.issue.sign')}
        </label>
        {sign && credential === 'none' && <Notice kind="warning">{t('reports.issue.noCredential', { button: t('signing.mine.open') })}</Notice>}
        {sign && (
          <TextField
            className="report-password"
            label={t('reports.issue.password')}
            type="password"
            autoComplete="off"
            value={password}
            hint={t('reports.issue.passwordHint')}
            error={problems.has('password') ? t('reports.issue.passwordRequired') : null}
            onChange={(value) => {
              setPassword(value);
              clearProblem('password');
            }}
          />
        )}
      </fieldset>
      {failure !== null && <Notice kind="error">{errorText(failure)}</Notice>}
      {issued && <IssuedNotice issued={issued} onOpen={onOpen} />}
      <div className="form-actions">
        {busy && <span className="busy muted">{t('reports.issue.busy')}</span>}
        <button type="submit" className="primary" disabled={busy}>
          {t('reports.issue.submit')}
        </button>
      </div>
    </form>
  );
}
