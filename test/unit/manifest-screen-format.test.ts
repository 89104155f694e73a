import { describe, expect, it } from 'vitest';
import { lineFields } from '../../main/core/manifests/mapping/fields';
import { LineFieldName } from '../../shared/ipc/contract';
import { translator } from '../../shared/i18n';
import { formatDecimalText, placeText, whereText } from '../../renderer/src/features/manifests/format';
import { choicesFromColumns, columnLetter, headerColumns, mappingOf, repeatedChoices } from '../../renderer/src/features/manifests/wizard/columns';

describe('the Manifests screen writes exact decimals for people', () => {
  it('groups thousands and swaps the decimal mark by splitting the text, never through a float', () => {
    expect(formatDecimalText('88669.7', 'en')).toBe('88,669.7');
    expect(formatDecimalText('88669.7', 'ru')).toBe('88\u00a0669,7');
    // Beyond a double's 15-16 significant digits, and trailing zeros the file wrote.
    expect(formatDecimalText('12345678901234567890.10', 'en')).toBe('12,345,678,901,234,567,890.10');
    expect(formatDecimalText('1234', 'en')).toBe('1,234');
    expect(formatDecimalText('1234', 'ru')).toBe('1\u00a0234');
    expect(formatDecimalText('0', 'ru')).toBe('0');
    expect(formatDecimalText('not a number', 'en')).toBe('not a number');
  });

  it('says where a stored problem is in the officer\'s language', () => {
    const ru = translator('ru');
    expect(whereText(ru, 'segment 60', 'a.edi')).toBe('сегмент 60');
    expect(whereText(ru, 'Manifest!R12', 'book.xlsx')).toBe('Manifest, строка 12');
    expect(whereText(ru, 'list.csv!R3', 'list.csv')).toBe('строка 3');
    expect(whereText(ru, 'somewhere else', 'x')).toBe('somewhere else');
    expect(placeText(ru, { sheet: 'Manifest', row: 7, column: 'C' }, 'book.xlsx')).toBe('Manifest, строка 7, столбец C');
    expect(placeText(ru, { segment: 60, column: 'containerNumber' }, 'a.edi')).toBe('сегмент 60, Номер контейнера');
  });
});

describe('the mapping wizard', () => {
  it('offers exactly the fields the core maps columns to', () => {
    expect(LineFieldName.options).toEqual([...lineFields]);
  });

  it('keys choices by header text, one choice for every column with that text', () => {
    const headers = headerColumns(['B/L', '', 'Weight', 'Container', 'Weight']);
    expect(headers).toEqual([
      { header: 'B/L', columns: [0] },
      { header: 'Weight', columns: [2, 4] },
      { header: 'Container', columns: [3] },
    ]);
    const choices = choicesFromColumns(headers, { blNumber: 0, containerNumber: 3, grossWeightKg: 4 });
    expect(choices).toEqual({ 'B/L': 'blNumber', Weight: 'grossWeightKg', Container: 'containerNumber' });
    expect(mappingOf(headers, { ...choices, Weight: null })).toEqual({ 'B/L': 'blNumber', Weight: null, Container: 'containerNumber' });
    expect([...repeatedChoices(headers, { 'B/L': 'blNumber', Weight: 'blNumber' }).keys()]).toEqual(['Weight']);
    expect([0, 25, 26, 701].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'ZZ']);
  });
});
