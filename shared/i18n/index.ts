import type { Catalogue, Message, MessageKey, PluralMessage } from './catalogue';
import { en } from './en';
import type { Language } from './languages';
import { ru } from './ru';

export { languages, Language, languageFromLocale } from './languages';
export type { Catalogue, MessageKey } from './catalogue';

export const catalogues: Readonly<Record<Language, Catalogue>> = { en, ru };

export type MessageParams = Readonly<Record<string, string | number>>;

const pluralRules = new Map<Language, Intl.PluralRules>();
function pluralCategory(language: Language, count: number): Intl.LDMLPluralRule {
  let rules = pluralRules.get(language);
  if (!rules) {
    rules = new Intl.PluralRules(language);
    pluralRules.set(language, rules);
  }
  return rules.select(count);
}

function pick(message: Message, language: Language, params: MessageParams): string {
  if (typeof message === 'string') return message;
  const count = Number(params.count ?? 0);
  const plural: PluralMessage = message;
  return plural[pluralCategory(language, count)] ?? plural.other;
}

/** Pure translation: the renderer and the PDF builders both call this. */
export function translate(language: Language, key: MessageKey, params: MessageParams = {}): string {
  const template = pick(catalogues[language][key], language, params);
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}

export type Translate = (key: MessageKey, params?: MessageParams) => string;

export function translator(language: Language): Translate {
  return (key, params) => translate(language, key, params);
}
