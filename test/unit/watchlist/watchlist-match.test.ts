import { describe, expect, it } from 'vitest';
import type { RiskLine } from '../../../main/core/risk/types';
import type { WatchLookup } from '../../../main/core/risk/score-store';
import {
  createWatchMatcher,
  matchParty,
  TRANSLITERATED_STRENGTH,
  watchKey,
  type WatchEntry,
  type WatchKind,
  type WatchLine,
} from '../../../main/core/risk/watchlist-match';

describe('watchKey', () => {
  it('party: legal form gone, transliterated and folded', () => {
    expect(watchKey('party', 'ООО «Ромашка»')).toBe('romashka');
    expect(watchKey('party', 'Romashka LLC')).toBe('romashka');
    expect(watchKey('party', 'OOO')).toBe('');
  });

  it('container: ISO 6346 shape, without spaces, dashes or Cyrillic look-alikes', () => {
    expect(watchKey('container', 'mscu 123456-5')).toBe('MSCU1234565');
    expect(watchKey('container', 'МSCU1234565')).toBe('MSCU1234565'); // Cyrillic М
    expect(watchKey('container', 'rail 5012-34')).toBe('RAIL501234'); // not ISO: a code key still
  });

  it('vessel: the IMO digits for an IMO number, else the folded name', () => {
    expect(watchKey('vessel', 'IMO 9321483')).toBe('9321483');
    expect(watchKey('vessel', 'imo: 9321483')).toBe('9321483');
    expect(watchKey('vessel', '9321483')).toBe('9321483');
    expect(watchKey('vessel', 'M/V Капитан Хлебников')).toBe(watchKey('vessel', 'KAPITAN KHLEBNIKOV'));
  });

  it('bl and seal: upper-case letters and digits only', () => {
    expect(watchKey('bl', 'medu-123 456/7')).toBe('MEDU1234567');
    expect(watchKey('seal', ' ml-00 12.34 ')).toBe('ML001234');
  });
});

describe('matchParty', () => {
  it('"ООО «Ромашка»" matches "OOO ROMASHKA" and "Romashka LLC" as transliterated', () => {
    for (const candidate of ['OOO ROMASHKA', 'Romashka LLC']) {
      expect(matchParty('ООО «Ромашка»', candidate)).toEqual({ strength: TRANSLITERATED_STRENGTH, how: 'transliterated' });
    }
  });

  it('is exact when the party keys are equal before transliteration', () => {
    expect(matchParty('ООО «Ромашка»', 'Ромашка, ООО')).toEqual({ strength: 1, how: 'exact' });
    expect(matchParty('OOO ROMASHKA', 'Romashka LLC')).toEqual({ strength: 1, how: 'exact' });
  });

  it.each([
    ['Ҷаҳонгир', 'Jahongir'],
    ['Ҷаҳонгир', 'Dzhakhongir'],
    ['Ғайратов', 'Gʻayratov'],
    ['Ғайратов', 'Gayratov'],
    ['Щербаков', 'SCHERBAKOV'],
    ['Цой', 'TCOI'],
  ])('%s ↔ %s is transliterated', (entry, candidate) => {
    expect(matchParty(entry, candidate)?.how).toBe('transliterated');
  });

  it('a typo matches fuzzily, with strength below the transliterated one', () => {
    const found = matchParty('ООО «Ромашка»', 'ROMASHAK LLC');
    expect(found?.how).toBe('fuzzy');
    expect(found?.strength).toBeGreaterThan(0.5);
    expect(found?.strength).toBeLessThan(TRANSLITERATED_STRENGTH);
    expect(matchParty('Памир Транзит', 'PAMIR TRANSIT')?.how).toBe('fuzzy');
  });

  it('different firms do not match', () => {
    expect(matchParty('Ромашка', 'Rodina')).toBeNull();
    expect(matchParty('Alfa Trans', 'Alfa Trade')).toBeNull();
  });

  it('the threshold is a parameter', () => {
    expect(matchParty('Alfa Trans', 'Alfa Trade', { threshold: 0.8 })?.how).toBe('fuzzy');
    expect(matchParty('ООО «Ромашка»', 'ROMASHAK', { threshold: 0.95 })).toBeNull();
  });

  it('short names match only when equal', () => {
    expect(matchParty('ABC', 'ABD')).toBeNull();
    expect(matchParty('ABCD LLC', 'ABCE')).toBeNull();
    expect(matchParty('ABC', 'ABC Ltd')?.how).toBe('exact');
  });

  it('a name of nothing but a legal form matches nothing', () => {
    expect(matchParty('OOO', 'OOO')).toBeNull();
  });
});

let nextId = 1;
const entry = (kind: WatchKind, value: string, severity: WatchEntry['severity'] = 'high'): WatchEntry => ({
  id: nextId++,
  kind,
  value,
  valueNormalised: watchKey(kind, value),
  severity,
});

