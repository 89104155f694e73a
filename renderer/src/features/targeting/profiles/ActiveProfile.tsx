import type { ProfileSummary } from '../../../../../shared/ipc/risk-contract';
import { useI18n } from '../../../app/i18n';
import { formatLocalDateTime } from '../../../format/datetime';
import { watchSeverities } from '../watchlist/kinds';
import { categoryName, formatPercent, indicatorName } from './profile-text';

export interface IndicatorInfo {
  readonly id: string;
  readonly category: string;
  readonly defaultWeight: number;
}

/** The version new lines are scored with: its thresholds, its weights, and who made it and why. */
export function ActiveProfile({ profile, indicators }: { profile: ProfileSummary; indicators: readonly IndicatorInfo[] }) {
  const { t, language } = useI18n();
  const categories = new Map(indicators.map((indicator) => [indicator.id, indicator.category]));
  const weights = new Map(profile.indicators.map((setting) => [setting.id, setting.weight]));
  // A version stores only the indicators it weighs; the ones it leaves out (weight 0) are listed as off.
  const ids = [...new Set([...indicators.map((indicator) => indicator.id), ...weights.keys()])];
  const rows = ids
    .map((id) => ({
      id,
      weight: weights.get(id) ?? 0,
      name: indicatorName(t, language, id),
      category: categoryName(t, language, categories.get(id) ?? ''),
    }))
    // Strongest first: what drives the score is what a supervisor reads first.
    .sort((a, b) => b.weight - a.weight || a.category.localeCompare(b.category, language) || a.name.localeCompare(b.name, language));
  const enabled = rows.filter((row) => row.weight > 0).length;

  return (
    <section className="panel profile-active" aria-labelledby="profile-active-title" data-testid="profile-active">
      <h2 id="profile-active-title">
        {t('profiles.active.title', { name: profile.name, version: profile.version })} <span className="tag">{t('profiles.active.tag')}</span>
      </h2>
      <dl className="facts profile-facts">
        <dt>{t('profiles.field.thresholds')}</dt>
        <dd data-testid="profile-thresholds">{t('profiles.thresholds', { red: profile.redThreshold, yellow: profile.yellowThreshold })}</dd>
        <dt>{t('profiles.field.randomRate')}</dt>
        <dd data-testid="profile-random-rate">{formatPercent(language, profile.randomRate)}</dd>
        <dt>{t('profiles.field.watchWeights')}</dt>
        <dd>
          {watchSeverities.map((severity) => (
            <span key={severity} className="weight-pair">
              {t(`watchlist.severity.${severity}`)} <strong>{profile.watchlistWeights[severity]}</strong>
            </span>
          ))}
        </dd>
        <dt>{t('profiles.field.created')}</dt>
        <dd>{t('profiles.createdBy', { at: formatLocalDateTime(profile.createdAt), user: profile.createdBy ?? t('profiles.createdBy.system') })}</dd>
        <dt>{t('profiles.field.reason')}</dt>
        <dd className="profile-reason">{profile.changeReason}</dd>
      </dl>
      <h3 className="profile-subtitle">{t('profiles.indicators.title', { enabled, total: rows.length })}</h3>
      <table className="data-table compact profile-indicators" data-testid="profile-indicators">
        <thead>
          <tr>
            <th scope="col">{t('profiles.column.indicator')}</th>
            <th scope="col">{t('profiles.column.category')}</th>
            <th scope="col" className="numeric">
              {t('profiles.column.weight')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} data-indicator={row.id} className={row.weight === 0 ? 'row-disabled' : undefined}>
              <td title={row.id}>{row.name}</td>
              <td>{row.category}</td>
              <td className="numeric">{row.weight === 0 ? <span className="muted">{t('profiles.weight.off')}</span> : row.weight}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
