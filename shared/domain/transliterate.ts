/**
 * Cyrillic → Latin for MATCHING names, never for display: the officer always
 * sees the name as the file wrote it. One firm reaches the unit as
 * ООО «Ромашка», OOO ROMASHKA and Romashka LLC; one person as Щербаков,
 * SHCHERBAKOV, SHERBAKOV and SCHERBAKOV. Two steps bring them together:
 *
 * 1. {@link transliterateCyrillic}: each Cyrillic letter (Russian, and the
 *    Tajik, Kazakh, Uzbek, Kyrgyz letters ӣ ӯ ҳ ҷ қ ғ ң ұ ү ө ә һ і ў) to a
 *    plain ASCII romanisation, close to the Russian passport and BGN/PCGN
 *    habits (х kh, ж zh, ц ts, щ shch, ю yu, я ya).
 * 2. {@link foldPhonetic}: the Latin spellings people actually use for one
 *    sound are folded to one, on BOTH sides of a comparison (see FOLDS below).
 *
 * The result is deliberately lossy: it is a key that two spellings of one name
 * share, not a spelling. Distinct names that fold together (see the hazards
 * noted at each rule) are shown to the officer with a strength below 1, so a
 * person decides; a missed watch-list hit is nobody's decision at all.
 *
 * Changing the tables changes stored keys (watch_list_entries.value_normalised):
 * that needs a migration that recomputes them.
 */

/** Lower-case Cyrillic → ASCII. Letters not listed (Serbian ђ, Abkhaz…) are left as they are. */
const CYRILLIC: Readonly<Record<string, string>> = {
  // Russian
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'yo', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k', л: 'l',
  м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh',
  щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya',
  // Tajik: ӣ and ӯ are long и and у; ҷ is the j of Jahongir; ҳ the h of Rahim.
  ӣ: 'i', ӯ: 'u', ҳ: 'h', ҷ: 'j',
  // Shared by Tajik, Uzbek, Kazakh, Kyrgyz: қ is Latin q in Uzbek and Kazakh; ғ is gh (Tajik) or gʻ (Uzbek).
  қ: 'q', ғ: 'gh',
  // Kazakh and Kyrgyz
  ң: 'ng', ұ: 'u', ү: 'u', ө: 'o', ә: 'a', һ: 'h', і: 'i',
  // Uzbek ў is written oʻ in Uzbek Latin.
  ў: 'o',
  // Ukrainian, for Black Sea traffic: є and ї carry their glide like ю and я.
  є: 'ye', ї: 'yi', ґ: 'g',
};

const CYRILLIC_LETTER = /[\u0400-\u04ff]/g;

/**
 * Lower-case ASCII romanisation of the Cyrillic letters in `text`; other
 * characters are only lower-cased. NFC first, so that й and ё stay one letter
 * (NFD would split them into и and е plus a mark).
 */
export function transliterateCyrillic(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(CYRILLIC_LETTER, (letter) => CYRILLIC[letter] ?? letter);
}

/**
 * Latin letters with a meaning of their own in the region's Latin alphabets
 * (Turkish-style Kazakh and Turkmen, Azerbaijani), read before the remaining
 * accents are stripped, which would turn ş into s rather than sh.
 */
const LATIN_SPECIAL: Readonly<Record<string, string>> = { ş: 'sh', ç: 'ch', ğ: 'g', ı: 'i', ə: 'a', ñ: 'ng', ß: 'ss' };

