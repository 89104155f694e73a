import { useState, type FormEvent } from 'react';
import type { TargetFilter } from '../../../../../shared/ipc/risk-contract';
import type { MessageKey } from '../../../../../shared/i18n';
import { useApi } from '../../../app/api-context';
import { useI18n } from '../../../app/i18n';
import { useLoad } from '../../../components/useLoad';

type Draft = { manifestId: string; lane: string; port: string; country: string; hsChapter: string; indicatorId: string; decision: string; text: string; watchlisted: boolean };

const empty: Draft = { manifestId: '', lane: '', port: '', country: '', hsChapter: '', indicatorId: '', decision: '', text: '', watchlisted: false };

function toFilter(draft: Draft): TargetFilter {
  return {
    ...(draft.manifestId ? { manifestId: Number(draft.manifestId) } : {}),
    ...(draft.lane ? { lane: draft.lane as 'red' } : {}),
    ...(draft.port.trim() ? { port: draft.port.trim().toUpperCase() } : {}),
    ...(draft.country.trim() ? { country: draft.country.trim().toUpperCase() } : {}),
    ...(draft.hsChapter.trim() ? { hsChapter: draft.hsChapter.trim() } : {}),
    ...(draft.indicatorId ? { indicatorId: draft.indicatorId } : {}),
    ...(draft.decision ? { decision: draft.decision as 'none' } : {}),
    ...(draft.text.trim() ? { text: draft.text.trim() } : {}),
    ...(draft.watchlisted ? { watchlisted: true } : {}),
  };
}

/** Filters that narrow the list: the vessel call (manifest), lane, port, country, HS chapter, indicator, decision, and words in goods or party names. */
export function TargetFilters({ onApply, sort, onSort }: { onApply: (filter: TargetFilter) => void; sort: string; onSort: (sort: string) => void }) {
  const api = useApi();
  const { t } = useI18n();
  const [draft, setDraft] = useState<Draft>(empty);
  const manifests = useLoad(() => api.invoke('manifests.list', { limit: 200, offset: 0 }), 'manifests');
  const indicators = useLoad(() => api.invoke('indicators.list'), 'indicators');
  const set = (name: keyof Draft) => (value: string | boolean) => setDraft((current) => ({ ...current, [name]: value }));
  const apply = (event: FormEvent) => {
    event.preventDefault();
    onApply(toFilter(draft));
  };

  return (
    <form className="filter-bar target-filters" onSubmit={apply} aria-label={t('targeting.filter.label')}>
      <label>
        {t('targeting.filter.manifest')}
        <select value={draft.manifestId} onChange={(event) => set('manifestId')(event.target.value)}>
          <option value="">{t('targeting.filter.all')}</option>
          {manifests?.map((manifest) => (
            <option key={manifest.id} value={manifest.id}>
              #{manifest.id} {manifest.vesselName ?? manifest.fileName} {manifest.voyage ?? ''}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('targeting.filter.lane')}
        <select value={draft.lane} onChange={(event) => set('lane')(event.target.value)}>
          <option value="">{t('targeting.filter.all')}</option>
          {(['red', 'yellow', 'green'] as const).map((lane) => (
            <option key={lane} value={lane}>
              {t(`targeting.lane.${lane}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('targeting.filter.port')}
        <input value={draft.port} onChange={(event) => set('port')(event.target.value)} size={6} maxLength={5} title="UN/LOCODE" />
      </label>
      <label>
        {t('targeting.filter.country')}
        <input value={draft.country} onChange={(event) => set('country')(event.target.value)} size={3} maxLength={2} title="ISO 3166" />
      </label>
      <label>
        {t('targeting.filter.hsChapter')}
        <input value={draft.hsChapter} onChange={(event) => set('hsChapter')(event.target.value)} size={3} maxLength={2} inputMode="numeric" />
      </label>
      <label>
        {t('targeting.filter.indicator')}
        <select value={draft.indicatorId} onChange={(event) => set('indicatorId')(event.target.value)}>
          <option value="">{t('targeting.filter.all')}</option>
          {indicators?.map((indicator) => (
            <option key={indicator.id} value={indicator.id}>
              {t(`indicator.${indicator.id}.name` as MessageKey)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('targeting.filter.decision')}
        <select value={draft.decision} onChange={(event) => set('decision')(event.target.value)}>
          <option value="">{t('targeting.filter.all')}</option>
          <option value="none">{t('targeting.filter.undecided')}</option>
          <option value="selected">{t('targeting.filter.selected')}</option>
          <option value="waived">{t('targeting.filter.waived')}</option>
        </select>
      </label>
      <label className="grow">
        {t('targeting.filter.text')}
        <input type="search" value={draft.text} onChange={(event) => set('text')(event.target.value)} placeholder={t('targeting.filter.textHint')} />
      </label>
      <label className="checkbox-label">
        <input type="checkbox" checked={draft.watchlisted} onChange={(event) => set('watchlisted')(event.target.checked)} />
        {t('targeting.filter.watchlisted')}
      </label>
      <label>
        {t('targeting.sort')}
        <select value={sort} onChange={(event) => onSort(event.target.value)}>
          {(['score', 'container', 'consignee', 'weight', 'line'] as const).map((key) => (
            <option key={key} value={key}>
              {t(`targeting.sort.${key}`)}
            </option>
          ))}
        </select>
      </label>
      <div className="filter-actions">
        <button type="submit" className="primary">
          {t('targeting.filter.apply')}
        </button>
        <button
          type="button"
          className="secondary"
          onClick={() => {
            setDraft(empty);
            onApply({});
          }}
        >
          {t('targeting.filter.clear')}
        </button>
      </div>
    </form>
  );
}
