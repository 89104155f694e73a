import type { ManifestLineInput, PartyInput, Problem, RawTable } from '../../../../shared/domain/manifest';
import type { LineField } from './fields';
import type { ColumnMapping } from './header-detect';

/** Rows that sum up the table rather than describe a consignment. */
// JavaScript's \b only knows ASCII letters: after "Итого" it never matches, so the end is spelled out.
const TOTALS = /^(?:total|totals|grand total|sub-?total|sum|итого|всего|итог|общий итог|jami|жами|ҳамагӣ)(?=$|[\s:.,;()-])/iu;
const LIST_SEPARATORS = /[,;/\n]+|\s{2,}/;

function columnLetter(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

function splitList(text: string): string[] {
  return text
    .split(LIST_SEPARATORS)
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

/** Turns one row at a time into a manifest line, remembering what it left out and why. */
export interface RowMapper {
  /** The line of one row (1-based `row` as the sheet shows it), or null when the row is not a manifest line. */
  line(cells: readonly string[], row: number): ManifestLineInput | null;
  readonly problems: Problem[];
  readonly totalsRows: number[];
}

type MutableLine = { -readonly [K in keyof ManifestLineInput]: ManifestLineInput[K] };
type TextKey = { [K in keyof MutableLine]-?: MutableLine[K] extends string | undefined ? K : never }[keyof MutableLine];

/**
 * Blank rows, repeated header rows and totals rows are not lines; a row with
 * data but neither a container nor a B/L is kept out and reported (it cannot
 * be assessed). One row at a time, so a 100,000-row sheet streams through
 * validation and storing instead of being held three times over.
 *
 * Speed: this runs once per row, so each cell is trimmed once and the columns
 * are looked up once per file, not per field per row.
 */
export function createRowMapper(sheet: string, headerCells: readonly string[], mapping: ColumnMapping): RowMapper {
  const problems: Problem[] = [];
  const totalsRows: number[] = [];
  const header = headerCells.map((cell) => cell.trim());
  const at = (field: LineField): number => mapping[field] ?? -1;
  const columns = {
    bl: at('blNumber'),
    masterBl: at('masterBl'),
    container: at('containerNumber'),
    containerType: at('containerType'),
    seals: at('seals'),
    shipperName: at('shipperName'),
    shipperAddress: at('shipperAddress'),
    consigneeName: at('consigneeName'),
    consigneeAddress: at('consigneeAddress'),
    notifyName: at('notifyName'),
    notifyAddress: at('notifyAddress'),
    goods: at('goodsDescription'),
    hs: at('hsCode'),
    packages: at('packages'),
    packageType: at('packageType'),
    weight: at('grossWeightKg'),
    placeOfReceipt: at('placeOfReceipt'),
    portOfLoading: at('portOfLoading'),
    transshipment: at('transshipmentPorts'),
    portOfDischarge: at('portOfDischarge'),
    placeOfDelivery: at('placeOfDelivery'),
    originCountry: at('originCountry'),
  };
  // Trimmed texts of the current row, reused from row to row.
  const texts: string[] = [];
  const value = (column: number): string | undefined => {
    if (column < 0) return undefined;
    const text = texts[column];
    return text === undefined || text === '' ? undefined : text;
  };
  /** The cell's text under `key`, when there is any. */
  const set = (line: MutableLine, key: TextKey, column: number) => {
    const text = value(column);
    if (text !== undefined) line[key] = text;
  };

  return {
    problems,
    totalsRows,
    line(cells, row) {
      let nonEmpty = 0;
      let first = '';
      let allSame = true;
      texts.length = 0;
      for (let column = 0; column < cells.length; column += 1) {
        const cell = cells[column];
        const text = cell === undefined ? '' : cell.trim();
        texts.push(text);
        if (text === '') continue;
        if (nonEmpty === 0) first = text;
        else if (text !== first) allSame = false;
        nonEmpty += 1;
      }
      if (nonEmpty === 0) return null;
      // A note merged across the whole width repeats its text in every cell (the readers fill merges).
      if (nonEmpty >= 3 && allSame) return null;
      const containerNumber = value(columns.container);
      if (containerNumber === undefined && texts.some((text) => text !== '' && TOTALS.test(text))) {
        totalsRows.push(row);
        return null;
      }
      // A header repeated on every printed page of the original.
      if (texts.every((text, column) => text === '' || text === header[column])) return null;
      const blNumber = value(columns.bl);
      if (containerNumber === undefined && blNumber === undefined) {
        problems.push({ code: 'ROW_UNUSABLE', sheet, row });
        return null;
      }
      const seals = value(columns.seals);
      const transshipment = value(columns.transshipment);
      const consignee = party(value(columns.consigneeName), value(columns.consigneeAddress));
      const shipper = party(value(columns.shipperName), value(columns.shipperAddress));
      const notify = party(value(columns.notifyName), value(columns.notifyAddress));
      // Keys in the order the line type lists them, absent rather than undefined when the cell is empty.
      const line: MutableLine = {
        source: { sheet, row },
        seals: seals ? splitList(seals) : [],
        transshipmentPorts: transshipment ? splitList(transshipment) : [],
      };
      if (blNumber !== undefined) line.blNumber = blNumber;
      set(line, 'masterBl', columns.masterBl);
      if (containerNumber !== undefined) line.containerNumber = containerNumber;
      set(line, 'containerType', columns.containerType);
      if (shipper) line.shipper = shipper;
      if (consignee) line.consignee = consignee;
      if (notify) line.notify = notify;
      set(line, 'goodsDescription', columns.goods);
      set(line, 'hsCode', columns.hs);
      set(line, 'packages', columns.packages);
      set(line, 'packageType', columns.packageType);
      set(line, 'grossWeightKg', columns.weight);
      set(line, 'placeOfReceipt', columns.placeOfReceipt);
      set(line, 'portOfLoading', columns.portOfLoading);
      set(line, 'portOfDischarge', columns.portOfDischarge);
      set(line, 'placeOfDelivery', columns.placeOfDelivery);
      set(line, 'originCountry', columns.originCountry);
      return line;
    },
  };
}

/** Turns the rows below the header into manifest lines (all at once; see createRowMapper). */
export function rowsToLines(table: RawTable, headerRow: number, mapping: ColumnMapping): RowsResult {
  const mapper = createRowMapper(table.sheet, table.rows[headerRow] ?? [], mapping);
  const lines: ManifestLineInput[] = [];
  for (let index = headerRow + 1; index < table.rows.length; index += 1) {
    const line = mapper.line(table.rows[index] ?? [], index + 1);
    if (line) lines.push(line);
  }
  return { lines, problems: mapper.problems, totalsRows: mapper.totalsRows };
}

export { columnLetter };
