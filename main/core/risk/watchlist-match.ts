import { parseManifestDate } from '../../../shared/domain/dates';
import { normaliseImoNumber } from '../../../shared/domain/imo';
import { normaliseContainerNumber } from '../../../shared/domain/iso6346';
import { latinLookalikes } from '../../../shared/domain/latin-lookalikes';
import { normalisePartyName } from '../../../shared/domain/party-name';
import { phoneticKey } from '../../../shared/domain/transliterate';
import { decodeManifestText } from '../manifests/readers/csv-decode';
import { fallbackDelimiter, sniffDelimiter } from '../manifests/readers/csv-sniff';
import { tokenizeDelimited } from '../manifests/readers/csv-tokenize';
import type { WatchSeverity } from './profile';
import type { WatchHit } from './score';

/**
 * Watch-list matching (issue 5), pure: keys for the entries, how well a
 * party name matches an entry, a matcher for whole lines, and the bulk-add
 * CSV. Nothing here reads the database or the clock: the caller passes the
 * active, unexpired entries in.
 */

export const watchKinds = ['party', 'container', 'vessel', 'bl', 'seal'] as const;
export type WatchKind = (typeof watchKinds)[number];

// ---------------------------------------------------------------------------
// Keys

/** Codes (B/L, seal, a container number of no ISO shape): upper case, letters and digits only, Cyrillic look-alike capitals read as Latin. */
function codeKey(value: string): string {
  return latinLookalikes(value.normalize('NFKC').toUpperCase()).replace(/[^\p{L}\p{N}]/gu, '');
}

/**
 * A vessel name before transliteration: lower case, punctuation as spaces,
 * and without the type prefix manifests put in front or leave out
 * ("M/V EVER GIVEN", "MV EVER GIVEN", "EVER GIVEN"; Russian "т/х").
 */
function vesselNameForm(value: string): string {
  return value
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, ' ')
    .trim()
    .replace(/^(?:m ?[vst]|т ?х) (?=\S)/u, '');
}

/**
 * What watch_list_entries.value_normalised holds for an entry, and what a
 * line's value is looked up by. "" when nothing matchable is left (a party
 * called just "OOO"): such an entry would match nothing and is refused.
 *
 * - party: normalisePartyName (legal forms, quotes, case), then
 *   transliterated and folded (shared/domain/transliterate). Word order is
 *   kept: "Romashka OOO" and "OOO Romashka" already meet once the legal form
 *   is gone, and sorting words would merge "Trans Asia" with "Asia Trans".
 * - container: ISO 6346 canonical form (MSCU1234565) when the value has that
 *   shape, else a code key.
 * - vessel: the seven IMO digits when the value is an IMO number ("IMO
 *   9321483" → 9321483): a ship keeps its IMO number through renaming;
 *   otherwise the folded name.
 * - bl, seal: upper-case letters and digits ("MSKU-123 456" → MSKU123456).
 */
export function watchKey(kind: WatchKind, value: string): string {
  switch (kind) {
    case 'party':
      return phoneticKey(normalisePartyName(value));
    case 'container':
      return normaliseContainerNumber(value) ?? codeKey(value);
    case 'vessel':
      return normaliseImoNumber(value) ?? phoneticKey(vesselNameForm(value));
    case 'bl':
    case 'seal':
      return codeKey(value);
    default:
      return assertNever(kind);
  }
}

function assertNever(value: never): never {
  throw new Error(`unexpected watch-list kind ${String(value)}`);
}

// ---------------------------------------------------------------------------
// Party names

export type MatchHow = 'exact' | 'transliterated' | 'fuzzy';

export interface NameMatch {
  /** 0..1; 1 only for 'exact'. */
  readonly strength: number;
  readonly how: MatchHow;
}

/** Strength of names equal only after transliteration and folding: the folding can merge distinct names (see transliterate.ts). */
export const TRANSLITERATED_STRENGTH = 0.95;
/**
 * Default minimum similarity (1 − edits ÷ length of the longer folded key)
 * for a fuzzy match: one slip in 7 characters, two in 14. At 0.8 "Alfa
 * Trans" and "Alfa Trade" (two edits in 10) would already meet.
 */
export const DEFAULT_FUZZY_THRESHOLD = 0.85;
/** Folded keys this short match only when equal: one edit in "ABC" is a different firm, and "ABC" would otherwise match half the manifest. */
export const SHORT_NAME_LENGTH = 4;

