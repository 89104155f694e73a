import type { ManifestHeaderInput } from '../../../../shared/domain/manifest';

type TitleFacts = Pick<ManifestHeaderInput, 'vesselName' | 'imo' | 'voyage' | 'portOfLoading' | 'portOfDischarge' | 'arrivalDate' | 'departureDate' | 'carrier'>;

/**
 * Label patterns seen in title blocks above a shipping line's manifest table
 * ("Vessel: MSC ANNA", "Судно / Vessel MSC ANNA", "Voy. FE541W", "IMO 9454436").
 * The value is the rest of the cell after the label, or the next non-empty cell.
 */
const labels: readonly { readonly field: keyof TitleFacts; readonly pattern: RegExp }[] = [
  { field: 'imo', pattern: /^(?:imo(?:\s*(?:no|number|№))?|имо)\s*[:.#№-]?\s*/i },
  { field: 'vesselName', pattern: /^(?:vessel(?:\s*name)?|ship|m\/v|mv|судно|т\/х|теплоход)(?:\s*\/\s*\S+)?\s*[:.-]?\s*/i },
  { field: 'voyage', pattern: /^(?:voyage(?:\s*no)?|voy|рейс)\s*[:.#№-]?\s*/i },
  { field: 'portOfLoading', pattern: /^(?:port of loading|pol|порт погрузки)\s*[:.-]?\s*/i },
  { field: 'portOfDischarge', pattern: /^(?:port of discharge|pod|порт выгрузки)\s*[:.-]?\s*/i },
  { field: 'arrivalDate', pattern: /^(?:eta|arrival(?:\s*date)?|дата прибытия|прибытие)\s*[:.-]?\s*/i },
  { field: 'departureDate', pattern: /^(?:etd|departure(?:\s*date)?|sailing date|дата отправления|отход)\s*[:.-]?\s*/i },
  { field: 'carrier', pattern: /^(?:carrier|shipping line|line|перевозчик|линия)\s*[:.-]?\s*/i },
];

/** Reads vessel call facts from the rows above the header. Values stay text; validation checks them. */
export function readTitleBlock(rows: readonly (readonly string[])[]): TitleFacts {
  const facts: Partial<Record<keyof TitleFacts, string>> = {};
  for (const row of rows) {
    const cells = row.map((cell) => cell.trim());
    cells.forEach((cell, index) => {
      // A cell may hold several labelled parts: "Vessel: MSC ANNA  Voyage: FE541W".
      for (const part of cell.split(/\s{2,}|\s*[|;]\s*/)) {
        for (const { field, pattern } of labels) {
          if (facts[field] !== undefined) continue;
          const match = pattern.exec(part);
          if (!match) continue;
          const rest = part.slice(match[0].length).trim();
          const value = rest || cells.slice(index + 1).find((next) => next !== '') || '';
          if (value) facts[field] = value;
          break;
        }
      }
    });
  }
  if (facts.imo === undefined) {
    // "MSC ANNA (IMO 9454436)": the number often rides along with the name.
    for (const row of rows) {
      const match = row.map((cell) => /\bIMO\s*[:#№]?\s*(\d{7})\b/i.exec(cell)).find(Boolean);
      if (match?.[1]) {
        facts.imo = match[1];
        break;
      }
    }
  }
  if (facts.vesselName) facts.vesselName = facts.vesselName.replace(/\s*\(?\bIMO\s*[:#№]?\s*\d{7}\)?/i, '').trim();
  return facts;
}