describe('createWatchMatcher', () => {
  const romashka = entry('party', 'ООО «Ромашка»');
  const container = entry('container', 'MSCU 123456-5');
  const imo = entry('vessel', 'IMO 9321483');
  const vesselName = entry('vessel', 'Капитан Хлебников');
  const bl = entry('bl', 'MEDU-1234567');
  const seal = entry('seal', 'ML 001234');
  const matcher = createWatchMatcher([romashka, container, imo, vesselName, bl, seal]);

  it('finds a line’s parties, container, vessel, B/L, master B/L and seals', () => {
    const line: WatchLine = {
      shipper: { name: 'Romashka LLC' },
      consignee: { name: 'ООО «Ромашка»' },
      notify: { name: 'ROMASHAK' },
      containerNumber: 'MSCU1234565',
      vessel: { imo: '9321483', name: 'M/V KAPITAN KHLEBNIKOV' },
      blNumber: 'X1',
      masterBl: 'medu1234567',
      seals: ['A1', 'ml001234'],
    };
    const hits = matcher.match(line).map((hit) => [hit.entryId, hit.how, hit.matched, hit.strength]);
    expect(hits).toEqual([
      [romashka.id, 'transliterated', 'Romashka LLC', TRANSLITERATED_STRENGTH],
      [romashka.id, 'exact', 'ООО «Ромашка»', 1],
      [romashka.id, 'fuzzy', 'ROMASHAK', expect.any(Number)],
      [container.id, 'exact', 'MSCU1234565', 1],
      [imo.id, 'exact', '9321483', 1],
      [vesselName.id, 'transliterated', 'M/V KAPITAN KHLEBNIKOV', TRANSLITERATED_STRENGTH],
      [bl.id, 'exact', 'medu1234567', 1],
      [seal.id, 'exact', 'ml001234', 1],
    ]);
    expect(matcher.match(line)[0]).toMatchObject({ kind: 'party', value: 'ООО «Ромашка»', severity: 'high' });
  });

  it('uses the party key the caller already has', () => {
    expect(matcher.match({ consignee: { name: 'whatever', key: 'ромашка' } })[0]?.how).toBe('exact');
  });

  it('finds nothing on an unrelated line', () => {
    expect(matcher.match({ consignee: { name: 'Rodina LLC' }, containerNumber: 'TGHU1234560', seals: [] })).toEqual([]);
  });

  it('an IMO entry is not matched by a vessel name that folds to its digits, nor a name entry by an IMO', () => {
    expect(matcher.match({ vessel: { imo: null, name: '9321483' } })).toEqual([]);
  });

  it('accepts the risk engine’s lines', () => {
    // Compile-time: a RiskLine is a WatchLine and the matcher is the scorer's WatchLookup.
    const lookup: WatchLookup = matcher;
    const asLine = (line: RiskLine): WatchLine => line;
    expect(typeof lookup.match).toBe('function');
    expect(typeof asLine).toBe('function');
  });

  it.each([0.85, 0.7])('the 3-gram prefilter loses no match that matchParty finds (threshold %s)', (threshold) => {
    const syllables = ['ka', 'ro', 'mi', 'trans', 'ya', 'zh', 'kh', 'shch', 'iy', 'a', 'o'];
    let seed = 3;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
    const word = (parts: number) => Array.from({ length: parts }, () => pick(syllables)).join('');
    // Deletion, insertion, substitution, swap of neighbours: the slips the index must survive.
    const slip = (text: string) => {
      const at = Math.floor(random() * text.length);
      return pick([
        text.slice(0, at) + text.slice(at + 1),
        `${text.slice(0, at)}x${text.slice(at)}`,
        `${text.slice(0, at)}e${text.slice(at + 1)}`,
        text.slice(0, at) + text.charAt(at + 1) + text.charAt(at) + text.slice(at + 2),
      ]);
    };
    const values = Array.from({ length: 100 }, () => `${word(2 + Math.floor(random() * 3))} ${word(1 + Math.floor(random() * 3))}`);
    const entries = values.map((value) => entry('party', value));
    const indexed = createWatchMatcher(entries, { threshold });
    for (let round = 0; round < 500; round++) {
      let name = pick(values);
      for (let slips = Math.floor(random() * 4); slips > 0; slips--) name = slip(name);
      const got = indexed.match({ consignee: { name } }).map((hit) => `${hit.entryId} ${hit.how} ${hit.strength}`);
      const want = entries.flatMap((known) => {
        const found = matchParty(known.value, name, { threshold });
        return found ? [`${known.id} ${found.how} ${found.strength}`] : [];
      });
      expect(got.sort(), name).toEqual(want.sort());
    }
  });

  it('1,000 entries against 100,000 lines: the planted hits and nothing else', () => {
    const syllables = ['ka', 'ro', 'mi', 'tu', 'sa', 'le', 'no', 'vi', 'da', 'pe', 'go', 'zu', 'ri', 'ba', 'fo', 'ne'];
    let seed = 42;
    const random = () => {
      // A fixed linear congruential generator: the same data every run.
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const word = (parts: number) => Array.from({ length: parts }, () => syllables[Math.floor(random() * syllables.length)]).join('');
    const entries: WatchEntry[] = [];
    for (let i = 0; i < 900; i++) entries.push(entry('party', `${word(4)} ${word(3)} LLC`));
    for (let i = 0; i < 100; i++) entries.push(entry('container', `WLCU${String(100000 + i)}0`));
    const planted = entry('party', 'ООО «Щербаков и Юнусов Транзит»', 'critical');
    entries.push(planted);
    const big = createWatchMatcher(entries);

    const plantAt = new Map<number, string>([
      [17, 'SHCHERBAKOV I YUNUSOV TRANZIT LLC'],
      [50_001, 'Scherbakov i Iunusov Tranzit'],
      [99_998, 'SHERBAKOV I JUNUSOV TRANZITT'],
    ]);
    const found: number[] = [];
    for (let i = 0; i < 100_000; i++) {
      const line: WatchLine = {
        shipper: { name: `${word(3)} ${word(2)} ${word(3)}` },
        consignee: { name: plantAt.get(i) ?? `${word(5)} ${word(2)} Ltd` },
        notify: null,
        containerNumber: `ZZZU${String(i).padStart(6, '0')}1`,
        vessel: { imo: null, name: 'EVER GIVEN' },
        blNumber: `BL${i}`,
        masterBl: null,
        seals: [`S${i}`],
      };
      if (big.match(line).some((hit) => hit.entryId === planted.id)) found.push(i);
    }
    expect(found).toEqual([...plantAt.keys()]);
  });
});
