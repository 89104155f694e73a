import { describe, expect, it } from 'vitest';
import { isPlaceholderParty, normalisePartyName } from '../../../shared/domain/party-name';

describe('party names as a matching key', () => {
  it('gives one key for the spellings of one Russian-registered firm', () => {
    const key = normalisePartyName('ООО «Памир Транзит»');
    expect(key).toBe('памир транзит');
    for (const spelling of ['Памир Транзит ООО', 'OOO "ПАМИР  ТРАНЗИТ"', '“Памир-Транзит”, ООО', 'Общество с ограниченной ответственностью «Памир Транзит»']) {
      expect(normalisePartyName(spelling), spelling).toBe(key);
    }
  });

  it('gives one key for the English spellings', () => {
    const key = normalisePartyName('"PAMIR TRANZIT" LLC');
    expect(key).toBe('pamir tranzit');
    for (const spelling of ['Pamir Tranzit Ltd.', 'PAMIR TRANZIT CO., LTD', 'Pamir Tranzit L.L.C.', 'Pamir Tranzit Limited Liability Company']) {
      expect(normalisePartyName(spelling), spelling).toBe(key);
    }
  });

  it('does not transliterate: Latin and Cyrillic spellings stay different keys', () => {
    expect(normalisePartyName('"PAMIR TRANZIT" LLC')).not.toBe(normalisePartyName('ООО «Памир Транзит»'));
  });

  it.each([
    ['ҶДММ «Роҳи Абрешим»', 'роҳи абрешим'], // Tajik
    ['MChJ "Oʻzbekiston Temir Yoʻllari"', 'oʻzbekiston temir yoʻllari'], // Uzbek Latin
    ['МЧЖ «Ўзбекистон»', 'ўзбекистон'], // Uzbek Cyrillic
    ['ТОО «Қазақ Логистик»', 'қазақ логистик'], // Kazakh
    ['ЖШС «Ұлттық Көлік»', 'ұлттық көлік'], // Kazakh form in Kazakh
    ['ОсОО «Ош Транс»', 'ош транс'], // Kyrgyz
    ['ЗАО «Ӣ Ӯ Ҳ Ҷ Ғ Ң Ү Ө Ә»', 'ӣ ӯ ҳ ҷ ғ ң ү ө ә'],
    ['ИП Иванов', 'иванов'],
    ['ЧП Азизов', 'азизов'],
    ['АО «Казахтелеком»', 'казахтелеком'],
    ['Khyber Traders (Pvt.) Ltd.', 'khyber traders'], // Pakistan
  ])('%j → %j', (name, key) => {
    expect(normalisePartyName(name)).toBe(key);
  });

  it('keeps the Central Asian letters intact rather than folding them into Russian ones', () => {
    expect(normalisePartyName('Роҳи Абрешим')).not.toBe(normalisePartyName('Рохи Абрешим'));
    expect(normalisePartyName('Қазақ')).not.toBe(normalisePartyName('Казак'));
    expect(normalisePartyName('Шӯро')).not.toBe(normalisePartyName('Шуро'));
  });

  it('unifies the apostrophes people type for the Uzbek oʻ and gʻ', () => {
    const key = normalisePartyName('Oʻzbekiston');
    for (const spelling of ["O'zbekiston", 'O’zbekiston', 'O‘zbekiston', 'O`zbekiston', 'OʼZBEKISTON']) {
      expect(normalisePartyName(spelling), spelling).toBe(key);
    }
  });

  it('reads ё as е and full-width letters as plain ones', () => {
    expect(normalisePartyName('Алёна Трейд')).toBe(normalisePartyName('АЛЕНА ТРЕЙД'));
    expect(normalisePartyName('ＡＢＣ Ｔｒａｄｉｎｇ')).toBe('abc trading');
  });

  it('removes legal forms only as whole words', () => {
    expect(normalisePartyName('Cooperative Limitedness Too')).toBe('cooperative limitedness');
    expect(normalisePartyName('Coca Aoo')).toBe('coca aoo');
  });
});

describe('placeholder parties', () => {
  it.each([
    'TO ORDER',
    'To Order',
    'TO THE ORDER OF',
    'TO ORDER OF SHIPPER',
    'TO THE ORDER OF NATIONAL BANK OF PAKISTAN',
    'UNKNOWN',
    'PRIVATE',
    'N/A',
    'n.a.',
    '-',
    '',
    '   ',
    'ПО ПРИКАЗУ',
    'по приказу грузоотправителя',
    'НЕИЗВЕСТНО',
    'ЧАСТНОЕ ЛИЦО',
  ])('%j stands in for a party', (name) => {
    expect(isPlaceholderParty(name)).toBe(true);
  });

  it('treats a missing cell as a placeholder', () => {
    expect(isPlaceholderParty(undefined)).toBe(true);
    expect(isPlaceholderParty(null)).toBe(true);
  });

  it.each(['ORDERLY LOGISTICS LLC', 'TOP ORDER TRADING', 'PRIVATE BANK OF ALMATY', 'Приказчиков ИП', 'UNKNOWN SOLDIER FOUNDATION'])(
    '%j names a real party',
    (name) => {
      expect(isPlaceholderParty(name)).toBe(false);
    },
  );
});
