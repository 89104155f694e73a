/**
 * Is a party named in a manifest or a seizure a company or a private person?
 * Pure. Decides what a seizure notice masks when the officer does not choose
 * to include personal data, so the hazard runs one way: a company taken for a
 * person is only masked too much, a person taken for a company leaks a name.
 * Hence: a person unless the name carries a legal form or a business word,
 * and "individual entrepreneur" forms (ИП, IP, YaTT) are persons even though
 * they trade.
 */
export type PartyClass = 'company' | 'person';

/** Prefixes (or whole phrases) that name a private person who trades: a person all the same. */
const personPhrases = [
  'ип', 'ip', 'ипб', 'ятт', 'yatt', 'ytt', 'чп', 'chp', 'ie',
  'individual entrepreneur', 'sole proprietor', 'sole trader', 'sole proprietorship',
  'индивидуальный предприниматель', 'соҳибкори инфиродӣ', 'соҳибкори инфиродї', 'yakka tartibdagi tadbirkor', 'якка тартибдаги тадбиркор',
  'жеке кәсіпкер', 'дара кәсіпкер',
];

/**
 * Legal forms and business words, lower case, compared as whole words after
 * dots are dropped ("S.A." → "sa", "Co.,Ltd" → "co", "ltd"). EN, RU, TJ, UZ,
 * KZ, PK and the trading partners' forms (TR, CN, DE, FR, ES, IT).
 */
const companyWords = new Set([
  // English and Pakistani forms
  'llc', 'ltd', 'limited', 'pvt', 'private', 'co', 'company', 'inc', 'incorporated', 'corp', 'corporation', 'plc', 'llp', 'lp', 'pte', 'bhd', 'sdn',
  'jsc', 'ojsc', 'cjsc', 'pjsc', 'ojs', 'smc', 'fze', 'fzco', 'fzc', 'fzllc', 'dmcc', 'wll',
  // European and Turkish
  'gmbh', 'ag', 'kg', 'ohg', 'sa', 'sas', 'sarl', 'srl', 'spa', 'sl', 'bv', 'nv', 'as', 'aş', 'ltdşti', 'şti', 'sti', 'ltda', 'oy', 'ab', 'aps', 'kft', 'zrt', 'sp', 'zoo',
  // Russian and CIS (Cyrillic and Latin transliterations)
  'ооо', 'оао', 'зао', 'ао', 'пао', 'нао', 'тоо', 'оо', 'ук', 'гуп', 'муп', 'фгуп', 'нко', 'ано',
  'ooo', 'oao', 'zao', 'ao', 'pao', 'too', 'tov', 'тов', 'пп',
  // Uzbek (MChJ = LLC, AJ = JSC, QK = family enterprise, XK/ХК = private enterprise, XT = family business)
  'мчж', 'mchj', 'mcj', 'ммт', 'аж', 'aj', 'ақ', 'qk', 'хк', 'xk', 'хт', 'xt', 'ҳк', 'dk', 'дк', 'unitar',
  // Tajik (ҶДММ = LLC, ҶСК = JSC)
  'ҷдмм', 'jdmm', 'чдмм', 'ҷсп', 'ҷск', 'jsk', 'квд',
  // Kazakh (ТОО = LLP, АҚ = JSC, ЖШС)
  'жшс', 'zhshs',
  // Words that name a business in any of these languages
  'фирма', 'firma', 'firm', 'компания', 'kompaniya', 'kompaniyasi', 'ширкат', 'ширкати', 'shirkat', 'shirkati', 'корхона', 'korxona', 'korxonasi',
  'завод', 'zavod', 'комбинат', 'kombinat', 'фабрика', 'fabrika', 'предприятие', 'корпорация', 'холдинг', 'holding', 'group', 'группа', 'гурух', 'гурӯҳ', 'guruh',
  'trading', 'trade', 'traders', 'trader', 'торг', 'торговый', 'торговая', 'тиҷорат', 'тиҷоратӣ', 'savdo', 'logistics', 'logistic', 'логистик', 'логистика', 'logistika',
  'shipping', 'lines', 'line', 'marine', 'maritime', 'freight', 'cargo', 'карго', 'express', 'transport', 'транс', 'trans', 'transit', 'forwarding', 'agency', 'агентство',
  'industries', 'industry', 'industrial', 'индустрия', 'sanoat', 'enterprise', 'enterprises', 'textile', 'textiles', 'текстиль', 'tekstil', 'mills', 'mill', 'factory',
  'exports', 'export', 'exporters', 'imports', 'import', 'importers', 'импорт', 'экспорт', 'impex', 'exim', 'international', 'intl', 'overseas', 'global', 'worldwide',
  'manufacturing', 'manufacturers', 'products', 'supply', 'supplies', 'services', 'solutions', 'systems', 'store', 'market', 'bazaar', 'bank', 'банк',
  'motors', 'electro', 'электро', 'foods', 'food', 'agro', 'агро', 'pharma', 'фарм', 'chemicals', 'steel', 'oil', 'gas', 'construction', 'строй', 'invest', 'инвест',
  'partners', 'associates', 'brothers', 'bros', 'sons', 'ventures', 'center', 'centre', 'центр', 'markaz', 'plant', 'tea', 'rice', 'fruit', 'cotton',
]);

/** Legal-form abbreviations only valid in capitals (as words, "as" and "ie" are also ordinary words in names and text). */
const capitalOnly = new Set(['as', 'sa', 'ao', 'ab', 'ag', 'kg', 'sp', 'sl', 'lp']);

const words = (name: string): { lower: string; raw: string }[] =>
  name
    .normalize('NFKC')
    .replace(/[.]/g, '')
    .split(/[^\p{L}\p{M}\p{N}'ʻʼ‘’]+/u)
    .filter(Boolean)
    .map((raw) => ({ raw, lower: raw.toLocaleLowerCase('ru') }));

function startsWithPersonPhrase(lowered: string): boolean {
  return personPhrases.some((phrase) => lowered === phrase || lowered.startsWith(`${phrase} `) || lowered.endsWith(` ${phrase}`));
}

export function classifyParty(name: string): PartyClass {
  const tokens = words(name);
  if (tokens.length === 0) return 'person';
  const lowered = tokens.map((token) => token.lower).join(' ');
  if (startsWithPersonPhrase(lowered)) return 'person';
  for (const token of tokens) {
    if (!companyWords.has(token.lower)) continue;
    // "SA" and "AS" are legal forms; "sa" or "as" in lower case inside a name may be a person's particle.
    if (capitalOnly.has(token.lower) && token.raw !== token.raw.toUpperCase()) continue;
    return 'company';
  }
  return 'person';
}
