import { parseManifestDate } from '../../../../shared/domain/dates';
import { parseDecimalText, parsePositiveInteger, type DecimalSeparator, type DecimalTextOptions } from '../../../../shared/domain/decimal-text';
import { looksLikeFormula } from '../../../../shared/domain/formula-text';
import { normaliseHsCode } from '../../../../shared/domain/hs';
import { checkImoNumber } from '../../../../shared/domain/imo';
import { checkContainerNumber, containerCategories, containerCheckDigit, type ContainerNumberCheck } from '../../../../shared/domain/iso6346';
import { normaliseLocode, type LocodeLookup } from '../../../../shared/domain/locode';
import type { ManifestHeaderInput, ManifestLineInput, PartyInput, Problem, SourceRef } from '../../../../shared/domain/manifest';
import type { ConsignmentRecord } from '../consignment';

export interface ValidationContext {
  readonly locodes: LocodeLookup;
  /** How numbers are written in this file: "," (Russian-locale CSV) or "." (spreadsheet values, English CSV). */
  readonly decimalSeparator: DecimalSeparator;
  /** For sheets and CSV: the spreadsheet column (e.g. "C") a field was read from, so a problem points at the cell. */
  readonly columnOf?: (field: string) => string | undefined;
  /** Answers of the pure checks for this file (createValidationMemo); without it every value is checked afresh. */
  readonly memo?: ValidationMemo;
}

interface PlaceCheck {
  readonly value: string;
  readonly problem?: { readonly code: 'LOCODE_INVALID' | 'LOCODE_UNKNOWN'; readonly params: { readonly value: string } };
}

/**
 * One file's answers of the pure checks, by the text checked. A manifest repeats
 * its ports, parties, HS codes, package counts and goods on line after line;
 * normalising "PKKHI" 300,000 times (NFKC, look-alike letters, the table) was a
 * large part of validating a 100,000-line file. Only pure functions of the text
 * are remembered, so a line gets exactly the values and problems it would get
 * without it. Bounded: a hostile file of all-different values cannot grow it
 * past MEMO_ENTRIES per kind; past that, values are simply checked afresh.
 */
export interface ValidationMemo {
  readonly places: Map<string, PlaceCheck>;
  /** By name, then by address and country. */
  readonly parties: Map<string, Map<string, PartyInput | null>>;
  readonly goods: Map<string, string>;
  readonly hsCodes: Map<string, string | null>;
  readonly packages: Map<string, number | null>;
  readonly weights: Map<string, string | null>;
}

const MEMO_ENTRIES = 20_000;
/** decimal-text.ts reads no longer text as a number. */
const MAX_NUMBER_TEXT = 64;

export function createValidationMemo(): ValidationMemo {
  return { places: new Map(), parties: new Map(), goods: new Map(), hsCodes: new Map(), packages: new Map(), weights: new Map() };
}

/**
 * `compute(key, argument)` once per key. The function and its argument are
 * passed rather than a closure made per call: this runs for every cell.
 */
function remembered<V, A>(map: Map<string, V> | undefined, key: string, compute: (key: string, argument: A) => V, argument: A): V {
  if (!map) return compute(key, argument);
  // No answer is ever undefined (null is), so one lookup tells a miss.
  const known = map.get(key);
  if (known !== undefined) return known;
  const value = compute(key, argument);
  if (map.size < MEMO_ENTRIES) map.set(key, value);
  return value;
}

const CANONICAL_CONTAINER = /^[A-Z]{4}\d{7}$/;

/**
 * checkContainerNumber, with a shortcut for the usual cell: a number already
 * written canonically ("MSCU1234566", ASCII) is what normalising would return,
 * so only its category letter and check digit are checked. Normalising it
 * (NFKC, upper case, look-alike letters, twice) was a tenth of validating.
 * test/unit/manifests-import.test.ts holds the two to the same answers.
 */
export function containerNumberCheck(text: string): ContainerNumberCheck {
  if (!CANONICAL_CONTAINER.test(text)) return checkContainerNumber(text);
  const category = containerCategories.find((letter) => letter === text.charAt(3));
  if (category === undefined) return { valid: false, reason: 'CATEGORY', number: text };
  const expected = containerCheckDigit(text.slice(0, 10));
  if (expected === null) return checkContainerNumber(text);
  if (expected !== Number(text.charAt(10))) return { valid: false, reason: 'CHECK_DIGIT', number: text, expected };
  return { valid: true, number: text, category };
}

