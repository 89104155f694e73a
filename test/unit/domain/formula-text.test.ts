import { describe, expect, it } from 'vitest';
import { escapeForSpreadsheet, looksLikeFormula } from '../../../shared/domain/formula-text';

describe('formula injection in exported sheets', () => {
  it.each(['=HYPERLINK("http://evil.example","Click")', '+1+1', '-2+3', '@SUM(A1:A2)', '\t=1+1', '\r=1+1', '＝1+1', '－5'])(
    '%j looks like a formula',
    (text) => {
      expect(looksLikeFormula(text)).toBe(true);
      expect(escapeForSpreadsheet(text)).toBe(`'${text}`);
    },
  );

  it('treats a negative number as formula-like: text alone cannot tell "-5" from "-5+HYPERLINK(…)"', () => {
    expect(looksLikeFormula('-5')).toBe(true);
    expect(escapeForSpreadsheet('-5')).toBe("'-5");
  });

  it.each(['PAMIR TRANZIT LLC', '21 559,6', 'a=b', ' =1+1', '', "'already quoted", 'MSCU1234567'])('%j is left as it is', (text) => {
    expect(looksLikeFormula(text)).toBe(false);
    expect(escapeForSpreadsheet(text)).toBe(text);
  });
});