export interface FuzzyOptions {
  /** Minimum similarity (default {@link DEFAULT_FUZZY_THRESHOLD}), read as at least 0.5 and at most 1. */
  readonly threshold?: number;
}

/** Below 0.5 half the letters may differ: that is another name, not a spelling of this one. 1 turns fuzzy matching off. */
const thresholdOf = (options: FuzzyOptions): number => Math.min(1, Math.max(0.5, options.threshold ?? DEFAULT_FUZZY_THRESHOLD));

/** A fuzzy strength is the similarity scaled by the transliterated strength: a misspelling never outranks an exact transliteration. */
const fuzzyStrength = (similarity: number): number => Math.round(similarity * TRANSLITERATED_STRENGTH * 100) / 100;

/**
 * How well `candidateName` (as the manifest wrote it) matches a party entry.
 * `entryName` is the entry's value as written, or its normalisePartyName key
 * (normalising again changes nothing). Not the stored value_normalised: that
 * is already folded, so 'exact' could no longer be told from 'transliterated'.
 */
export function matchParty(entryName: string, candidateName: string, options: FuzzyOptions = {}): NameMatch | null {
  const entryKey = normalisePartyName(entryName);
  const candidateKey = normalisePartyName(candidateName);
  if (entryKey === '' || candidateKey === '') return null;
  if (entryKey === candidateKey) return { strength: 1, how: 'exact' };
  const entryFolded = phoneticKey(entryKey);
  const candidateFolded = phoneticKey(candidateKey);
  if (entryFolded === candidateFolded) return { strength: TRANSLITERATED_STRENGTH, how: 'transliterated' };
  if (entryFolded.length <= SHORT_NAME_LENGTH || candidateFolded.length <= SHORT_NAME_LENGTH) return null;
  const threshold = thresholdOf(options);
  const similarity = keySimilarity(entryFolded, candidateFolded, maxEditsFor(Math.max(entryFolded.length, candidateFolded.length), threshold));
  return similarity >= threshold ? { strength: fuzzyStrength(similarity), how: 'fuzzy' } : null;
}

/** The most edits a pair whose longer key has `longer` characters may have and still reach `threshold`. */
function maxEditsFor(longer: number, threshold: number): number {
  // The epsilon keeps 0.85 × 20 = 3 from being read as 2.9999999.
  return Math.floor((1 - threshold) * longer + 1e-9);
}

/** 1 − edits ÷ longer length, with edits counted only up to `maxEdits` (beyond it the answer is "too far": 0). */
function keySimilarity(a: string, b: string, maxEdits: number): number {
  const longer = Math.max(a.length, b.length);
  if (longer === 0) return 1;
  const edits = editDistance(a, b, maxEdits);
  return edits > maxEdits ? 0 : 1 - edits / longer;
}

/** Rows of {@link editDistance}, reused: matching a manifest calls it hundreds of thousands of times. */
let rows = [new Int32Array(64), new Int32Array(64), new Int32Array(64)] as const;

/**
 * Optimal-string-alignment distance (Levenshtein plus the swap of two
 * neighbours, the commonest typing slip), or maxEdits + 1 when it is larger.
 * Only the band of cells within maxEdits of the diagonal can stay within
 * maxEdits, so only those are computed, and a row whose every cell exceeds
 * maxEdits ends the search: most candidates are dismissed after a few rows.
 */
function editDistance(a: string, b: string, maxEdits: number): number {
  const far = maxEdits + 1;
  if (Math.abs(a.length - b.length) > maxEdits) return far;
  const width = b.length + 1;
  if (rows[0].length < width + 1) rows = [new Int32Array(2 * width), new Int32Array(2 * width), new Int32Array(2 * width)];
  let [before, previous, current] = rows;
  for (let j = 0; j < width; j++) previous[j] = Math.min(j, far);
  for (let i = 1; i <= a.length; i++) {
    const low = Math.max(1, i - maxEdits);
    const high = Math.min(b.length, i + maxEdits);
    // Cells left and right of the band read as "too far", so the next row never reads a stale value.
    current[low - 1] = low === 1 ? Math.min(i, far) : far;
    current[high + 1] = far;
    let rowMin = current[low - 1] ?? far;
    const ai = a.charCodeAt(i - 1);
    for (let j = low; j <= high; j++) {
      const bj = b.charCodeAt(j - 1);
      let cell = Math.min((previous[j] ?? far) + 1, (current[j - 1] ?? far) + 1, (previous[j - 1] ?? far) + (ai === bj ? 0 : 1));
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) cell = Math.min(cell, (before[j - 2] ?? far) + 1);
      current[j] = cell;
      if (cell < rowMin) rowMin = cell;
    }
    if (rowMin > maxEdits) return far;
    [before, previous, current] = [previous, current, before];
  }
  return Math.min(previous[b.length] ?? far, far);
}