function sourceText(source: SourceRef): string {
  if (source.segment !== undefined) return `segment ${source.segment}`;
  return `${source.sheet ?? ''}!R${source.row ?? '?'}`;
}

/**
 * A 5-character code ("UZTAS", "uz tas") is checked against UN/LOCODE rules and
 * the bundled table; a place written out in words ("Karachi") is kept as text.
 */
const PLACE_SEPARATORS = /[\s-]/g;
const PLACE_SHAPE = /^[A-Za-z]{2}[A-Za-z0-9]{3}$/;

function placeCheck(text: string, locodes: LocodeLookup): PlaceCheck {
  const compact = text.replace(PLACE_SEPARATORS, '');
  if (compact.length !== 5 || !PLACE_SHAPE.test(compact)) return { value: text };
  const code = normaliseLocode(text);
  if (code === null) return { value: text, problem: { code: 'LOCODE_INVALID', params: { value: text } } };
  if (locodes.lookup(code) === null) return { value: code, problem: { code: 'LOCODE_UNKNOWN', params: { value: code } } };
  return { value: code };
}

function checkPlace(value: string | undefined, at: SourceRef, column: string, context: ValidationContext, problems: Problem[]): string | null {
  const text = value?.trim();
  if (!text) return null;
  const check = remembered(context.memo?.places, text, placeCheck, context.locodes);
  if (check.problem) problems.push({ ...at, column, code: check.problem.code, params: { ...check.problem.params } });
  return check.value;
}

const RUNS_OF_SPACE = /\s+/g;

function cleanPartyText(party: PartyInput): PartyInput | null {
  const name = party.name.replace(RUNS_OF_SPACE, ' ').trim();
  const address = party.address?.replace(RUNS_OF_SPACE, ' ').trim();
  if (!name && !address) return null;
  return { name, ...(address ? { address } : {}), ...(party.country ? { country: party.country.trim().toUpperCase() } : {}) };
}

const cleanPartyOf = (_key: string, party: PartyInput) => cleanPartyText(party);

function cleanParty(party: PartyInput | undefined, memo: ValidationMemo | undefined): PartyInput | null {
  if (!party) return null;
  if (!memo) return cleanPartyText(party);
  // The record keeps the cleaned object; records of the same party share it (they are read-only).
  let byRest = memo.parties.get(party.name);
  if (!byRest) {
    if (memo.parties.size >= MEMO_ENTRIES) return cleanPartyText(party);
    byRest = new Map();
    memo.parties.set(party.name, byRest);
  }
  const rest = party.address === undefined && party.country === undefined ? '' : `\u0000${party.address ?? ''}\u0000${party.country ?? ''}`;
  return remembered(byRest, rest, cleanPartyOf, party);
}

const isTrimmedText = (text: string) => text !== '' && text.trim() === text;
/** Most lines name no transshipment port: one shared, frozen empty list for all of them. */
const NO_PORTS: readonly string[] = Object.freeze([]);

const SPACES_AND_TABS = /[ \t]+/g;
const ZERO = /^0+(\.0+)?$/;

const goodsText = (text: string) => text.replace(SPACES_AND_TABS, ' ').trim();
const packagesOf = (text: string, options: DecimalTextOptions) => parsePositiveInteger(text, options);
/**
 * Text parseDecimalText would return unchanged: digits without leading zeros,
 * and, where "." is the file's decimal separator, a fraction without trailing
 * zeros ("1234.5"). A spreadsheet's numbers come this way (sheet-cell-text.ts).
 */
const CANONICAL_INTEGER = /^(?:0|[1-9]\d{0,62})$/;
const CANONICAL_DOT_DECIMAL = /^(?:0|[1-9]\d*)\.\d*[1-9]$/;

/** A weight of zero is no weight. */
export function weightOf(text: string, options: DecimalTextOptions): string | null {
  const canonical =
    CANONICAL_INTEGER.test(text) || (options.decimalSeparator === '.' && text.length <= MAX_NUMBER_TEXT && CANONICAL_DOT_DECIMAL.test(text));
  const weight = canonical ? text : parseDecimalText(text, options);
  return weight === null || ZERO.test(weight) ? null : weight;
}

