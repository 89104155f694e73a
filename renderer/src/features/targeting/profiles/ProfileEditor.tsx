import { useId } from 'react';
import type { ProfileSummary } from '../../../../../shared/ipc/risk-contract';
import { useApi } from '../../../app/api-context';
import { useI18n } from '../../../app/i18n';
import { TextField } from '../../../components/Field';
import { Notice } from '../../../components/Notice';
import { useForm } from '../../../components/useForm';
import { watchSeverities, type WatchSeverityName } from '../watchlist/kinds';
import type { IndicatorInfo } from './ActiveProfile';
import { categoryName, indicatorName, percentTextToRate, rateToPercentText } from './profile-text';

/** Form field names: fixed ones, then one per severity and one per indicator. */
const severityField = (severity: WatchSeverityName) => `watch.${severity}`;
const indicatorField = (id: string) => `indicator.${id}`;

interface Bounds {
  readonly min: number;
  readonly max: number;
}
/** The contract's ranges (ProfileDraftInput), checked here first so a slip is caught at the field. */
const thresholdBounds: Bounds = { min: 1, max: 1000 };
const watchBounds: Bounds = { min: 0, max: 1000 };
const weightBounds: Bounds = { min: 0, max: 100 };
const MAX_RANDOM_PERCENT = 20;

function wholeNumber(text: string, bounds: Bounds): number | null {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return null;
  const value = Number(trimmed);
  return value >= bounds.min && value <= bounds.max ? value : null;
}

/**
 * A supervisor's change to the profile, saved as a NEW version: the version it
 * starts from stays as it is, with the scores it produced. Weights per
 * indicator (0 switches one off), lane thresholds, the random selection rate,
 * watch-list weights per severity, and the reason, which is mandatory and audited.
 */
