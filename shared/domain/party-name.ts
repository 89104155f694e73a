/**
 * Party names (shipper, consignee, notify) as a comparable key. The same firm
 * arrives as ООО «Памир Транзит», "Памир Транзит" ООО and ПАМИР  ТРАНЗИТ; watch
 * lists and "first-time consignee" need one spelling for all of them. The key
 * is for matching only: the officer always sees the name as the file wrote it.
 *
 * Not done, on purpose: transliteration ("PAMIR TRANZIT" and "Памир Транзит"
 * stay different keys) and folding the Tajik, Uzbek and Kazakh letters
 * ӣ ӯ ҳ ҷ қ ғ ң ұ ү ө ә and ʻ into Russian ones: they spell different words.
 */

/**
 * Legal forms, as tokens after {@link basicForm}: English; Russian and the
 * Central Asian forms written in Cyrillic (Uzbek МЧЖ, Tajik ҶДММ, Kazakh ТОО
 * and ЖШС, Kyrgyz ОсОО and ЖЧК); and their usual Latin spellings. Two-letter
 * Latin forms that are also ordinary name parts ("IP", "AK") are left in:
 * dropping them would merge different firms.
 */
const LEGAL_FORM_TOKENS: ReadonlySet<string> = new Set([
  // English and international
  'llc', 'ltd', 'limited', 'co', 'inc', 'incorporated', 'corp', 'corporation', 'company', 'plc', 'llp',
  'jsc', 'cjsc', 'ojsc', 'pjsc', 'pvt', 'gmbh',
  // Russian and Central Asian, in Cyrillic
  'ооо', 'оао', 'зао', 'пао', 'ао', 'ип', 'чп', 'тоо', 'осоо', 'мчж', 'ҷдмм', 'жшс', 'жчк',
  // the same, in Latin letters
  'ooo', 'oao', 'zao', 'pao', 'ao', 'too', 'osoo', 'mchj',
]);

/** Legal forms written out in words, removed before single tokens so that no stray word is left behind. */
const LEGAL_FORM_PHRASES: readonly string[] = [
  'общество с ограниченной ответственностью',
  'товарищество с ограниченной ответственностью',
  'открытое акционерное общество',
  'закрытое акционерное общество',
  'публичное акционерное общество',
  'акционерное общество',
  'индивидуальный предприниматель',
  'частное предприятие',
  'masʻuliyati cheklangan jamiyati',
  'masʻuliyati cheklangan jamiyat',
  'limited liability company',
  'public limited company',
  'joint stock company',
  'private limited',
];

/**
 * NFKC, lower case, ё read as е (Russian writes both for one letter), dotted
 * initials joined ("L.L.C." → "llc"), apostrophes between letters unified to
 * ʻ (Uzbek oʻ and gʻ are typed with ', ’, ‘ or `), every other character that
 * is not a letter, mark or digit (quotes «» “” ", commas, dashes) read as a
 * space, and spaces collapsed.
 */
function basicForm(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/(?<![\p{L}\p{N}])(\p{L})\.(?=\p{L}(?![\p{L}\p{N}]))/gu, '$1')
    .replace(/(?<=\p{L})['’‘`ʼʻ](?=\p{L})/gu, 'ʻ')
    .replace(/(?<!\p{L})[ʻʼ]|[ʻʼ](?!\p{L})/gu, ' ')
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, ' ')
    .trim();
}

/** The matching key for a party name: basic form without legal-form words. "" when nothing else is left. */
export function normalisePartyName(name: string): string {
  let spaced = ` ${basicForm(name)} `;
  for (const phrase of LEGAL_FORM_PHRASES) spaced = spaced.replaceAll(` ${phrase} `, ' ');
  return spaced
    .split(' ')
    .filter((token) => token !== '' && !LEGAL_FORM_TOKENS.has(token))
    .join(' ');
}

/** Names that stand in for a party rather than name one. */
const PLACEHOLDERS: ReadonlySet<string> = new Set([
  '',
  'unknown',
  'private',
  'private person',
  'n a',
  'na',
  'none',
  'nil',
  'неизвестно',
  'неизвестен',
  'частное лицо',
  'физическое лицо',
]);

/**
 * True for "TO ORDER", "TO THE ORDER OF …", "UNKNOWN", "PRIVATE", "N/A", "-",
 * an empty cell, "ПО ПРИКАЗУ …", "НЕИЗВЕСТНО", "ЧАСТНОЕ ЛИЦО". Anything that
 * starts "to (the) order" counts, even with a bank named after it: the goods'
 * real receiver is still not on the manifest, which is what the risk
 * indicator is about.
 */
export function isPlaceholderParty(name: string | null | undefined): boolean {
  const form = basicForm(name ?? '');
  return PLACEHOLDERS.has(form) || /^to (?:the )?order(?: |$)/.test(form) || /^по приказу(?: |$)/.test(form);
}
