import type { ManifestLineInput, PartyInput, Problem, RawTable } from '../../../../shared/domain/manifest';
import type { LineField } from './fields';
import type { ColumnMapping } from './header-detect';

/** Rows that sum up the table rather than describe a consignment. */
// JavaScript's \b only knows ASCII letters: after "Итого" it never matches, so the end is spelled out.
const TOTALS = /^(?:total|totals|grand total|sub-?total|sum|итого|всего|итог|общий итог|jami|жами|ҳамагӣ)(?=$|[\s:.,;()-])/iu;

function columnLetter(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

function splitList(text: string): string[] {
  return text
    .split(/[,;/\n]+|\s{2,}/)
    .map((part) => part.trim())
    .filter(Boolean);
}

function party(name: string | undefined, address: string | undefined): PartyInput | undefined {
  if (!name && !address) return undefined;
  return { name: name ?? '', ...(address ? { address } : {}) };
}

export interface RowsResult {
  readonly lines: ManifestLineInput[];
  readonly problems: Problem[];
  /** Rows recognised as totals and left out: a count is counted once. */
  readonly totalsRows: number[];
}

/**
 * Turns the rows below the header into manifest lines. Blank rows, repeated
 * header rows and totals rows are not lines; a row with data but neither a
 * container nor a B/L is kept out and reported (it cannot be assessed).
 */
export function rowsToLines(table: RawTable, headerRow: number, mapping: ColumnMapping): RowsResult {
  const lines: ManifestLineInput[] = [];
  const problems: Problem[] = [];
  const totalsRows: number[] = [];
  const headerCells = (table.rows[headerRow] ?? []).map((cell) => cell.trim());

  for (let index = headerRow + 1; index < table.rows.length; index += 1) {
    const cells = table.rows[index] ?? [];
    const row = index + 1;
    const value = (field: LineField): string | undefined => {
      const column = mapping[field];
      if (column === undefined) return undefined;
      const text = (cells[column] ?? '').trim();
      return text === '' ? undefined : text;
    };
    const nonEmpty = cells.map((cell) => cell.trim()).filter(Boolean);
    if (nonEmpty.length === 0) continue;
    // A note merged across the whole width repeats its text in every cell (the readers fill merges).
    if (nonEmpty.length >= 3 && nonEmpty.every((cell) => cell === nonEmpty[0])) {
      continue;
    }
    if (nonEmpty.some((cell) => TOTALS.test(cell)) && !value('containerNumber')) {
      totalsRows.push(row);
      continue;
    }
    // A header repeated on every printed page of the original.
    if (cells.every((cell, column) => cell.trim() === '' || cell.trim() === headerCells[column])) continue;
    if (!value('containerNumber') && !value('blNumber')) {
      problems.push({ code: 'ROW_UNUSABLE', sheet: table.sheet, row });
      continue;
    }
    const seals = value('seals');
    const transshipment = value('transshipmentPorts');
    const consignee = party(value('consigneeName'), value('consigneeAddress'));
    const shipper = party(value('shipperName'), value('shipperAddress'));
    const notify = party(value('notifyName'), value('notifyAddress'));
    lines.push({
      source: { sheet: table.sheet, row },
      seals: seals ? splitList(seals) : [],
      transshipmentPorts: transshipment ? splitList(transshipment) : [],
      ...(value('blNumber') !== undefined && { blNumber: value('blNumber') }),
      ...(value('masterBl') !== undefined && { masterBl: value('masterBl') }),
      ...(value('containerNumber') !== undefined && { containerNumber: value('containerNumber') }),
      ...(value('containerType') !== undefined && { containerType: value('containerType') }),
      ...(shipper && { shipper }),
      ...(consignee && { consignee }),
      ...(notify && { notify }),
      ...(value('goodsDescription') !== undefined && { goodsDescription: value('goodsDescription') }),
      ...(value('hsCode') !== undefined && { hsCode: value('hsCode') }),
      ...(value('packages') !== undefined && { packages: value('packages') }),
      ...(value('packageType') !== undefined && { packageType: value('packageType') }),
      ...(value('grossWeightKg') !== undefined && { grossWeightKg: value('grossWeightKg') }),
      ...(value('placeOfReceipt') !== undefined && { placeOfReceipt: value('placeOfReceipt') }),
      ...(value('portOfLoading') !== undefined && { portOfLoading: value('portOfLoading') }),
      ...(value('portOfDischarge') !== undefined && { portOfDischarge: value('portOfDischarge') }),
      ...(value('placeOfDelivery') !== undefined && { placeOfDelivery: value('placeOfDelivery') }),
      ...(value('originCountry') !== undefined && { originCountry: value('originCountry') }),
    });
  }
  return { lines, problems, totalsRows };
}

export { columnLetter };
