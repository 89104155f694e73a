import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import {
  defaultReference,
  parseReference,
  referenceTableNames,
  referenceTableSchemas,
  shippedReferenceTables,
  type ReferenceTableName,
} from '../../../main/core/risk/reference';
import { foldWords } from '../../../main/core/risk/indicators/text-match';

/** A deep copy of the shipped tables with one table's entries replaced. */
function tablesWith(name: ReferenceTableName, change: (table: { source: string; entries: Record<string, unknown>[] }) => void): Record<string, unknown> {
  const tables = structuredClone(shippedReferenceTables()) as Record<string, { source: string; entries: Record<string, unknown>[] }>;
  const table = tables[name];
  if (!table) throw new Error(`no table ${name}`);
  change(table);
  return tables;
}

function refusal(tables: Record<string, unknown>): ZodError {
  try {
    parseReference(tables);
  } catch (error) {
    if (error instanceof ZodError) return error;
    throw error;
  }
  throw new Error('the tables were accepted');
}

describe('the shipped reference tables', () => {
  it('parse, and every table names its source and has entries', () => {
    const reference = defaultReference();
    expect(Object.keys(reference.tables).sort()).toEqual([...referenceTableNames].sort());
    for (const name of referenceTableNames) {
      expect(reference.tables[name].source.length, name).toBeGreaterThan(20);
      expect(reference.tables[name].entries.length, name).toBeGreaterThan(0);
    }
    expect(Object.keys(referenceTableSchemas).sort()).toEqual([...referenceTableNames].sort());
  });

  it('are parsed once and shared', () => {
    expect(defaultReference()).toBe(defaultReference());
  });

  it('keep entries flat: strings and numbers only, so one grid edits every table', () => {
    for (const name of referenceTableNames) {
      for (const entry of defaultReference().tables[name].entries) {
        for (const value of Object.values(entry)) expect(['string', 'number'], name).toContain(typeof value);
      }
    }
  });

  it('prepare lookups: longest prefix wins, countries group their categories', () => {
    const { lookups } = defaultReference();
    expect(lookups.reeferGoods.first('030549')?.reefer).toBe('either');
    expect(lookups.reeferGoods.first('030389')?.reefer).toBe('required');
    expect(lookups.containerPayloads.first('22R1')?.maxPayloadKg).toBe(27_430);
    expect(lookups.containerPayloads.first('2299')?.sizeType).toBe('2');
    expect(lookups.highRiskCountries.get('AF')?.map((entry) => entry.category)).toEqual(['heroin', 'cannabis']);
    expect(lookups.commodityProducers.first('08039010')?.producers.has('EC')).toBe(true);
  });

  it('match phrases on word boundaries, in Russian too, with ё read as е', () => {
    const { lookups } = defaultReference();
    expect(lookups.emptyContainerWords.test(foldWords('порожний'))).toBe(true);
    expect(lookups.descriptionChapters.find(foldWords('Ковёр шерстяной')).map((hit) => hit.matched)).toEqual(['ковер']);
    expect(lookups.poBoxAddresses.test(foldWords('p o box 12'))).toBe(true);
    expect(lookups.poBoxAddresses.test(foldWords('boxing club'))).toBe(false);
    expect(lookups.descriptionChapters.test(foldWords('steam boilers'))).toBe(false);
  });
});

describe('a broken table', () => {
  it('is refused with the table, row and field named', () => {
    const error = refusal(tablesWith('highRiskCountries', (table) => (table.entries[2] = { code: 'ecu', category: 'cocaine', reason: 'typo' })));
    expect(error.issues[0]?.path).toEqual(['highRiskCountries', 'entries', 2, 'code']);
    expect(error.message).toContain('highRiskCountries');
  });

  it('is refused when a LOCODE is not 5 characters', () => {
    const error = refusal(tablesWith('transshipmentHubs', (table) => (table.entries[0] = { locode: 'PA MIT', reason: 'spaced' })));
    expect(error.issues[0]?.path).toEqual(['transshipmentHubs', 'entries', 0, 'locode']);
  });

  it('is refused when an HS chapter is not two digits', () => {
    const error = refusal(tablesWith('weightRanges', (table) => (table.entries[1] = { ...table.entries[1], hsChapter: '3' })));
    expect(error.issues[0]?.path).toEqual(['weightRanges', 'entries', 1, 'hsChapter']);
  });

  it('is refused when a minimum exceeds its maximum', () => {
    const error = refusal(tablesWith('weightRanges', (table) => (table.entries[0] = { ...table.entries[0], minKgPerPackage: 5_000, maxKgPerPackage: 10 })));
    expect(error.issues[0]?.path).toEqual(['weightRanges', 'entries', 0, 'minKgPerPackage']);
  });

  it('is refused with a duplicate key, at the second row', () => {
    const error = refusal(tablesWith('highRiskPorts', (table) => table.entries.push({ ...table.entries[0] })));
    const rows = defaultReference().tables.highRiskPorts.entries.length;
    expect(error.issues[0]?.path).toEqual(['highRiskPorts', 'entries', rows, 'locode']);
  });

  it('is refused with an unknown field, a nested value or a star inside a word', () => {
    expect(refusal(tablesWith('sensitiveDestinations', (table) => (table.entries[0] = { code: 'KP', reason: 'x', extra: 1 }))).issues[0]?.path).toEqual([
      'sensitiveDestinations',
      'entries',
      0,
    ]);
    expect(refusal(tablesWith('vagueDescriptions', (table) => (table.entries[3] = { phrase: 'gen*eral', language: 'en', kind: 'vague' }))).issues[0]?.path).toEqual([
      'vagueDescriptions',
      'entries',
      3,
      'phrase',
    ]);
    expect(
      refusal(tablesWith('consigneePlaceholders', (table) => (table.entries[0] = { phrase: ['TO ORDER'], language: 'en', match: 'start' }))).issues[0]?.path,
    ).toEqual(['consigneePlaceholders', 'entries', 0, 'phrase']);
  });

  it('is refused when a table is missing or has no source', () => {
    const tables: Record<string, unknown> = structuredClone(shippedReferenceTables());
    delete tables.reeferGoods;
    expect(refusal(tables).issues[0]?.path).toEqual(['reeferGoods']);
    expect(refusal(tablesWith('reeferGoods', (table) => (table.source = ' '))).issues[0]?.path).toEqual(['reeferGoods', 'source']);
  });
});
