import { problemCodes, type ProblemCode } from '../../../../shared/domain/manifest';
import type { Language, Translate } from '../../../../shared/i18n';
import { LineFieldName } from '../../../../shared/ipc/contract';

/**
 * How the Manifests screens write numbers, places and field names. Pure
 * functions of the language: no React, so unit tests can call them.
 */

interface Separators {
  readonly group: string;
  readonly decimal: string;
  /** Some languages leave a four-digit number ungrouped (Spanish, Polish: 1234, but 12 345); English and Russian group it. */
  readonly minimumGroupingDigits: number;
}

const separatorCache = new Map<Language, Separators>();

function separators(language: Language): Separators {
  let found = separatorCache.get(language);
  if (!found) {
    // Only the punctuation is taken from Intl; the officer's number never becomes a float.
    const parts = new Intl.NumberFormat(language).formatToParts(12345.6);
    const fourDigits = new Intl.NumberFormat(language).formatToParts(1234);
    found = {
      group: parts.find((part) => part.type === 'group')?.value ?? ',',
      decimal: parts.find((part) => part.type === 'decimal')?.value ?? '.',
      minimumGroupingDigits: fourDigits.some((part) => part.type === 'group') ? 1 : 2,
    };
    separatorCache.set(language, found);
  }
  return found;
}

/**
 * An exact decimal string from main ("88669.7", "11400000000") written with the
 * language's thousands and decimal separators, by splitting the text. Going
 * through a float would round big sums and lose trailing digits the file had.
 * Anything that is not a plain decimal is shown as main wrote it.
 */
export function formatDecimalText(text: string, language: Language): string {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text.trim());
  if (!match) return text;
  const [, sign = '', whole = '', fraction] = match;
  const { group, decimal, minimumGroupingDigits } = separators(language);
  const grouped = whole.length >= 4 + (minimumGroupingDigits - 1) ? whole.replace(/\B(?=(\d{3})+$)/g, group) : whole;
  return `${sign}${grouped}${fraction ? `${decimal}${fraction}` : ''}`;
}

export function formatCount(count: number, language: Language): string {
  return formatDecimalText(String(count), language);
}

/** The format main detected, as officers know it: XLSX, CSV, CUSCAR. */
export function formatName(format: string | null): string {
  return format ? format.toUpperCase() : '—';
}

/** Formats whose columns come from a header row, so the officer can map them (CUSCAR's are fixed by the standard). */
export function isTabularFormat(format: string | null): boolean {
  return format !== null && format !== 'cuscar';
}

export function isLineField(name: string): name is LineFieldName {
  return (LineFieldName.options as readonly string[]).includes(name);
}

/**
 * A field's name for people. Amendments name the consignee's party as
 * `consignee`; anything unknown (a newer core) is shown as it came.
 */
export function fieldLabel(t: Translate, name: string): string {
  const field = name === 'consignee' ? 'consigneeName' : name;
  return isLineField(field) ? t(`manifests.field.${field}`) : name;
}

export function isProblemCode(code: string): code is ProblemCode {
  return (problemCodes as readonly string[]).includes(code);
}

/** A short name for a kind of problem; a code this renderer does not know yet keeps main's own message. */
export function problemKindTitle(t: Translate, code: string, fallback: string): string {
  return isProblemCode(code) ? t(`manifests.problemKind.${code}`) : fallback;
}

/** Import stages main reports; a stage this renderer does not know is shown as named. */
export function stageLabel(t: Translate, stage: string): string {
  switch (stage) {
    case 'reading':
    case 'mapping':
    case 'validating':
    case 'storing':
      return t(`manifests.stage.${stage}`);
    default:
      return stage;
  }
}

/** Where a problem is in the file. A CSV's only "sheet" is the file itself, so it is not repeated. */
export function placeText(t: Translate, place: { sheet?: string; row?: number; segment?: number; column?: string }, fileName: string): string {
  const parts: string[] = [];
  if (place.segment !== undefined) parts.push(t('manifests.where.segment', { segment: place.segment }));
  else if (place.row !== undefined) {
    parts.push(
      place.sheet && place.sheet !== fileName
        ? t('manifests.where.sheetRow', { sheet: place.sheet, row: place.row })
        : t('manifests.where.row', { row: place.row }),
    );
  }
  // Sheets and CSV name the spreadsheet column ("C"); CUSCAR names the field it was read into.
  if (place.column) parts.push(/^[A-Z]{1,3}$/.test(place.column) ? t('manifests.where.column', { column: place.column }) : fieldLabel(t, place.column));
  return parts.join(', ');
}

/**
 * `manifests.get` says where as text: "segment 60" or "Sheet!R12" (the core's
 * source reference). Read back into parts so it can be said in the officer's
 * language; any other text is shown as it came.
 */
export function whereText(t: Translate, where: string, fileName: string): string {
  const segment = /^segment (\d+)$/.exec(where);
  if (segment) return placeText(t, { segment: Number(segment[1]) }, fileName);
  const cell = /^(.*)!R(\d+)$/s.exec(where);
  if (cell) return placeText(t, { ...(cell[1] ? { sheet: cell[1] } : {}), row: Number(cell[2]) }, fileName);
  return where;
}