function distinctTrigrams(text: string): Set<string> {
  const grams = new Set<string>();
  for (let i = 0; i + 3 <= text.length; i++) grams.add(text.slice(i, i + 3));
  return grams;
}

// ---------------------------------------------------------------------------
// Whole lines

/** One active watch-list entry, as stored. */
export interface WatchEntry {
  readonly id: number;
  readonly kind: WatchKind;
  /** As the officer wrote it: shown with the hit, and read again for 'exact' party matches. */
  readonly value: string;
  /** watchKey(kind, value), as stored. */
  readonly valueNormalised: string;
  readonly severity: WatchSeverity;
}

export interface WatchLineParty {
  readonly name: string;
  /** normalisePartyName(name), when the caller already has it (RiskParty.key). */
  readonly key?: string;
}

/** What the matcher reads of a line; the risk engine's RiskLine is one. */
export interface WatchLine {
  readonly shipper?: WatchLineParty | null;
  readonly consignee?: WatchLineParty | null;
  readonly notify?: WatchLineParty | null;
  readonly containerNumber?: string | null;
  readonly vessel?: { readonly imo?: string | null; readonly name?: string | null } | null;
  readonly blNumber?: string | null;
  readonly masterBl?: string | null;
  readonly seals?: readonly string[];
}

export interface WatchMatcher {
  /** Every entry the line matches, once per matching field (the scorer keeps each entry's strongest). */
  match(line: WatchLine): WatchHit[];
}

interface PartyEntry {
  readonly entry: WatchEntry;
  /** normalisePartyName(value): equal to the line's key means 'exact'. */
  readonly key: string;
  readonly folded: string;
}

interface VesselEntry {
  readonly entry: WatchEntry;
  /** vesselNameForm(value), or null for an IMO entry. */
  readonly nameForm: string | null;
}

interface FuzzyResult {
  readonly party: PartyEntry;
  readonly similarity: number;
}

/** Distinct party keys whose fuzzy results are remembered; manifests repeat their consignees, but memory must stay bounded. */
const FUZZY_CACHE_LIMIT = 50_000;

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    if (k === '') continue;
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

/**
 * A matcher over a fixed set of entries. Exact and transliterated matches
 * are Map look-ups; only party names are compared fuzzily, and only against
 * entries that share enough 3-grams to be within the allowed edits (a
 * substitution, insertion, deletion or swap destroys at most four 3-grams), so
 * a line costs a handful of edit distances, not one per entry.
 */
