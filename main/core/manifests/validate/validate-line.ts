import { parseManifestDate } from '../../../../shared/domain/dates';
import { parseDecimalText, parsePositiveInteger, type DecimalSeparator } from '../../../../shared/domain/decimal-text';
import { looksLikeFormula } from '../../../../shared/domain/formula-text';
import { normaliseHsCode } from '../../../../shared/domain/hs';
import { checkImoNumber } from '../../../../shared/domain/imo';
import { checkContainerNumber } from '../../../../shared/domain/iso6346';
import { normaliseLocode, type LocodeLookup } from '../../../../shared/domain/locode';
import type { ManifestHeaderInput, ManifestLineInput, PartyInput, Problem, SourceRef } from '../../../../shared/domain/manifest';
import type { ConsignmentRecord } from '../consignment';

export interface ValidationContext {
  readonly locodes: LocodeLookup;
  /** How numbers are written in this file: "," (Russian-locale CSV) or "." (spreadsheet values, English CSV). */
  readonly decimalSeparator: DecimalSeparator;
  /** For sheets and CSV: the spreadsheet column (e.g. "C") a field was read from, so a problem points at the cell. */
  readonly columnOf?: (field: string) => string | undefined;
}

function sourceText(source: SourceRef): string {
  if (source.segment !== undefined) return `segment ${source.segment}`;
  return `${source.sheet ?? ''}!R${source.row ?? '?'}`;
}

/**
 * A 5-character code ("UZTAS", "uz tas") is checked against UN/LOCODE rules and
 * the bundled table; a place written out in words ("Karachi") is kept as text.
 */
function checkPlace(value: string | undefined, at: SourceRef, column: string, context: ValidationContext, problems: Problem[]): string | null {
  const text = value?.trim();
  if (!text) return null;
  const compact = text.replace(/[\s-]/g, '');
  if (compact.length !== 5 || !/^[A-Za-z]{2}[A-Za-z0-9]{3}$/.test(compact)) return text;
  const code = normaliseLocode(text);
  if (code === null) {
    problems.push({ ...at, column, code: 'LOCODE_INVALID', params: { value: text } });
    return text;
  }
  if (context.locodes.lookup(code) === null) problems.push({ ...at, column, code: 'LOCODE_UNKNOWN', params: { value: code } });
  return code;
}

function cleanParty(party: PartyInput | undefined): PartyInput | null {
  if (!party) return null;
  const name = party.name.replace(/\s+/g, ' ').trim();
  const address = party.address?.replace(/\s+/g, ' ').trim();
  if (!name && !address) return null;
  return { name, ...(address ? { address } : {}), ...(party.country ? { country: party.country.trim().toUpperCase() } : {}) };
}

/**
 * Checks and normalises one line. The line is kept with its problems (an
 * officer can still assess a consignment whose seal column is empty); values
 * that fail a check are kept as written, never guessed.
 */
export function validateLine(line: ManifestLineInput, lineNo: number, mode: ManifestHeaderInput['mode'], context: ValidationContext): ConsignmentRecord {
  const problems: Problem[] = [];
  const at = line.source;

  let containerNumber: string | null = line.containerNumber?.trim() || null;
  let containerCheckDigitOk: boolean | null = null;
  if (containerNumber) {
    const check = checkContainerNumber(containerNumber);
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

  const goodsDescription = (line.goodsDescription ?? '').replace(/[ \t]+/g, ' ').trim();
  if (!goodsDescription) problems.push({ ...at, column: 'goodsDescription', code: 'GOODS_MISSING' });

  let hsCode: string | null = null;
  if (line.hsCode?.trim()) {
    hsCode = normaliseHsCode(line.hsCode);
    if (hsCode === null) {
      hsCode = line.hsCode.trim();
      problems.push({ ...at, column: 'hsCode', code: 'HS_CODE_INVALID', params: { value: line.hsCode.trim() } });
    }
  }

  let packages: number | null = null;
  if (line.packages?.trim()) {
    packages = parsePositiveInteger(line.packages, { decimalSeparator: context.decimalSeparator });
    if (packages === null || packages <= 0) {
      packages = null;
      problems.push({ ...at, column: 'packages', code: 'PACKAGES_INVALID', params: { value: line.packages.trim() } });
    }
  }

  let grossWeightKg: string | null = null;
  if (line.grossWeightKg?.trim()) {
    grossWeightKg = parseDecimalText(line.grossWeightKg, { decimalSeparator: context.decimalSeparator });
    if (grossWeightKg === null || /^0+(\.0+)?$/.test(grossWeightKg)) {
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
    seals: line.seals.map((seal) => seal.trim()).filter(Boolean),
    shipper: cleanParty(line.shipper),
    consignee: cleanParty(line.consignee),
    notify: cleanParty(line.notify),
    goodsDescription,
    hsCode,
    packages,
    packageType: line.packageType?.trim() || null,
    grossWeightKg,
    placeOfReceipt: checkPlace(line.placeOfReceipt, at, 'placeOfReceipt', context, problems),
    portOfLoading: checkPlace(line.portOfLoading, at, 'portOfLoading', context, problems),
    transshipmentPorts: line.transshipmentPorts
      .map((port) => checkPlace(port, at, 'transshipmentPorts', context, problems))
      .filter((port): port is string => port !== null),
    portOfDischarge: checkPlace(line.portOfDischarge, at, 'portOfDischarge', context, problems),
    placeOfDelivery: checkPlace(line.placeOfDelivery, at, 'placeOfDelivery', context, problems),
    originCountry: line.originCountry?.trim().toUpperCase() || null,
    reefer: line.reefer ?? null,
    problems: context.columnOf
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