/**
 * Checks and normalises one line. The line is kept with its problems (an
 * officer can still assess a consignment whose seal column is empty); values
 * that fail a check are kept as written, never guessed.
 */
export function validateLine(line: ManifestLineInput, lineNo: number, mode: ManifestHeaderInput['mode'], context: ValidationContext): ConsignmentRecord {
  const problems: Problem[] = [];
  const at = line.source;
  const { memo } = context;
  const numberOptions: DecimalTextOptions = { decimalSeparator: context.decimalSeparator };

  let containerNumber: string | null = line.containerNumber?.trim() || null;
  let containerCheckDigitOk: boolean | null = null;
  if (containerNumber) {
    const check = containerNumberCheck(containerNumber);
    if (check.valid) {
      containerNumber = check.number;
      containerCheckDigitOk = true;
    } else if (check.reason === 'CHECK_DIGIT') {
      containerNumber = check.number;
      containerCheckDigitOk = false;
      problems.push({ ...at, column: 'containerNumber', code: 'CONTAINER_CHECK_DIGIT', params: { value: check.number, expected: check.expected } });
    } else {
      if (check.reason === 'CATEGORY') containerNumber = check.number;
      problems.push({ ...at, column: 'containerNumber', code: 'CONTAINER_NUMBER_INVALID', params: { value: line.containerNumber ?? '' } });
    }
  } else if (mode === 'sea') {
    problems.push({ ...at, column: 'containerNumber', code: 'CONTAINER_MISSING' });
  }

  const blNumber = line.blNumber?.trim() || null;
  if (!blNumber) problems.push({ ...at, column: 'blNumber', code: 'BL_MISSING' });

  const goodsDescription = remembered(memo?.goods, line.goodsDescription ?? '', goodsText, undefined);
  if (!goodsDescription) problems.push({ ...at, column: 'goodsDescription', code: 'GOODS_MISSING' });

  let hsCode: string | null = null;
  if (line.hsCode?.trim()) {
    hsCode = remembered(memo?.hsCodes, line.hsCode, normaliseHsCode, undefined);
    if (hsCode === null) {
      hsCode = line.hsCode.trim();
      problems.push({ ...at, column: 'hsCode', code: 'HS_CODE_INVALID', params: { value: line.hsCode.trim() } });
    }
  }

  let packages: number | null = null;
  if (line.packages?.trim()) {
    packages = remembered(memo?.packages, line.packages, packagesOf, numberOptions);
    if (packages === null || packages <= 0) {
      packages = null;
      problems.push({ ...at, column: 'packages', code: 'PACKAGES_INVALID', params: { value: line.packages.trim() } });
    }
  }

  let grossWeightKg: string | null = null;
  if (line.grossWeightKg?.trim()) {
    grossWeightKg = remembered(memo?.weights, line.grossWeightKg, weightOf, numberOptions);
    if (grossWeightKg === null) {
      grossWeightKg = null;
      problems.push({ ...at, column: 'grossWeightKg', code: 'WEIGHT_INVALID', params: { value: line.grossWeightKg.trim() } });
    }
  }

  // Formula-looking text is stored literally and flagged; exports escape it.
  for (const [column, value] of [
    ['goodsDescription', goodsDescription],
    ['consigneeName', line.consignee?.name],
    ['shipperName', line.shipper?.name],
    ['notifyName', line.notify?.name],
  ] as const) {
    if (value && looksLikeFormula(value)) problems.push({ ...at, column, code: 'FORMULA_TEXT', params: { value: value.slice(0, 40) } });
  }

  return {
    lineNo,
    sourceRef: sourceText(at),
    blNumber,
    masterBl: line.masterBl?.trim() || null,
    containerNumber,
    containerCheckDigitOk,
    containerType: line.containerType?.trim() || null,
    // Lists from the row mapper are trimmed already: kept as they are, not copied twice per line.
    seals: line.seals.every(isTrimmedText) ? line.seals : line.seals.map((seal) => seal.trim()).filter(Boolean),
    shipper: cleanParty(line.shipper, memo),
    consignee: cleanParty(line.consignee, memo),
    notify: cleanParty(line.notify, memo),
    goodsDescription,
    hsCode,
    packages,
    packageType: line.packageType?.trim() || null,
    grossWeightKg,
    placeOfReceipt: checkPlace(line.placeOfReceipt, at, 'placeOfReceipt', context, problems),
    portOfLoading: checkPlace(line.portOfLoading, at, 'portOfLoading', context, problems),
    transshipmentPorts:
      line.transshipmentPorts.length === 0
        ? NO_PORTS
        : line.transshipmentPorts.map((port) => checkPlace(port, at, 'transshipmentPorts', context, problems)).filter((port): port is string => port !== null),
    portOfDischarge: checkPlace(line.portOfDischarge, at, 'portOfDischarge', context, problems),
    placeOfDelivery: checkPlace(line.placeOfDelivery, at, 'placeOfDelivery', context, problems),
    originCountry: line.originCountry?.trim().toUpperCase() || null,
    reefer: line.reefer ?? null,
    problems:
      context.columnOf && problems.length > 0
        ? problems.map((problem) => (problem.column ? { ...problem, column: context.columnOf?.(problem.column) ?? problem.column } : problem))
        : problems,
  };
}

