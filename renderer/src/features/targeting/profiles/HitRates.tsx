import { useEffect, useState } from 'react';
import type { ChannelOutput } from '../../../../../shared/ipc/contract';
import type { ProfileSummary } from '../../../../../shared/ipc/risk-contract';
import { useApi } from '../../../app/api-context';
import { useI18n } from '../../../app/i18n';
import { useErrorText } from '../../../components/api-errors';
import { Notice } from '../../../components/Notice';
import { formatCount, hitRate, indicatorName } from './profile-text';
import { VersionSelect } from './VersionSelect';

const stages = ['scored', 'red', 'selected', 'examined', 'seizures'] as const;

/**
 * What the unit's own results say about a version: of the lines it scored,
 * how many went red, were selected, examined, and ended in a seizure, for the
 * version and for each indicator. The hit rate is seizures ÷ selected.
 */
export function HitRates({ versions, activeId }: { versions: readonly ProfileSummary[]; activeId: number }) {
  const api = useApi();
  const { t, language } = useI18n();
  const [versionId, setVersionId] = useState(activeId);
  const errorText = useErrorText();
  // Loaded here rather than through useLoad: a failure belongs in this panel, not in place of the whole tab.
  const [outcome, setOutcome] = useState<{ for: number; value: ChannelOutput<'profiles.hitRates'> } | { for: number; error: unknown } | null>(null);
  useEffect(() => {
    let current = true;
    api.invoke('profiles.hitRates', { versionId }).then(
      (value) => current && setOutcome({ for: versionId, value }),
      (error: unknown) => current && setOutcome({ for: versionId, error }),
    );
    return () => {
      current = false;
    };
  }, [api, versionId]);
  const loaded = outcome && outcome.for === versionId ? outcome : null;
  const rates = loaded && 'value' in loaded ? loaded.value : null;
  const count = (value: number) => formatCount(language, value);

  return (
    <section className="panel profile-hit-rates" aria-labelledby="profile-hits-title" data-testid="profile-hit-rates">
      <h2 id="profile-hits-title">{t('profiles.hits.title')}</h2>
      <p className="muted">{t('profiles.hits.intro')}</p>
      <div className="filter-bar plain-bar">
        <VersionSelect name="hitRatesVersion" label={t('profiles.hits.version')} versions={versions} value={versionId} onChange={setVersionId} />
      </div>
      {loaded && 'error' in loaded ? (
        <Notice kind="error">{errorText(loaded.error)}</Notice>
      ) : !rates ? (
        <p className="muted">{t('status.loading')}</p>
      ) : (
        <>
          <ol className="funnel" aria-label={t('profiles.hits.funnel')} data-testid="profile-funnel">
            {stages.map((stage) => (
              <li key={stage} data-stage={stage}>
                <span className="funnel-label">{t(`profiles.stage.${stage}`)}</span>
                <strong className="funnel-value">{count(rates.profile[stage])}</strong>
              </li>
            ))}
            <li className="funnel-rate" data-stage="hitRate">
              <span className="funnel-label">{t('profiles.stage.hitRate')}</span>
              <strong className="funnel-value">{hitRate(language, rates.profile.seizures, rates.profile.selected)}</strong>
            </li>
          </ol>
          {rates.indicators.length === 0 ? (
            <p className="muted">{t('profiles.hits.noIndicators')}</p>
          ) : (
            <table className="data-table compact" data-testid="profile-hit-table">
              <thead>
                <tr>
                  <th scope="col">{t('profiles.column.indicator')}</th>
                  {stages.map((stage) => (
                    <th key={stage} scope="col" className="numeric">
                      {t(`profiles.stage.${stage}`)}
                    </th>
                  ))}
                  <th scope="col" className="numeric">
                    {t('profiles.stage.hitRate')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {[...rates.indicators]
                  .sort((a, b) => b.selected - a.selected || b.scored - a.scored)
                  .map((row) => (
                    <tr key={row.indicatorId} data-indicator={row.indicatorId}>
                      <th scope="row" className="row-head">
                        {indicatorName(t, language, row.indicatorId)}
                      </th>
                      {stages.map((stage) => (
                        <td key={stage} className="numeric">
                          {count(row[stage])}
                        </td>
                      ))}
                      <td className="numeric">{hitRate(language, row.seizures, row.selected)}</td>
                    </tr>
                  ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </section>
  );
}
