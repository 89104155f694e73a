import type { Language, Translate } from '../../../../../shared/i18n';
import { isMessageKey } from '../profiles/profile-text';

/**
 * Names of reference tables and of their columns in the officer's language.
 * The grid is generic: a table or column a later build adds shows its stable
 * key until the catalogue has words for it.
 */
export function tableTitle(t: Translate, language: Language, name: string): string {
  const key = `reference.table.${name}`;
  return isMessageKey(language, key) ? t(key) : name;
}

export function columnTitle(t: Translate, language: Language, column: string): string {
  const key = `reference.key.${column}`;
  return isMessageKey(language, key) ? t(key) : column;
}