export function ProfileEditor({
  base,
  nextVersion,
  indicators,
  onSaved,
  onCancel,
}: {
  base: ProfileSummary;
  nextVersion: number;
  indicators: readonly IndicatorInfo[];
  onSaved: (saved: ProfileSummary) => void;
  onCancel: () => void;
}) {
  const api = useApi();
  const { t, language } = useI18n();
  const id = useId();

  const baseSettings = new Map(base.indicators.map((setting) => [setting.id, setting]));
  const defaults = new Map(indicators.map((indicator) => [indicator.id, indicator]));
  // Every indicator this build ships, and any the base version names that it no longer does (kept, so nothing is lost silently).
  const ids = [...new Set([...indicators.map((indicator) => indicator.id), ...base.indicators.map((setting) => setting.id)])];
  const rows = ids
    .map((indicatorId) => ({
      id: indicatorId,
      name: indicatorName(t, language, indicatorId),
      category: categoryName(t, language, defaults.get(indicatorId)?.category ?? ''),
      defaultWeight: defaults.get(indicatorId)?.defaultWeight ?? null,
    }))
    .sort((a, b) => a.category.localeCompare(b.category, language) || a.name.localeCompare(b.name, language));

  const initial: Record<string, string> = {
    redThreshold: String(base.redThreshold),
    yellowThreshold: String(base.yellowThreshold),
    randomRate: rateToPercentText(base.randomRate),
    changeReason: '',
  };
  for (const severity of watchSeverities) initial[severityField(severity)] = String(base.watchlistWeights[severity]);
  for (const row of rows) initial[indicatorField(row.id)] = String(baseSettings.get(row.id)?.weight ?? 0);

  const wholeMessage = (bounds: Bounds) => t('profiles.validation.whole', { min: bounds.min, max: bounds.max });

  const form = useForm<string, ProfileSummary>({
    initial,
    validate: (values) => {
      const problems: Record<string, string> = {};
      const red = wholeNumber(values.redThreshold ?? '', thresholdBounds);
      const yellow = wholeNumber(values.yellowThreshold ?? '', thresholdBounds);
      if (red === null) problems.redThreshold = wholeMessage(thresholdBounds);
      if (yellow === null) problems.yellowThreshold = wholeMessage(thresholdBounds);
      else if (red !== null && yellow >= red) problems.yellowThreshold = t('profiles.validation.yellowBelowRed');
      const rate = percentTextToRate(values.randomRate ?? '');
      if (rate === null || rate < 0 || rate > MAX_RANDOM_PERCENT / 100) problems.randomRate = t('profiles.validation.rate', { max: MAX_RANDOM_PERCENT });
      for (const severity of watchSeverities) {
        const field = severityField(severity);
        if (wholeNumber(values[field] ?? '', watchBounds) === null) problems[field] = wholeMessage(watchBounds);
      }
      for (const row of rows) {
        const field = indicatorField(row.id);
        if (wholeNumber(values[field] ?? '', weightBounds) === null) problems[field] = wholeMessage(weightBounds);
      }
      if ((values.changeReason ?? '').trim() === '') problems.changeReason = t('profiles.validation.reason');
      return problems;
    },
    submit: (values) => {
      // validate() has passed: every number parses; `?? 0` only satisfies the type.
      const number = (field: string, bounds: Bounds) => wholeNumber(values[field] ?? '', bounds) ?? 0;
      return api.invoke('profiles.save', {
        profileName: base.name,
        // Main makes a new version of the active profile active anyway; said here so the call reads as what happens.
        activate: true,
        draft: {
          redThreshold: number('redThreshold', thresholdBounds),
          yellowThreshold: number('yellowThreshold', thresholdBounds),
          randomRate: percentTextToRate(values.randomRate ?? '') ?? 0,
          watchlistWeights: {
            critical: number(severityField('critical'), watchBounds),
            high: number(severityField('high'), watchBounds),
            medium: number(severityField('medium'), watchBounds),
            low: number(severityField('low'), watchBounds),
          },
          indicators: rows.map((row) => {
            const params = baseSettings.get(row.id)?.params;
            return { id: row.id, weight: number(indicatorField(row.id), weightBounds), ...(params ? { params } : {}) };
          }),
          changeReason: (values.changeReason ?? '').trim(),
        },
      });
    },
    onDone: (saved) => onSaved(saved),
  });

  const value = (field: string) => form.values[field] ?? '';
  const reasonError = form.fieldError('changeReason');

  return (
    <section className="panel form-panel profile-editor" aria-labelledby={`${id}-title`} data-testid="profile-editor">
      <h2 id={`${id}-title`}>{t('profiles.edit.title', { name: base.name, version: nextVersion })}</h2>
      <Notice kind="info">{t('profiles.edit.newVersion', { name: base.name, version: base.version, next: nextVersion })}</Notice>
      <form className="form" onSubmit={form.onSubmit} noValidate aria-busy={form.busy}>
        <fieldset className="form-section" disabled={form.busy}>
          <legend>{t('profiles.edit.lanes')}</legend>
          <div className="field-grid">
            <TextField
              name="redThreshold"
              inputMode="numeric"
              label={t('profiles.field.red')}
              hint={t('profiles.field.redHint')}
              value={value('redThreshold')}
              onChange={form.set('redThreshold')}
              error={form.fieldError('redThreshold')}
            />
            <TextField
              name="yellowThreshold"
              inputMode="numeric"
              label={t('profiles.field.yellow')}
              hint={t('profiles.field.yellowHint')}
              value={value('yellowThreshold')}
              onChange={form.set('yellowThreshold')}
              error={form.fieldError('yellowThreshold')}
            />
            <TextField
              name="randomRate"
              inputMode="decimal"
              label={t('profiles.field.randomRate')}
              hint={t('profiles.field.randomRateHint', { max: MAX_RANDOM_PERCENT })}
              suffix="%"
              value={value('randomRate')}
              onChange={form.set('randomRate')}
              error={form.fieldError('randomRate')}
            />
          </div>
        </fieldset>
        <fieldset className="form-section" disabled={form.busy}>
          <legend>{t('profiles.field.watchWeights')}</legend>
          <div className="field-grid">
            {watchSeverities.map((severity) => (
              <TextField
                key={severity}
                name={severityField(severity)}
                inputMode="numeric"
                label={t(`watchlist.severity.${severity}`)}
                value={value(severityField(severity))}
                onChange={form.set(severityField(severity))}
                error={form.fieldError(severityField(severity))}
              />
            ))}
          </div>
        </fieldset>
        <fieldset className="form-section" disabled={form.busy}>
          <legend>{t('profiles.edit.weights')}</legend>
          <p className="muted">{t('profiles.edit.weightsHint', { max: weightBounds.max })}</p>
          <table className="data-table compact profile-weights" data-testid="profile-weights">
            <thead>
              <tr>
                <th scope="col">{t('profiles.column.indicator')}</th>
                <th scope="col">{t('profiles.column.category')}</th>
                <th scope="col" className="numeric">
                  {t('profiles.column.default')}
                </th>
                <th scope="col" className="numeric">
                  {t('profiles.column.weight')}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => {
                const field = indicatorField(row.id);
                const error = form.fieldError(field);
                const inputId = `${id}-w-${row.id}`;
                return (
                  <tr key={row.id} data-indicator={row.id} className={value(field).trim() === '0' ? 'row-disabled' : undefined}>
                    <td>
                      <label htmlFor={inputId}>{row.name}</label>
                    </td>
                    <td>{row.category}</td>
                    <td className="numeric">{row.defaultWeight ?? '—'}</td>
                    <td className="numeric weight-cell">
                      <input
                        id={inputId}
                        name={field}
                        className="weight-input"
                        inputMode="numeric"
                        value={value(field)}
                        onChange={(event) => form.set(field)(event.target.value)}
                        aria-invalid={error !== null || undefined}
                        aria-describedby={error ? `${inputId}-error` : undefined}
                      />
                      {error && (
                        <span id={`${inputId}-error`} className="field-error">
                          {error}
                        </span>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </fieldset>
        <fieldset className="form-section" disabled={form.busy}>
          <legend>{t('profiles.edit.why')}</legend>
          <div className={reasonError !== null ? 'field invalid' : 'field'}>
            <label htmlFor={`${id}-reason`}>{t('profiles.field.changeReason')}</label>
            <textarea
              id={`${id}-reason`}
              name="changeReason"
              rows={3}
              maxLength={2000}
              value={value('changeReason')}
              onChange={(event) => form.set('changeReason')(event.target.value)}
              aria-invalid={reasonError !== null || undefined}
              aria-describedby={`${id}-reason-note`}
            />
            <span id={`${id}-reason-note`} className={reasonError ? 'field-error' : 'field-hint'}>
              {reasonError ?? t('profiles.field.changeReasonHint')}
            </span>
          </div>
        </fieldset>
        {form.error && <Notice kind="error">{form.error}</Notice>}
        <div className="form-actions">
          <button type="button" className="secondary" onClick={onCancel} disabled={form.busy}>
            {t('common.cancel')}
          </button>
          <button type="submit" className={form.busy ? 'primary busy' : 'primary'} disabled={form.busy}>
            {t('profiles.edit.submit', { version: nextVersion })}
          </button>
        </div>
      </form>
    </section>
  );
}