/**
 * One spelling per sound, longest spellings first (the regular expression
 * tries them in this order at each position). Each rule and why:
 *
 * | spellings            | key | why                                                                   |
 * |----------------------|-----|-----------------------------------------------------------------------|
 * | tsch, tch            | ch  | German and French ч (Tschernow, Tchernov)                             |
 * | shch, sch            | sh  | щ is written SHCH, SCH or just SH (Щербаков); German sch is ш         |
 * | dzh, dj, zh          | j   | ж and дж/ҷ: Uzbek and Tajik Latin write them j (Jukov, Jahongir)      |
 * | kh, x                | h   | х: KHASANOV, HASANOV, Uzbek Latin XASANOV; Tajik ҳ is already h       |
 * | gh                   | g   | Tajik ғ (gh) against Russian-style g (Ghayratov, Gayratov)            |
 * | tc, tz               | ts  | ц in French-style passports (TCOI) and German (Tzoi)                  |
 * | q                    | k   | Uzbek and Kazakh Latin q is Russian к (Qodirov, Kodirov)              |
 * | w                    | v   | German-style в (Iwanow)                                               |
 * | ph                   | f   | "Pharm" against "Фарм"                                                |
 * | ck                   | k   | "Truck" against "Трак"                                                |
 *
 * Hazards: x→h makes English "Express" (Cyrillic "Экспресс") differ from its
 * Cyrillic form; only the fuzzy match brings them together. kh→h makes сх
 * (skh) and ш (sh) one key (Асхат, Ашат).
 */
const MULTIGRAPHS = /tsch|shch|sch|tch|dzh|dj|zh|kh|gh|tc|tz|ph|ck|x|q|w/g;
const MULTIGRAPH_KEY: Readonly<Record<string, string>> = {
  tsch: 'ch', tch: 'ch', shch: 'sh', sch: 'sh', dzh: 'j', dj: 'j', zh: 'j', kh: 'h', x: 'h', gh: 'g',
  tc: 'ts', tz: 'ts', q: 'k', w: 'v', ph: 'f', ck: 'k',
};

/**
 * The Latin folding applied to both sides of a comparison. Expects lower case
 * (the output of {@link transliterateCyrillic} or of normalisePartyName).
 * In order, after the multigraphs above:
 *
 * - A lone c (not ch, ts) reads as English does: s before e, i, y, else k.
 *   Firm names borrow English words that Cyrillic spells by sound: "Central"
 *   and "Сентрал", "Cargo" and "Карго".
 * - yo → e: Russian writes ё as е most of the time (normalisePartyName reads
 *   it as е too), so Fyodorov, Uzbek Yoʻldosh and Fedorov, Ёлдош meet.
 * - ye → e: е is E or YE (Yelena, Elena; Andreyev, Andreev).
 * - Any run of i, y, j before a vowel is the glide j: ю is YU, IU (passports
 *   since 2014) or JU (German), я is YA, IA or JA, so Юнус gives YUNUS, IUNUS
 *   and JUNUS, and Мария MARIYA, MARIIA, MARIA. The glide is written j
 *   because JU is both German Ю (Junus) and Uzbek Ж (Jukov): the two cannot be
 *   told apart, so ж and the glide share one key. Hazard: Жанна and Яна meet.
 * - Any other run of i and y is the vowel i: the endings -ий, -ый are IY, YI,
 *   II, I, Y, YY (Vasiliy, Vasilii, Vasily); й after a vowel is Y, I or, in
 *   German style, J (Tsoy, Tsoi; Sergey, Sergej), so a j after a vowel that no
 *   vowel follows is i as well. Hazard: Tajik Сироҷ and a Сирой would meet.
 * - Doubled letters are one (Hassanov, Hasanov; and what the rules above double).
 */
export function foldPhonetic(lowerLatin: string): string {
  return lowerLatin
    .replace(/[şçğıəñß]/g, (letter) => LATIN_SPECIAL[letter] ?? letter)
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    // Uzbek oʻ, gʻ and the tutuq belgisi ʼ carry nothing the folded key keeps.
    .replace(/['’‘`ʼʻ]/g, '')
    .replace(MULTIGRAPHS, (spelling) => MULTIGRAPH_KEY[spelling] ?? spelling)
    .replace(/c(?=[eiy])/g, 's')
    .replace(/c(?!h)/g, 'k')
    .replace(/y+o/g, 'e')
    .replace(/y+e/g, 'e')
    .replace(/[iyj]+(?=[aeou])/g, 'j')
    .replace(/(?<=[aeiou])j+(?![aeou])|[iy]+/g, 'i')
    .replace(/(\p{L})\1+/gu, '$1');
}

/** transliterateCyrillic then foldPhonetic: the key two spellings of one name share. */
export function phoneticKey(text: string): string {
  return foldPhonetic(transliterateCyrillic(text));
}
