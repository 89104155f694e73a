/**
 * Cyrillic capitals that look exactly like Latin ones. Codes on manifests
 * (container owner codes, UN/LOCODEs) are Latin by definition, but files typed
 * on a Russian keyboard layout often carry "МSCU" with a Cyrillic М: to the
 * officer it reads the same, to a comparison it is a different code. Only
 * shapes that are identical in print are mapped; З (looks like 3) and others
 * that merely resemble a Latin letter are left alone so they still fail.
 */
const cyrillicToLatin: Readonly<Record<string, string>> = {
  А: 'A',
  В: 'B',
  Е: 'E',
  К: 'K',
  М: 'M',
  Н: 'H',
  О: 'O',
  Р: 'P',
  С: 'C',
  Т: 'T',
  У: 'Y',
  Х: 'X',
  І: 'I', // Ukrainian and Kazakh І
  Ј: 'J', // Serbian/Macedonian Ј
  Ѕ: 'S', // Macedonian Ѕ
};

/** Replace Cyrillic capitals that look like Latin ones. Expects upper-case text. */
export function latinLookalikes(upperText: string): string {
  return upperText.replace(/[АВЕКМНОРСТУХІЈЅ]/g, (letter) => cyrillicToLatin[letter] ?? letter);
}
