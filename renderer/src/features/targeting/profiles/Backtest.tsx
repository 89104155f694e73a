import { useState, type FormEvent } from 'react';
import type { ChannelOutput } from '../../../../../shared/ipc/contract';
import type { ProfileSummary } from '../../../../../shared/ipc/risk-contract';
import { useApi } from '../../../app/api-context';
import { useI18n } from '../../../app/i18n';
import { useErrorText } from '../../../components/api-errors';
import { TextField } from '../../../components/Field';
import { Notice } from '../../../components/Notice';
import { formatCount, formatPercent, indicatorName } from './profile-text';
import { VersionSelect } from './VersionSelect';

type BacktestResult = ChannelOutput<'profiles.backtest'>;

/**
 * Runs a version over the stored history without storing anything: how many
 * lines it would have put in each lane and selected, and how many of the
 * period's seizures it would have caught. A supervisor's check before making
 * a new version active.
 */
export function Backtest({ versions, activeId }: { versions: readonly ProfileSummary[]; activeId: number }) {
  const api = useApi();
  const { t, language } = useI18n();
  const errorText = useErrorText();
  const [versionId, setVersionId] = useState(activeId);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [result, setResult] = useState<{ for: { version: string; from: string; to: string }; value: BacktestResult } | null>(null);
  const rangeWrong = from !== '' && to !== '' && from > to;
  const count = (value: number) => formatCount(language, value);

  const run = (event: FormEvent) => {
    event.preventDefault();
    if (busy || rangeWrong) return;
    setBusy(true);
    setFailure(null);
    const version = versions.find((candidate) => candidate.id === versionId);
    api.invoke('profiles.backtest', { versionId, ...(from ? { from } : {}), ...(to ? { to } : {}) }).then(
      (value) => {
        setBusy(false);
        setResult({ for: { version: version ? t('profiles.versionName', { name: version.name, version: version.version }) : String(versionId), from, to }, value });
      },
      (error: unknown) => {
        setBusy(false);
        setFailure(errorText(error));
      },
    );
  };

  const value = result?.value;
  return (
    <section className="panel profile-backtest" aria-labelledby="profile-backtest-title" data-testid="profile-backtest">
      <h2 id="profile-backtest-title">{t('profiles.backtest.title')}</h2>
      <p className="muted">{t('profiles.backtest.intro')}</p>
      <form className="filter-bar" onSubmit={run} noValidate aria-busy={busy}>
        <VersionSelect name="backtestVersion" label={t('profiles.backtest.version')} versions={versions} value={versionId} onChange={setVersionId} />
        <TextField name="from" type="date" label={t('profiles.backtest.from')} value={from} onChange={setFrom} />
        <TextField
          name="to"
          type="date"
          label={t('profiles.backtest.to')}
          value={to}
          onChange={setTo}
          error={rangeWrong ? t('profiles.backtest.rangeWrong') : null}
        />
        <div className="filter-actions">
          <button type="submit" className={busy ? 'primary busy' : 'primary'} disabled={busy || rangeWrong}>
            {t(busy ? 'profiles.backtest.running' : 'profiles.backtest.run')}
          </button>
        </div>
      </form>
      {failure && <Notice kind="error">{failure}</Notice>}
      {result && value && (
        <div className="backtest-result" data-testid="backtest-result" aria-live="polite">
          <h3 className="profile-subtitle">
            {t('profiles.backtest.resultTitle', {
              version: result.for.version,
              period:
                result.for.from || result.for.to
                  ? t('profiles.backtest.period', { from: result.for.from || '…', to: result.for.to || '…' })
                  : t('profiles.backtest.allHistory'),
            })}
          </h3>
          <dl className="preview-counts backtest-counts">
            <dt>{t('profiles.backtest.lines')}</dt>
            <dd data-count="lines">{t('profiles.backtest.linesIn', { lines: count(value.lines), manifests: count(value.manifests) })}</dd>
            <dt>{t('targeting.lane.red')}</dt>
            <dd data-count="red">{count(value.red)}</dd>
            <dt>{t('targeting.lane.yellow')}</dt>
            <dd data-count="yellow">{count(value.yellow)}</dd>
            <dt>{t('targeting.lane.green')}</dt>
            <dd data-count="green">{count(value.green)}</dd>
            <dt>{t('profiles.backtest.wouldSelect')}</dt>
            <dd data-count="wouldSelect">{count(value.wouldSelect)}</dd>
            <dt>{t('profiles.backtest.seizures')}</dt>
            <dd data-count="seizures">{count(value.seizuresInPeriod)}</dd>
            <dt>{t('profiles.backtest.caught')}</dt>
            <dd data-count="caught">
              {count(value.seizuresCaught)}
              {value.seizuresInPeriod > 0 && ` (${formatPercent(language, value.seizuresCaught / value.seizuresInPeriod)})`}
            </dd>
          </dl>
          {value.lines === 0 ? (
            <p className="muted">{t('profiles.backtest.noLines')}</p>
          ) : (
            <table className="data-table compact" data-testid="backtest-indicators">
              <thead>
                <tr>
                  <th scope="col">{t('profiles.column.indicator')}</th>
                  <th scope="col" className="numeric">
                    {t('profiles.backtest.fired')}
                  </th>
                  <th scope="col" className="numeric">
                    {t('profiles.backtest.firedOnSeizures')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {[...value.indicators]
                  .sort((a, b) => b.firedOnSeizures - a.firedOnSeizures || b.fired - a.fired)
                  .map((row) => (
                    <tr key={row.indicatorId} data-indicator={row.indicatorId}>
                      <th scope="row" className="row-head">
                        {indicatorName(t, language, row.indicatorId)}
                      </th>
                      <td className="numeric">{count(row.fired)}</td>
                      <td className="numeric">{count(row.firedOnSeizures)}</td>
                    </tr>
                  ))}
              </tbody>
            </table>
          )}
        </div>
      )}
    </section>
  );
}
