/**
 * Turns the bytes of a delimited-text manifest into text, deciding the encoding
 * from the bytes alone (a USB file carries no charset label):
 *
 * 1. A byte-order mark wins: UTF-8, UTF-16LE, UTF-16BE.
 * 2. UTF-16 without a BOM, recognised by its NUL bytes: ASCII delimiters, digits and
 *    line breaks put a 0x00 in every other byte (odd bytes for LE, even for BE).
 * 3. Valid UTF-8 (a strict decoder that throws on the first bad sequence). Plain
 *    ASCII is UTF-8 too.
 * 4. Otherwise a Cyrillic single-byte code page. Russian-locale Excel saves "CSV"
 *    in windows-1251, so that is the default. KOI8-R (old Unix and e-mail exports)
 *    is chosen only when Russian letter frequencies say so clearly: both code pages
 *    put letters in 0xC0..0xFF but in a different order, so reading one as the other
 *    gives rare letters and stray symbols (box drawing for « » and ё). Below
 *    `koi8Margin` the evidence is too thin (a few short words) and windows-1251 stays.
 *
 * Hazard: any other single-byte code page (Turkish windows-1254, Western
 * windows-1252) is NOT recognised and comes out as Cyrillic mojibake; `encoding`
 * in the result lets the importer say which code page was assumed.
 * Tajik (Ҷ Ҳ Ӣ Ғ Қ Ӯ) and Kazakh letters do not exist in windows-1251 or KOI8-R:
 * Excel has already replaced them with '?' before the file reached us.
 *
 * windows-1251 and KOI8-R decoding needs a Node/Electron built with full ICU
 * (the default for both); `new TextDecoder('windows-1251')` throws otherwise.
 */

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1251' | 'koi8-r';

export interface DecodedText {
  /** The text without its byte-order mark. */
  readonly text: string;
  readonly encoding: TextEncodingName;
  readonly hadByteOrderMark: boolean;
}

export interface DecodeOptions {
  /** The bytes are a prefix of the file: a multi-byte character cut at the end is not an error. */
  readonly partial?: boolean;
}

/** How much of the file the NUL-pattern and code-page tests look at. */
const sniffBytes = 64 * 1024;

function byteOrderMark(bytes: Uint8Array): TextEncodingName | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

/** UTF-16 without a BOM: many NULs on one side of each byte pair, (almost) none on the other. */
function utf16ByNulPattern(bytes: Uint8Array): TextEncodingName | undefined {
  const pairs = Math.floor(Math.min(bytes.length, sniffBytes) / 2);
  if (pairs < 2) return undefined;
  let evenNuls = 0;
  let oddNuls = 0;
  for (let i = 0; i < pairs; i++) {
    if (bytes[2 * i] === 0) evenNuls++;
    if (bytes[2 * i + 1] === 0) oddNuls++;
  }
  const many = pairs * 0.2;
  const few = pairs * 0.01;
  if (oddNuls >= many && evenNuls <= few) return 'utf-16le';
  if (evenNuls >= many && oddNuls <= few) return 'utf-16be';
  return undefined;
}

/** Russian letter frequencies (per mille), case-folded. */
const russianFrequency: Readonly<Record<string, number>> = {
  а: 80, б: 16, в: 45, г: 17, д: 30, е: 85, ж: 9, з: 16, и: 74, й: 12, к: 35, л: 44, м: 32, н: 67, о: 110, п: 28,
  р: 47, с: 55, т: 63, у: 26, ф: 3, х: 10, ц: 5, ч: 14, ш: 7, щ: 4, ъ: 0.4, ы: 19, ь: 17, э: 3, ю: 6, я: 20, ё: 0.4,
};
/** Non-letters a Russian document plausibly holds; anything else (box drawing, Serbian Ј...) is a sign of the wrong page. */
const plausibleSymbols = new Set([...'«»№–—‚„“”‘’…•\u00A0°']);
const logPlausibleSymbol = Math.log(5);
const logImplausible = Math.log(0.05);

/**
 * Log-likelihood of the non-ASCII characters of `text` as Russian. Both code pages
 * turn each byte >= 0x80 into exactly one character, so the two sums cover the same
 * bytes and can be compared directly.
 */
function russianLikelihood(text: string): number {
  let score = 0;
  for (const ch of text) {
    if (ch < '\u0080') continue;
    const f = russianFrequency[ch.toLowerCase()];
    score += f !== undefined ? Math.log(f) : plausibleSymbols.has(ch) ? logPlausibleSymbol : logImplausible;
  }
  return score;
}

/** KOI8-R must beat windows-1251 by e^10 odds: a few words of Russian give that, noise does not. */
const koi8Margin = 10;

function cyrillicCodePage(bytes: Uint8Array): TextEncodingName {
  const sample = bytes.subarray(0, sniffBytes);
  const asCp1251 = russianLikelihood(new TextDecoder('windows-1251').decode(sample));
  const asKoi8 = russianLikelihood(new TextDecoder('koi8-r').decode(sample));
  return asKoi8 > asCp1251 + koi8Margin ? 'koi8-r' : 'windows-1251';
}

export function decodeManifestText(bytes: Uint8Array, options: DecodeOptions = {}): DecodedText {
  const stream = options.partial ?? false;
  // ignoreBOM: false makes TextDecoder drop one leading BOM of its own encoding, and only that one.
  const decode = (encoding: TextEncodingName, fatal = false) =>
    new TextDecoder(encoding, { fatal, ignoreBOM: false }).decode(bytes, { stream });

  const bom = byteOrderMark(bytes);
  if (bom) return { text: decode(bom), encoding: bom, hadByteOrderMark: true };
  const utf16 = utf16ByNulPattern(bytes);
  if (utf16) return { text: decode(utf16), encoding: utf16, hadByteOrderMark: false };
  try {
    // Strict: one invalid sequence anywhere means this is not UTF-8. Cyrillic
    // windows-1251 text practically never passes: its letters are UTF-8 lead bytes
    // (0xC0..0xFF) followed by more letters, not by continuation bytes (0x80..0xBF).
    return { text: decode('utf-8', true), encoding: 'utf-8', hadByteOrderMark: false };
  } catch {
    const encoding = cyrillicCodePage(bytes);
    return { text: decode(encoding), encoding, hadByteOrderMark: false };
  }
}
