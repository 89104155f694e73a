import { describe, expect, it } from 'vitest';
import { normalisePartyName } from '../../../shared/domain/party-name';
import { foldPhonetic, phoneticKey, transliterateCyrillic } from '../../../shared/domain/transliterate';

/** The key a party name is matched by: the party-name key, transliterated and folded. */
const key = (name: string) => phoneticKey(normalisePartyName(name));

describe('Cyrillic to Latin, for matching', () => {
  it('romanises Russian and the Central Asian letters to plain ASCII', () => {
    expect(transliterateCyrillic('Щербаков Юрий')).toBe('shcherbakov yuriy');
    expect(transliterateCyrillic('Хасанов Цой Жуков Ёлкин Объект')).toBe('khasanov tsoy zhukov yolkin obekt');
    expect(transliterateCyrillic('ӣ ӯ ҳ ҷ қ ғ ң ұ ү ө ә һ і ў')).toBe('i u h j q gh ng u u o a h i o');
  });

  it('leaves Latin text and digits alone apart from case', () => {
    expect(transliterateCyrillic('ROMASHKA 2000')).toBe('romashka 2000');
  });

  it('reads Turkish-style Latin letters before stripping accents', () => {
    expect(foldPhonetic('şükürov')).toBe(foldPhonetic('shukurov'));
    expect(foldPhonetic('çelik')).toBe(foldPhonetic('chelik'));
  });
});

describe('the spellings of one name share one key', () => {
  it.each([
    ['firm', ['ООО «Ромашка»', 'OOO ROMASHKA', 'Romashka LLC', 'Ромашка ООО']],
    ['щ', ['Щербаков', 'SHCHERBAKOV', 'SHERBAKOV', 'SCHERBAKOV']],
    ['ю', ['Юнус', 'YUNUS', 'IUNUS', 'JUNUS']],
    ['х', ['Хасанов', 'Ҳасанов', 'KHASANOV', 'HASANOV', 'XASANOV']],
    ['ж', ['Жуков', 'ZHUKOV', 'JUKOV']],
    ['ц', ['Цой', 'TSOY', 'TSOI', 'TCOI']],
    ['-ий', ['Василий', 'VASILIY', 'VASILII', 'VASILY', 'VASILYI']],
    ['-ый', ['Белый', 'BELYY', 'BELYI', 'BELY', 'BELII']],
    ['я', ['Мария', 'MARIYA', 'MARIIA', 'MARIA']],
    ['ё', ['Фёдоров', 'Федоров', 'FYODOROV', 'FEDOROV']],
    ['е, э', ['Эргашев', 'Ергашев', 'ERGASHEV', 'YERGASHEV']],
    ['-ей', ['Сергей', 'SERGEY', 'SERGEI', 'SERGEJ']],
    ['Tajik ҷ ҳ', ['Ҷаҳонгир', 'Jahongir', 'Dzhakhongir', 'Djakhongir']],
    ['Tajik ӣ', ['Раҳимӣ', 'Rahimi', 'Rakhimi']],
    ['Uzbek ғ', ['Ғайратов', 'Gʻayratov', "G'ayratov", 'Gayratov', 'Ghayratov']],
    ['Uzbek ў', ['Ўзбекистон', 'Oʻzbekiston', 'O‘zbekiston']],
    ['Uzbek қ, ё', ['Ёқубов', 'Yoqubov', 'Yokubov']],
    ['Uzbek x, sh, ch', ['Чойхона Шоҳ', 'Choyxona Shoh', 'Choykhona Shokh']],
    ['Kazakh қ', ['Қодиров', 'Qodirov', 'Kodirov']],
  ])('%s', (_letter, spellings) => {
    const keys = spellings.map(key);
    expect(new Set(keys).size, keys.join(' | ')).toBe(1);
  });

  it('keeps different names apart', () => {
    expect(key('Ромашка')).not.toBe(key('Rodina'));
    expect(key('Хасанов')).not.toBe(key('Касанов'));
    expect(key('Шаров')).not.toBe(key('Жаров'));
  });
});
