import { catalogues, type Language, type MessageKey, type Translate } from '../../../../../shared/i18n';

/**
 * Words for what the profile screens show. Indicator names come from the
 * catalogue (`indicator.<id>.name`); a build can know an indicator whose texts
 * a catalogue lacks (or a stored version can name one a later build dropped),
 * so an unknown key shows the stable id instead of failing the whole tab.
 */
export function isMessageKey(language: Language, key: string): key is MessageKey {
  return Object.hasOwn(catalogues[language], key);
}

export function indicatorName(t: Translate, language: Language, id: string): string {
  const key = `indicator.${id}.name`;
  return isMessageKey(language, key) ? t(key) : id;
}

export function categoryName(t: Translate, language: Language, category: string): string {
  const key = `indicator.category.${category}`;
  return isMessageKey(language, key) ? t(key) : category;
}

/** A count in the language's digits grouping (12 345 / 12,345). */
export function formatCount(language: Language, value: number): string {
  return new Intl.NumberFormat(language).format(value);
}

/** A share as a percentage with at most one decimal (12.5 % / 12,5 %). */
export function formatPercent(language: Language, fraction: number): string {
  return new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 1 }).format(fraction);
}

/** Seizures ÷ selected, or "—" when nothing was selected (no rate, not 0 %). */
export function hitRate(language: Language, seizures: number, selected: number): string {
  return selected > 0 ? formatPercent(language, seizures / selected) : '—';
}

/** The random selection rate is kept as a fraction (0.02); officers set it in percent (2). */
export function rateToPercentText(rate: number): string {
  return String(Math.round(rate * 100 * 1000) / 1000);
}

export function percentTextToRate(text: string): number | null {
  const value = Number(text.trim().replace(',', '.'));
  if (text.trim() === '' || !Number.isFinite(value)) return null;
  return Math.round(value * 1000) / 100_000;
}