/** Header facts: IMO check digit, port codes, dates to ISO. Problems carry no row (the whole file). */
export function validateHeader(header: ManifestHeaderInput, context: ValidationContext): { header: ManifestHeaderInput; problems: Problem[] } {
  const problems: Problem[] = [];
  let imo = header.imo?.trim();
  if (imo) {
    const check = checkImoNumber(imo);
    if (check.valid) imo = check.number;
    else if (check.reason === 'CHECK_DIGIT') problems.push({ column: 'imo', code: 'IMO_CHECK_DIGIT', params: { value: check.number, expected: check.expected } });
    else problems.push({ column: 'imo', code: 'IMO_INVALID', params: { value: imo } });
  }
  const date = (value: string | undefined, column: string): string | undefined => {
    if (!value?.trim()) return undefined;
    const parsed = parseManifestDate(value);
    if (parsed === null) {
      problems.push({ column, code: 'DATE_INVALID', params: { value } });
      return value.trim();
    }
    return parsed;
  };
  const place = (value: string | undefined, column: string) => checkPlace(value, {}, column, context, problems) ?? undefined;
  // Each check runs once: it may add a problem.
  const vesselName = header.vesselName?.replace(/\s+/g, ' ').trim().toUpperCase();
  const voyage = header.voyage?.trim().toUpperCase();
  const carrier = header.carrier?.trim();
  const portOfLoading = place(header.portOfLoading, 'portOfLoading');
  const portOfDischarge = place(header.portOfDischarge, 'portOfDischarge');
  const departureDate = date(header.departureDate, 'departureDate');
  const arrivalDate = date(header.arrivalDate, 'arrivalDate');
  const cleaned: ManifestHeaderInput = {
    mode: header.mode,
    ...(vesselName && { vesselName }),
    ...(imo && { imo }),
    ...(voyage && { voyage }),
    ...(carrier && { carrier }),
    ...(portOfLoading !== undefined && { portOfLoading }),
    ...(portOfDischarge !== undefined && { portOfDischarge }),
    ...(departureDate !== undefined && { departureDate }),
    ...(arrivalDate !== undefined && { arrivalDate }),
    ...(header.sender && { sender: header.sender }),
  };
  return { header: cleaned, problems };
}

/**
 * "21559,6" or "21,559.6"? Decided once per file from the weight and count
 * columns: a separator followed by one or two digits at the end is decimal.
 */
export function guessDecimalSeparator(values: readonly (string | undefined)[]): DecimalSeparator {
  let comma = 0;
  let dot = 0;
  for (const value of values) {
    if (!value) continue;
    if (/,\d{1,2}$/.test(value.trim()) || /\.\d{3},\d+$/.test(value.trim())) comma += 1;
    if (/\.\d{1,2}$/.test(value.trim()) || /,\d{3}\.\d+$/.test(value.trim())) dot += 1;
  }
  return dot > comma ? '.' : ',';
}
