import { describe, expect, it } from 'vitest';
import { compareSemVer, parseSemVer, type SemVer } from '../../../main/core/updates/semver';

const v = (text: string): SemVer => {
  const parsed = parseSemVer(text);
  if (!parsed) throw new Error(`not semver: ${text}`);
  return parsed;
};

describe('SemVer 2.0.0 precedence', () => {
  it('orders the example chain of semver.org §11', () => {
    const chain = ['1.0.0-alpha', '1.0.0-alpha.1', '1.0.0-alpha.beta', '1.0.0-beta', '1.0.0-beta.2', '1.0.0-beta.11', '1.0.0-rc.1', '1.0.0', '1.0.1', '1.1.0', '2.0.0'];
    for (let index = 1; index < chain.length; index += 1) {
      const [lower, higher] = [chain[index - 1] ?? '', chain[index] ?? ''];
      expect(compareSemVer(v(lower), v(higher)), `${lower} < ${higher}`).toBeLessThan(0);
      expect(compareSemVer(v(higher), v(lower)), `${higher} > ${lower}`).toBeGreaterThan(0);
    }
  });

  it('compares numbers as numbers and ignores build metadata', () => {
    expect(compareSemVer(v('1.10.0'), v('1.9.0'))).toBeGreaterThan(0);
    expect(compareSemVer(v('1.2.3+build.7'), v('1.2.3+other'))).toBe(0);
  });

  it('refuses what is not a version', () => {
    for (const text of ['1.2', 'v1.2.3', '1.2.3.4', '01.2.3', '1.2.3-', '1.2.3-beta..1', ' 1.2.3', '1.2.3-01', '']) {
      expect(parseSemVer(text), text).toBeNull();
    }
  });
});
