import { describe, expect, it } from 'vitest';
import { mergeTimeline, type TimelineEntry } from '../../../main/core/casework/timeline';
import { assertSeizureFigures, isZeroQuantity } from '../../../main/core/casework/seizure-store';
import { assertTwoParties } from '../../../main/core/casework/custody-store';
import { nameRecordsIn } from '../../../main/core/handlers/casework-handlers';
import { generateDemoPassword } from '../../../main/core/demo/demo-password';
import { errorMessage } from '../../../shared/i18n/error-message';
import { DomainError, errorCodes } from '../../../shared/ipc/errors';
import { catalogues } from '../../../shared/i18n';

const party = { fromPerson: 'Aziz Karimov', fromAgency: 'Customs', toPerson: 'Malika Yusupova', toAgency: 'Customs, evidence room' };

describe('seizure figures', () => {
  it('needs a quantity above zero, and a value only with its currency', () => {
    expect(isZeroQuantity('0')).toBe(true);
    expect(isZeroQuantity('0.000')).toBe(true);
    expect(isZeroQuantity('12.5')).toBe(false);
    expect(() => assertSeizureFigures({ quantity: '0.0' })).toThrow(expect.objectContaining({ code: 'SEIZURE_QUANTITY_REQUIRED', details: { field: 'quantity' } }));
    expect(() => assertSeizureFigures({ quantity: '12.5', estimatedValue: '1000' })).toThrow(expect.objectContaining({ code: 'SEIZURE_CURRENCY_REQUIRED', details: { field: 'currency' } }));
    expect(() => assertSeizureFigures({ quantity: '12.5', currency: 'USD' })).toThrow(expect.objectContaining({ code: 'SEIZURE_CURRENCY_REQUIRED', details: { field: 'estimatedValue' } }));
    expect(() => assertSeizureFigures({ quantity: '12.5', estimatedValue: '1000', currency: 'USD' })).not.toThrow();
  });
});

describe('custody hand-overs', () => {
  it('need two different parties', () => {
    expect(() => assertTwoParties(party)).not.toThrow();
    expect(() => assertTwoParties({ ...party, toPerson: ' aziz  karimov', toAgency: 'CUSTOMS' })).toThrow(expect.objectContaining({ code: 'CUSTODY_SAME_PERSON', details: expect.objectContaining({ field: 'toPerson' }) }));
  });
});

describe('the case timeline', () => {
  it('orders records and audit entries by time, what happened before its recording at the same instant', () => {
    const record = (at: string, summary: string): TimelineEntry => ({ at, kind: 'record', summary, by: 'aziz', recordId: 1 });
    const audit = (at: string, summary: string): TimelineEntry => ({ at, kind: 'audit', summary, by: 'aziz', recordId: 1 });
    const merged = mergeTimeline(
      [record('2026-11-01T08:00:00Z', 'examination'), record('2026-11-02T09:00:00Z', 'custody')],
      [audit('2026-11-02T09:00:00Z', 'custody.recorded'), audit('2026-11-01T07:00:00+00:00', 'case.opened')],
    );
    expect(merged.map((entry) => entry.summary)).toEqual(['case.opened', 'examination', 'custody', 'custody.recorded']);
  });
});

describe('casework refusals', () => {
  it('name the record and the field in the officer’s language', () => {
    const error = nameRecordsIn(new DomainError('RECORD_NOT_IN_CASE', 'x', { recordKind: 'seizure', recordId: 4, field: 'seizureId', reference: 'TJDYU-2026-0002' }), 'ru');
    expect(errorMessage('ru', error)).toBe('Запись «изъятие № 4» (поле «Изъятые товары») не относится к делу TJDYU-2026-0002.');
    const english = nameRecordsIn(new DomainError('RECORD_VOIDED', 'x', { recordKind: 'examination', recordId: 7 }), 'en');
    expect(errorMessage('en', english)).toMatch(/^The examination no\. 7 has been voided/);
  });

  it('have an English and a Russian text for every casework code', () => {
    const casework = errorCodes.slice(errorCodes.indexOf('CASE_REASON_REQUIRED'));
    expect(casework.length).toBeGreaterThanOrEqual(20);
    for (const code of casework) {
      expect(catalogues.en[`error.${code}`]).toBeTruthy();
      expect(catalogues.ru[`error.${code}`]).toMatch(/[А-Яа-яЁё]/);
    }
  });
});

describe('demo passwords', () => {
  it('are generated per account, readable and long enough for the password rule', () => {
    const passwords = new Set(Array.from({ length: 20 }, generateDemoPassword));
    expect(passwords.size).toBe(20);
    for (const password of passwords) expect(password).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
  });
});
