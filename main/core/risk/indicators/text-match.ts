/**
 * Phrase matching for the reference tables, in English and Russian alike.
 * Manifests write the same words as "P.O. BOX", "PO-Box" and "p/o box", and
 * "Порожний" with or without ё; the tables are edited by supervisors who must
 * not have to think about regular expressions. So both the text and the table
 * phrases are folded the same way (a Unicode-aware split into words) and
 * phrases match whole words only: "tea" must not fire on "steam", nor "рис"
 * on "рисунок".
 *
 * Phrase syntax (documented in resources/risk/README.md): words separated by
 * spaces; a word ending in `*` matches any ending ("банан*" → бананы, бананов),
 * which Russian declension needs; any other punctuation is read as a space.
 *
 * Matching works on words, not on one big regular expression: an alternation
 * of a few hundred phrases is tried at every character of every description,
 * and the benchmark scores 100,000 lines.
 */

/** Folded text as its words: what phrase matchers read ([] for a text with no letters or digits). */
export type Words = readonly string[];

const WORD = /[\p{L}\p{M}\p{N}]+/gu;

/**
 * NFKC, lower case, ё read as е, and the runs of letters, marks and digits
 * as words: every other character (quotes, dots, slashes, dashes) separates.
 * Matching the words is cheaper than replacing the separators, and this runs
 * for every description and party of every line.
 */
export function foldWords(text: string): Words {
  const lower = text.normalize('NFKC').toLowerCase();
  return (lower.includes('ё') ? lower.replace(/ё/g, 'е') : lower).match(WORD) ?? [];
}

/** The folded words as one single-spaced string ("P.O.BOX 12" → "p o box 12"). */
export function foldText(text: string): string {
  return foldWords(text).join(' ');
}

/** True when the text has at least one letter or digit: "-", "" and "  /  " say nothing. */
export function hasContent(text: string | null | undefined): boolean {
  return text !== null && text !== undefined && /[\p{L}\p{N}]/u.test(text);
}

/**
 * How a phrase must sit in the text: `word` anywhere on word boundaries,
 * `whole` the entire text, `start` at the beginning ("TO THE ORDER OF …").
 */
export type PhraseAnchor = 'word' | 'whole' | 'start';

export interface PhraseEntry<T> {
  readonly phrase: string;
  readonly anchor?: PhraseAnchor;
  readonly value: T;
}

export interface PhraseHit<T> {
  readonly value: T;
  /** The folded words that matched, e.g. "бананы" for the phrase "банан*". */
  readonly matched: string;
}

export interface PhraseMatcher<T> {
  readonly size: number;
  /** True when any phrase occurs in the words. */
  test(words: Words): boolean;
  /** Every entry whose phrase occurs, in table order, with the words it matched (first occurrence). */
  find(words: Words): PhraseHit<T>[];
  /** The words that are not part of any phrase (the longest phrase at each position wins). */
  strip(words: Words): Words;
}

/** One word of a phrase: exact, or a stem that takes any ending. */
interface PhraseWord {
  readonly text: string;
  readonly stem: boolean;
}

/** A table phrase as words, or null when it folds to nothing ("-"). */
export function phraseWords(phrase: string): PhraseWord[] | null {
  const words: PhraseWord[] = [];
  for (const raw of phrase.trim().split(/\s+/)) {
    const stem = raw.endsWith('*');
    const parts = foldWords(stem ? raw.slice(0, -1) : raw);
    // "кв-ра*" folds to two words: only the last one takes the ending.
    parts.forEach((text, index) => words.push({ text, stem: stem && index === parts.length - 1 }));
  }
  return words.length > 0 ? words : null;
}

interface CompiledPhrase<T> {
  readonly order: number;
  readonly words: readonly PhraseWord[];
  readonly anchor: PhraseAnchor;
  readonly value: T;
}

