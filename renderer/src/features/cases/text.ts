import { catalogues, type Language, type MessageKey, type Translate } from '../../../../shared/i18n';
import { seizureCategories, type CenGroup, type SeizureCategory } from '../../../../shared/domain/seizure-categories';

/**
 * Words for what casework screens show. Codes the contract fixes (status,
 * method, result…) have catalogue keys; free-form codes the backend may grow
 * (timeline entries, audit actions) fall back to the code itself rather than
 * failing the screen.
 */
export function isMessageKey(language: Language, key: string): key is MessageKey {
  return Object.hasOwn(catalogues[language], key);
}

export function lookup(t: Translate, language: Language, keys: readonly string[], fallback: string): string {
  for (const key of keys) if (isMessageKey(language, key)) return t(key);
  return fallback;
}

export function categoryName(t: Translate, language: Language, code: string): string {
  return lookup(t, language, [`seizure.category.${code}`], code);
}

export function cenGroupName(t: Translate, language: Language, group: string): string {
  return lookup(t, language, [`seizure.cenGroup.${group}`], group);
}

/** Categories under their CEN reporting group, in the taxonomy's order. */
export function categoriesByGroup(): readonly { group: CenGroup; codes: SeizureCategory[] }[] {
  const groups = new Map<CenGroup, SeizureCategory[]>();
  for (const [code, group] of Object.entries(seizureCategories) as [SeizureCategory, CenGroup][]) {
    const list = groups.get(group) ?? [];
    list.push(code);
    groups.set(group, list);
  }
  return [...groups].map(([group, codes]) => ({ group, codes }));
}

/**
 * One line in the case timeline. A `record` entry names what happened (the
 * record kind, at the time it happened); an `audit` entry names the change
 * made in the application (its audit action, at the time it was made).
 */
export function timelineText(t: Translate, language: Language, entry: { kind: string; summary: string }): string {
  const keys = entry.kind === 'record' ? [`cases.timeline.record.${entry.summary}`] : [`cases.timeline.${entry.summary}`, `audit.action.${entry.summary}`];
  return lookup(t, language, keys, entry.summary);
}

/** The element id of the record a timeline entry is about, for a jump to it (null when it is not on this screen). */
export function timelineTarget(entry: { kind: string; summary: string; recordId: number | null }): string | null {
  if (entry.recordId === null) return null;
  const kind = entry.kind === 'record' ? entry.summary : entry.summary === 'case.note-added' ? 'note' : (entry.summary.split('.')[0] ?? '');
  return ['examination', 'seizure', 'custody', 'note', 'attachment'].includes(kind) ? `${kind}-${entry.recordId}` : null;
}

/** A decimal string in the language's grouping ("1 250,5" / "1,250.5"): every significant digit kept, no float rounding. */
export function formatDecimal(language: Language, value: string): string {
  const match = /^(\d+)(?:\.(\d+))?$/.exec(value);
  if (!match) return value;
  const whole = new Intl.NumberFormat(language).format(BigInt(match[1] ?? '0'));
  const fraction = (match[2] ?? '').replace(/0+$/, '');
  if (!fraction) return whole;
  const point = new Intl.NumberFormat(language).formatToParts(1.5).find((part) => part.type === 'decimal')?.value ?? '.';
  return `${whole}${point}${fraction}`;
}

export function shortHash(sha256: string): string {
  return sha256.length > 16 ? `${sha256.slice(0, 8)}…${sha256.slice(-8)}` : sha256;
}

export function formatBytes(language: Language, bytes: number): string {
  const format = new Intl.NumberFormat(language, { maximumFractionDigits: 1 });
  if (bytes >= 1024 * 1024) return `${format.format(bytes / 1024 / 1024)} MB`;
  if (bytes >= 1024) return `${format.format(bytes / 1024)} KB`;
  return `${format.format(bytes)} B`;
}