export function createWatchMatcher(entries: readonly WatchEntry[], options: FuzzyOptions = {}): WatchMatcher {
  const threshold = thresholdOf(options);
  const of = (kind: WatchKind) => entries.filter((entry) => entry.kind === kind);

  const parties: PartyEntry[] = of('party').map((entry) => ({ entry, key: normalisePartyName(entry.value), folded: entry.valueNormalised }));
  const partiesByFolded = groupBy(parties, (party) => party.folded);
  const vessels = groupBy(
    of('vessel').map((entry) => ({ entry, nameForm: normaliseImoNumber(entry.value) === null ? vesselNameForm(entry.value) : null })),
    (vessel: VesselEntry) => vessel.entry.valueNormalised,
  );
  const containers = groupBy(of('container'), (entry) => entry.valueNormalised);
  const bls = groupBy(of('bl'), (entry) => entry.valueNormalised);
  const seals = groupBy(of('seal'), (entry) => entry.valueNormalised);

  // The fuzzy index: party entries long enough to be matched fuzzily, by 3-gram.
  const fuzzyParties = parties.filter((party) => party.folded.length > SHORT_NAME_LENGTH);
  const byTrigram = new Map<string, number[]>();
  fuzzyParties.forEach((party, index) => {
    for (const gram of distinctTrigrams(party.folded)) {
      const list = byTrigram.get(gram);
      if (list) list.push(index);
      else byTrigram.set(gram, [index]);
    }
  });
  const shared = new Int32Array(fuzzyParties.length);
  const fuzzyCache = new Map<string, readonly FuzzyResult[]>();
  const foldedCache = new Map<string, string>();

  const fold = (key: string): string => {
    let folded = foldedCache.get(key);
    if (folded === undefined) {
      if (foldedCache.size >= FUZZY_CACHE_LIMIT) foldedCache.clear();
      folded = phoneticKey(key);
      foldedCache.set(key, folded);
    }
    return folded;
  };

  const fuzzyMatches = (folded: string): readonly FuzzyResult[] => {
    const known = fuzzyCache.get(folded);
    if (known) return known;
    const results: FuzzyResult[] = [];
    // The longer key of a pair is at most folded.length + edits long, so no pair reaching the threshold has more edits than this.
    const maxEdits = maxEditsFor(folded.length / threshold, threshold);
    if (folded.length > SHORT_NAME_LENGTH && maxEdits > 0) {
      const grams = distinctTrigrams(folded);
      const needed = grams.size - 4 * maxEdits;
      const consider = (index: number) => {
        const party = fuzzyParties[index];
        if (!party || party.folded === folded) return; // equal keys are the transliterated hit already
        const similarity = keySimilarity(party.folded, folded, maxEditsFor(Math.max(party.folded.length, folded.length), threshold));
        if (similarity >= threshold) results.push({ party, similarity });
      };
      if (needed <= 0) {
        // Too few 3-grams to filter on (a low threshold): every entry is a candidate; the length check in editDistance is the filter.
        for (let index = 0; index < fuzzyParties.length; index++) consider(index);
      } else {
        const touched: number[] = [];
        for (const gram of grams) {
          for (const index of byTrigram.get(gram) ?? []) {
            if (shared[index] === 0) touched.push(index);
            shared[index] = (shared[index] ?? 0) + 1;
          }
        }
        for (const index of touched) {
          if ((shared[index] ?? 0) >= needed) consider(index);
          shared[index] = 0;
        }
      }
    }
    if (fuzzyCache.size >= FUZZY_CACHE_LIMIT) fuzzyCache.clear();
    fuzzyCache.set(folded, results);
    return results;
  };

  const hit = (entry: WatchEntry, matched: string, strength: number, how: MatchHow): WatchHit => ({
    entryId: entry.id,
    kind: entry.kind,
    value: entry.value,
    matched,
    severity: entry.severity,
    strength,
    how,
  });

  const matchPartyOfLine = (party: WatchLineParty | null | undefined, hits: WatchHit[]) => {
    if (!party) return;
    const key = party.key ?? normalisePartyName(party.name);
    if (key === '') return;
    const folded = fold(key);
    for (const known of partiesByFolded.get(folded) ?? []) {
      hits.push(known.key === key ? hit(known.entry, party.name, 1, 'exact') : hit(known.entry, party.name, TRANSLITERATED_STRENGTH, 'transliterated'));
    }
    for (const { party: known, similarity } of fuzzyMatches(folded)) hits.push(hit(known.entry, party.name, fuzzyStrength(similarity), 'fuzzy'));
  };

  const matchCode = (map: ReadonlyMap<string, readonly WatchEntry[]>, key: string, matched: string, hits: WatchHit[]) => {
    if (key === '') return;
    for (const entry of map.get(key) ?? []) hits.push(hit(entry, matched, 1, 'exact'));
  };

  return {
    match(line) {
      const hits: WatchHit[] = [];
      if (partiesByFolded.size > 0) {
        matchPartyOfLine(line.shipper, hits);
        matchPartyOfLine(line.consignee, hits);
        matchPartyOfLine(line.notify, hits);
      }
      if (line.containerNumber) matchCode(containers, watchKey('container', line.containerNumber), line.containerNumber, hits);
      const { imo, name } = line.vessel ?? {};
      const imoKey = imo ? normaliseImoNumber(imo) : null;
      if (imo && imoKey) for (const { entry } of vessels.get(imoKey) ?? []) hits.push(hit(entry, imo, 1, 'exact'));
      if (name && vessels.size > 0) {
        const nameForm = vesselNameForm(name);
        for (const { entry, nameForm: entryForm } of vessels.get(phoneticKey(nameForm)) ?? []) {
          if (entryForm === null) continue; // an IMO entry: only the IMO number matches it
          hits.push(entryForm === nameForm ? hit(entry, name, 1, 'exact') : hit(entry, name, TRANSLITERATED_STRENGTH, 'transliterated'));
        }
      }
      for (const bl of [line.blNumber, line.masterBl]) if (bl) matchCode(bls, watchKey('bl', bl), bl, hits);
      for (const seal of line.seals ?? []) matchCode(seals, watchKey('seal', seal), seal, hits);
      return hits;
    },
  };
}