/** The number of text words the phrase covers when it starts at `at`, or 0. */
function matchAt<T>(phrase: CompiledPhrase<T>, words: Words, at: number): number {
  const patterns = phrase.words;
  const length = patterns.length;
  if (at + length > words.length) return 0;
  if (phrase.anchor !== 'word' && at !== 0) return 0;
  if (phrase.anchor === 'whole' && length !== words.length) return 0;
  for (let index = 0; index < length; index += 1) {
    const pattern = patterns[index];
    const word = words[at + index];
    if (pattern === undefined || word === undefined) return 0;
    if (pattern.stem ? !word.startsWith(pattern.text) : word !== pattern.text) return 0;
  }
  return length;
}

/** The longest match among the phrases of one index bucket. */
function tryList<T>(
  list: readonly CompiledPhrase<T>[] | undefined,
  words: Words,
  at: number,
  seen: ((phrase: CompiledPhrase<T>, length: number) => void) | undefined,
): number {
  if (list === undefined) return 0;
  let longest = 0;
  for (const phrase of list) {
    const length = matchAt(phrase, words, at);
    if (length > 0) seen?.(phrase, length);
    if (length > longest) longest = length;
  }
  return longest;
}

/** Stems are indexed by their first letters: one Map lookup per word, whatever the stems' lengths. */
const STEM_KEY = 2;

/**
 * Compiles a table's phrases once into an index by first word (exact words
 * by Map, stems by their first two letters), so a text is read word by word
 * and only the phrases that can start at a word are tried there.
 */
export function compilePhrases<T>(entries: readonly PhraseEntry<T>[]): PhraseMatcher<T> {
  const byWord = new Map<string, CompiledPhrase<T>[]>();
  const byStem = new Map<string, CompiledPhrase<T>[]>();
  let size = 0;
  entries.forEach((entry, order) => {
    const words = phraseWords(entry.phrase);
    const first = words?.[0];
    if (!words || !first) return;
    const phrase: CompiledPhrase<T> = { order, words, anchor: entry.anchor ?? 'word', value: entry.value };
    const [index, key] = first.stem ? [byStem, first.text.slice(0, STEM_KEY)] : [byWord, first.text];
    const list = index.get(key) ?? [];
    list.push(phrase);
    index.set(key, list);
    size += 1;
  });
  const shortStems = [...byStem.keys()].some((key) => key.length < STEM_KEY);

  /**
   * The longest match of any phrase starting at `at` (0: none), calling
   * `seen` for each phrase that matches there. Nothing is allocated on
   * the way: this runs for every word of every description of the call.
   */
  function matchesAt(words: Words, at: number, seen?: (phrase: CompiledPhrase<T>, length: number) => void): number {
    const word = words[at] ?? '';
    let longest = tryList(byWord.get(word), words, at, seen);
    if (byStem.size > 0) {
      longest = Math.max(longest, tryList(byStem.get(word.slice(0, STEM_KEY)), words, at, seen));
      if (shortStems) longest = Math.max(longest, tryList(byStem.get(word.slice(0, 1)), words, at, seen));
    }
    return longest;
  }

  return {
    size,
    test(words) {
      if (size === 0) return false;
      for (let at = 0; at < words.length; at += 1) if (matchesAt(words, at) > 0) return true;
      return false;
    },
    find(words) {
      if (size === 0) return [];
      const hits: { order: number; hit: PhraseHit<T> }[] = [];
      for (let at = 0; at < words.length; at += 1) {
        matchesAt(words, at, (phrase, length) => {
          if (!hits.some((each) => each.order === phrase.order)) hits.push({ order: phrase.order, hit: { value: phrase.value, matched: words.slice(at, at + length).join(' ') } });
        });
      }
      if (hits.length > 1) hits.sort((a, b) => a.order - b.order);
      return hits.map((each) => each.hit);
    },
    strip(words) {
      if (size === 0) return words;
      const kept: string[] = [];
      let at = 0;
      while (at < words.length) {
        const longest = matchesAt(words, at);
        if (longest === 0) kept.push(words[at] ?? '');
        at += Math.max(longest, 1);
      }
      return kept;
    },
  };
}
