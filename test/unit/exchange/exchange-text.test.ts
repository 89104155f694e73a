import { describe, expect, it } from 'vitest';
import { translator } from '../../../shared/i18n';
import { subjectText } from '../../../renderer/src/features/exchange/exchange-text';

/** A package's subject line as the inbox shows it: the codes the payload carries, in the officer's words. */
describe('subjectText', () => {
  const ru = translator('ru');
  const en = translator('en');

  it('names the seizure category and the quantity unit in the officer language, keeping the rest', () => {
    expect(subjectText(ru, 'ru', 'drugs.cocaine 20.4 kg, MEDU7654325 (PKKHI-2026-0001)')).toBe('Кокаин 20.4 кг, MEDU7654325 (PKKHI-2026-0001)');
    expect(subjectText(ru, 'ru', 'tobacco.cigarettes 1200 pieces, MSCU1234566 (PKKHI-2026-0002)')).toBe('Сигареты 1200 шт., MSCU1234566 (PKKHI-2026-0002)');
    expect(subjectText(en, 'en', 'drugs.heroin 12.5 kg (PKKHI-2026-0003)')).toBe('Heroin 12.5 kg (PKKHI-2026-0003)');
  });

  it('leaves an alert subject (container / B/L / vessel) as it is', () => {
    expect(subjectText(ru, 'ru', 'MEDU7654325 / MEDUFE541001 / MSC ANNA')).toBe('MEDU7654325 / MEDUFE541001 / MSC ANNA');
  });
});