// ---------------------------------------------------------------------------
// Bulk add from CSV

export type WatchCsvField = 'type' | 'value' | 'severity' | 'reason' | 'expires';

export type WatchCsvProblemCode =
  | 'WATCH_CSV_UNREADABLE'
  | 'WATCH_CSV_EMPTY'
  | 'WATCH_CSV_COLUMN_MISSING'
  | 'WATCH_CSV_UNCLOSED_QUOTE'
  | 'WATCH_CSV_TYPE_INVALID'
  | 'WATCH_CSV_VALUE_EMPTY'
  | 'WATCH_CSV_VALUE_INVALID'
  | 'WATCH_CSV_SEVERITY_INVALID'
  | 'WATCH_CSV_REASON_EMPTY'
  | 'WATCH_CSV_EXPIRES_INVALID'
  | 'WATCH_CSV_DUPLICATE';

export interface WatchCsvProblem {
  readonly code: WatchCsvProblemCode;
  /** 1-based record number in the file (0: the file as a whole). */
  readonly row: number;
  /** The column at fault, or null when the whole row or file is. */
  readonly field: WatchCsvField | null;
  /** Values for the UI's message (the offending text, the missing column, the first row of a duplicate). */
  readonly params: Readonly<Record<string, string | number>>;
}

export interface WatchCsvEntry {
  readonly row: number;
  readonly kind: WatchKind;
  /** Trimmed, otherwise as the file wrote it. */
  readonly value: string;
  readonly valueNormalised: string;
  readonly severity: WatchSeverity;
  readonly reason: string;
  /** "YYYY-MM-DD", or null: no expiry. */
  readonly expiresAt: string | null;
}

export interface WatchCsvRead {
  readonly entries: readonly WatchCsvEntry[];
  readonly problems: readonly WatchCsvProblem[];
}

/** Header names, after {@link cellWord}; English and Russian. */
const HEADER_NAMES: Readonly<Record<string, WatchCsvField>> = {
  type: 'type', kind: 'type', тип: 'type', вид: 'type',
  value: 'value', значение: 'value',
  severity: 'severity', level: 'severity', важность: 'severity', уровень: 'severity',
  reason: 'reason', причина: 'reason', основание: 'reason',
  expires: 'expires', expiresat: 'expires', expiry: 'expires', срок: 'expires', срокдействия: 'expires', действуетдо: 'expires',
};

const KIND_NAMES: Readonly<Record<string, WatchKind>> = {
  party: 'party', сторона: 'party', участник: 'party', компания: 'party', фирма: 'party', лицо: 'party',
  container: 'container', контейнер: 'container',
  vessel: 'vessel', ship: 'vessel', imo: 'vessel', судно: 'vessel',
  bl: 'bl', коносамент: 'bl',
  seal: 'seal', пломба: 'seal',
};

/** English words and Russian stems (низкая, низкий…). */
const SEVERITY_NAMES: readonly (readonly [RegExp, WatchSeverity])[] = [
  [/^(?:low|низк)/, 'low'],
  [/^(?:medium|med|средн)/, 'medium'],
  [/^(?:high|высок)/, 'high'],
  [/^(?:critical|крит)/, 'critical'],
];

const REQUIRED_COLUMNS: readonly WatchCsvField[] = ['type', 'value', 'severity', 'reason'];
/** Without a header the columns are in this order. */
const POSITIONAL: readonly WatchCsvField[] = ['type', 'value', 'severity', 'reason', 'expires'];

/** A header or type cell as one word: "B/L" → "bl", "Срок действия" → "срокдействия", "expires_at" → "expiresat". */
const cellWord = (cell: string): string => cell.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

const severityOf = (cell: string): WatchSeverity | undefined => {
  const word = cellWord(cell);
  return SEVERITY_NAMES.find(([pattern]) => pattern.test(word))?.[1];
};

/**
 * Reads a watch list for bulk add: columns type, value, severity, reason and
 * optionally expires, named in English or Russian (тип, значение,
 * важность/уровень, причина, срок) in any order, or in that order without a
 * header. Bytes are decoded as manifests are (BOM, UTF-8, else the Cyrillic
 * code page Russian Excel saves in); the delimiter is sniffed (';' from
 * Russian Excel, ','). Never throws: every fault is a problem naming the row
 * and field, and the rows without problems are still returned, so the officer
 * can fix the file or add the good rows.
 */
