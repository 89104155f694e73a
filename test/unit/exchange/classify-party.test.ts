import { describe, expect, it } from 'vitest';
import { classifyParty } from '../../../main/core/exchange/classify-party';

/** What a seizure notice masks: private persons; companies stay named. */
describe('classifyParty', () => {
  it.each([
    // English and Pakistani forms
    'Pamir Trade LLC',
    'Shanghai Tea Co',
    'Al-Noor Rice Mills (Pvt) Ltd',
    'Karachi Textile Pvt. Ltd.',
    'Hyderabad Traders',
    'Global Shipping Inc.',
    'Asia Logistics Group',
    'Sialkot Industries',
    'Faisal Enterprise',
    'Guayaquil Fruit S.A.',
    'Istanbul Textile A.S.',
    'Hamburg Süd GmbH',
    'Acme Corp',
    // Russian, Kazakh, Uzbek, Tajik forms in Cyrillic and Latin
    'ООО «Ромашка»',
    'OOO ROMASHKA',
    'АО "Казахтелеком"',
    'ПАО Сбербанк',
    'ЗАО Восток',
    'ТОО «Алматы Логистик»',
    '"Toshkent To\'qimachilik" MChJ',
    '«Самарқанд Савдо» МЧЖ',
    'ХК «Бахт»',
    'ҶДММ «Сомон Тиҷорат»',
    'JDMM Somon Tijorat',
    'Торговая фирма «Восток»',
    'Компания Азия Транзит',
  ])('%s is a company', (name) => {
    expect(classifyParty(name)).toBe('company');
  });

  it.each([
    'Ivan Petrov',
    'Петров Иван Сергеевич',
    'ИП Каримов А.',
    'IP Karimov Alisher',
    'Individual entrepreneur Rahimov',
    'Sole proprietor Yusuf Khan',
    'Қодиров Ҷамшед',
    'Раҳимова Дилноза Ғафуровна',
    "O'ktam Yo'ldoshev",
    'Oʻktam Yoʻldoshev',
    'Muhammad Asif',
    'Нурсултан Әбішев',
    'YaTT Ergashev Bobur',
    'Ergasheva Sa Nodira',
    '',
  ])('%s is a person', (name) => {
    expect(classifyParty(name)).toBe('person');
  });
});
