import { describe, expect, it } from 'vitest';
import { lexSegments } from '../../../main/core/manifests/readers/cuscar/lexer';
import { defaultServiceCharacters, readServiceStringAdvice } from '../../../main/core/manifests/readers/cuscar/service-string';
import { ascii } from './support';

const lex = (text: string, chars = defaultServiceCharacters) =>
  lexSegments(text, chars).map((segment) => [segment.position, segment.tag, segment.elements, segment.terminated]);

describe('UNA service string advice', () => {
  it('reads the six characters in their fixed order', () => {
    expect(readServiceStringAdvice(ascii("UNA:+.? '"), 0)).toEqual(defaultServiceCharacters);
    expect(readServiceStringAdvice(ascii("UNA^*,! ~UNB"), 0)).toEqual({ component: '^', element: '*', decimalMark: ',', release: '!', terminator: '~' });
  });

  it('takes a space in the release position as "no release character"', () => {
    expect(readServiceStringAdvice(ascii("UNA:+.  '"), 0)?.release).toBeNull();
  });

  it('is absent when the data starts with UNB (the defaults then apply)', () => {
    expect(readServiceStringAdvice(ascii("UNB+UNOA:3'"), 0)).toBeNull();
  });
});

describe('lexSegments', () => {
  it('numbers segments from 1 and splits elements and components', () => {
    expect(lex("UNB+UNOA:3+A'UNH+1+CUSCAR:D:96B:UN'")).toEqual([
      [1, 'UNB', [['UNOA', '3'], ['A']], true],
      [2, 'UNH', [['1'], ['CUSCAR', 'D', '96B', 'UN']], true],
    ]);
  });

  it('resolves the release character before every service character and itself', () => {
    expect(lex("FTX+AAA+++A?+B?:C?'D??E'")).toEqual([[1, 'FTX', [['AAA'], [''], [''], ["A+B:C'D?E"]], true]]);
    // "??" then "+": the release is released, the plus separates.
    expect(lex("NAD+CN+++ACME??+X'")).toEqual([[1, 'NAD', [['CN'], [''], [''], ['ACME?'], ['X']], true]]);
  });

  it('uses the characters the UNA named', () => {
    const chars = { component: '^', element: '*', decimalMark: ',', release: '!', terminator: '~' };
    expect(lex('LOC*9*PKKHI^139^6~FTX*AAA***A!*B!~C!!~', chars)).toEqual([
      [1, 'LOC', [['9'], ['PKKHI', '139', '6']], true],
      [2, 'FTX', [['AAA'], [''], [''], ['A*B~C!']], true],
    ]);
  });

  it('drops line breaks between segments and inside values, and blanks between segments', () => {
    expect(lex("BGM+785'\r\n   \r\nFTX+AAA+++WRAP\r\nPED'  \n\n")).toEqual([
      [1, 'BGM', [['785']], true],
      [2, 'FTX', [['AAA'], [''], [''], ['WRAPPED']], true],
    ]);
  });

  it('reads a line break as the terminator when the UNA says so, skipping blank lines', () => {
    const chars = { ...defaultServiceCharacters, terminator: '\n' };
    expect(lex('BGM+785\r\n\nRFF+VON:1\n', chars)).toEqual([
      [1, 'BGM', [['785']], true],
      [2, 'RFF', [['VON', '1']], true],
    ]);
  });

  it('marks a last segment the data ends inside, including after a dangling release character', () => {
    expect(lex("BGM+785'EQD+CN+MSCU12")).toEqual([
      [1, 'BGM', [['785']], true],
      [2, 'EQD', [['CN'], ['MSCU12']], false],
    ]);
    expect(lex("BGM+785'FTX+AAA+++A?")).toEqual([
      [1, 'BGM', [['785']], true],
      [2, 'FTX', [['AAA'], [''], [''], ['A']], false],
    ]);
  });

  it('keeps trailing NUL padding and Ctrl-Z out of the segments', () => {
    expect(lex("UNZ+1+X'\u0000\u0000\u001a")).toEqual([[1, 'UNZ', [['1'], ['X']], true]]);
  });
});