export function parseWatchListCsv(input: string | Uint8Array, fileName: string): WatchCsvRead {
  try {
    return readWatchListCsv(input, fileName);
  } catch (error) {
    // A Node without full ICU cannot decode windows-1251: say so rather than fail the screen.
    return { entries: [], problems: [{ code: 'WATCH_CSV_UNREADABLE', row: 0, field: null, params: { error: error instanceof Error ? error.message : String(error) } }] };
  }
}

function readWatchListCsv(input: string | Uint8Array, fileName: string): WatchCsvRead {
  const text = typeof input === 'string' ? input.replace(/^\uFEFF/, '') : decodeManifestText(input).text;
  const delimiter = sniffDelimiter(text) ?? fallbackDelimiter(fileName);
  const { rows, warnings } = tokenizeDelimited(text, delimiter);
  const problems: WatchCsvProblem[] = warnings.map((warning) => ({ code: 'WATCH_CSV_UNCLOSED_QUOTE', row: warning.row, field: null, params: {} }));
  const problem = (code: WatchCsvProblemCode, row: number, field: WatchCsvField | null, params: Record<string, string | number> = {}) =>
    problems.push({ code, row, field, params });

  const isBlank = (cells: readonly string[]) => cells.every((cell) => cell.trim() === '');
  const firstIndex = rows.findIndex((cells) => !isBlank(cells));
  const first = rows[firstIndex];
  if (!first) {
    problem('WATCH_CSV_EMPTY', 0, null);
    return { entries: [], problems };
  }

  // A header names the columns; a first row whose first cell is a type is data in the positional order.
  const columns = new Map<WatchCsvField, number>();
  let dataFrom = firstIndex;
  if (KIND_NAMES[cellWord(first[0] ?? '')] !== undefined) {
    POSITIONAL.forEach((field, index) => columns.set(field, index));
  } else {
    first.forEach((cell, index) => {
      const field = HEADER_NAMES[cellWord(cell)];
      if (field && !columns.has(field)) columns.set(field, index);
    });
    dataFrom = firstIndex + 1;
    const missing = REQUIRED_COLUMNS.filter((field) => !columns.has(field));
    for (const field of missing) problem('WATCH_CSV_COLUMN_MISSING', firstIndex + 1, field, { column: field });
    if (missing.length > 0) return { entries: [], problems };
  }
  const cellOf = (cells: readonly string[], field: WatchCsvField): string => {
    const index = columns.get(field);
    return index === undefined ? '' : (cells[index] ?? '').trim();
  };

  const entries: WatchCsvEntry[] = [];
  const firstRowOfKey = new Map<string, number>();
  for (let index = dataFrom; index < rows.length; index++) {
    const cells = rows[index] ?? [];
    const row = index + 1;
    if (isBlank(cells)) continue;
    const before = problems.length;

    const typeText = cellOf(cells, 'type');
    const kind = KIND_NAMES[cellWord(typeText)];
    if (!kind) problem('WATCH_CSV_TYPE_INVALID', row, 'type', { value: typeText });

    const value = cellOf(cells, 'value');
    const valueNormalised = kind && value !== '' ? watchKey(kind, value) : '';
    if (value === '') problem('WATCH_CSV_VALUE_EMPTY', row, 'value');
    else if (kind && valueNormalised === '') problem('WATCH_CSV_VALUE_INVALID', row, 'value', { value });

    const severityText = cellOf(cells, 'severity');
    const severity = severityOf(severityText);
    if (!severity) problem('WATCH_CSV_SEVERITY_INVALID', row, 'severity', { value: severityText });

    // The database refuses an entry without a reason: every watch-list hit must be explainable to the officer.
    const reason = cellOf(cells, 'reason');
    if (reason === '') problem('WATCH_CSV_REASON_EMPTY', row, 'reason');

    const expiresText = cellOf(cells, 'expires');
    const expiresAt = expiresText === '' ? null : parseManifestDate(expiresText);
    if (expiresText !== '' && expiresAt === null) problem('WATCH_CSV_EXPIRES_INVALID', row, 'expires', { value: expiresText });

    if (problems.length > before || !kind || !severity) continue;
    const identity = `${kind}\u0000${valueNormalised}`;
    const firstRow = firstRowOfKey.get(identity);
    if (firstRow !== undefined) {
      problem('WATCH_CSV_DUPLICATE', row, 'value', { value, firstRow });
      continue;
    }
    firstRowOfKey.set(identity, row);
    entries.push({ row, kind, value, valueNormalised, severity, reason, expiresAt });
  }
  return { entries, problems };
}
