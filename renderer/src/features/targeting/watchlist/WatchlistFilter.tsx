import { useI18n } from '../../../app/i18n';
import { SelectField, TextField } from '../../../components/Field';
import { watchKinds, type WatchKindName } from './kinds';

export interface WatchFilter {
  readonly kind: WatchKindName | '';
  readonly text: string;
}

export const noWatchFilter: WatchFilter = { kind: '', text: '' };

/** Folds case and the characters officers type interchangeably, so "romashka" finds "ROMASHKA". */
const fold = (text: string) => text.toLocaleLowerCase().replace(/ё/g, 'е').replace(/\s+/g, ' ').trim();

export function matchesFilter(entry: { kind: string; value: string; valueNormalised: string; reason: string; source: string }, filter: WatchFilter): boolean {
  if (filter.kind !== '' && entry.kind !== filter.kind) return false;
  const text = fold(filter.text);
  if (text === '') return true;
  return [entry.value, entry.valueNormalised, entry.reason, entry.source].some((field) => fold(field).includes(text));
}

/** The list is in memory: the filter applies as the officer types, nothing is sent to main. */
export function WatchlistFilter({ filter, onChange }: { filter: WatchFilter; onChange: (filter: WatchFilter) => void }) {
  const { t } = useI18n();
  return (
    <form className="filter-bar" role="search" aria-label={t('watchlist.filter.label')} onSubmit={(event) => event.preventDefault()} data-testid="watchlist-filter">
      <SelectField
        name="kind"
        label={t('watchlist.filter.kind')}
        value={filter.kind}
        onChange={(value) => onChange({ ...filter, kind: watchKinds.find((kind) => kind === value) ?? '' })}
      >
        <option value="">{t('watchlist.filter.allKinds')}</option>
        {watchKinds.map((kind) => (
          <option key={kind} value={kind}>
            {t(`watchlist.kind.${kind}`)}
          </option>
        ))}
      </SelectField>
      <TextField
        name="text"
        type="search"
        label={t('watchlist.filter.text')}
        hint={t('watchlist.filter.textHint')}
        value={filter.text}
        onChange={(text) => onChange({ ...filter, text })}
        maxLength={200}
        autoComplete="off"
        spellCheck={false}
      />
      <div className="filter-actions">
        <button type="button" className="secondary" onClick={() => onChange(noWatchFilter)} disabled={filter.kind === '' && filter.text === ''}>
          {t('watchlist.filter.clear')}
        </button>
      </div>
    </form>
  );
}
