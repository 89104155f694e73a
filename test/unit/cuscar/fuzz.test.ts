import { describe, expect, it } from 'vitest';
import { CuscarUnreadable, readCuscar } from '../../../main/core/manifests/readers/cuscar';
import { fixture, fixtureNames, seededRandom } from './support';

/** Every outcome must be a result or the typed error; anything else thrown fails with its seed. */
function outcome(bytes: Uint8Array): 'read' | 'unreadable' {
  try {
    const result = readCuscar(bytes);
    expect(result.format).toBe('cuscar');
    expect(Array.isArray(result.lines)).toBe(true);
    return 'read';
  } catch (error) {
    if (error instanceof CuscarUnreadable) return 'unreadable';
    throw error;
  }
}

/** Bytes that matter to the syntax, so flips hit separators and releases often, not only letters. */
const interesting = [...":+.?'!,\r\n UNHTZBA0129"].map((char) => char.charCodeAt(0)).concat([0x00, 0x7f, 0x80, 0xa1, 0xd0, 0xff]);

describe('the reader never crashes on damaged fixtures (seeded fuzz)', () => {
  for (const name of fixtureNames) {
    it(`${name}: random truncations and byte flips either read or throw CuscarUnreadable`, () => {
      const original = fixture(name);
      const seed = [...name].reduce((sum, char) => sum * 31 + char.charCodeAt(0), 7) >>> 0;
      const random = seededRandom(seed);
      const seen = new Set<string>();
      for (let round = 0; round < 300; round++) {
        const bytes = Uint8Array.from(original);
        const cut = Math.floor(random() * (bytes.length + 1));
        const truncated = bytes.subarray(0, cut);
        seen.add(`cut:${outcome(truncated)}`);

        const flips = 1 + Math.floor(random() * 4);
        for (let i = 0; i < flips; i++) {
          const at = Math.floor(random() * bytes.length);
          bytes[at] = random() < 0.6 ? (interesting[Math.floor(random() * interesting.length)] ?? 0) : Math.floor(random() * 256);
        }
        seen.add(`flip:${outcome(bytes)}`);
      }
      // The damage was real enough to reach both outcomes.
      expect(seen).toContain('cut:read');
      expect(seen).toContain('cut:unreadable');
    });
  }

  it('segments dropped, repeated and moved about still read or throw CuscarUnreadable', () => {
    const random = seededRandom(6346);
    // Fixture (a) has one segment per line: whole segments can be shuffled as lines.
    const segments = fixture('a-d96b-unoa-lines.edi').toString('latin1').split('\n').filter((line) => line !== '');
    for (let round = 0; round < 300; round++) {
      const mutated = [...segments];
      for (let edits = 1 + Math.floor(random() * 6); edits > 0; edits--) {
        const from = 1 + Math.floor(random() * (mutated.length - 1));
        const to = 1 + Math.floor(random() * (mutated.length - 1));
        const [moved = ''] = random() < 0.3 ? mutated.splice(from, 1) : [mutated[from] ?? ''];
        if (random() < 0.8) mutated.splice(to, 0, moved);
      }
      outcome(new TextEncoder().encode(mutated.join('\n')));
    }
  });

  it('random bytes of any length are refused with the typed error', () => {
    const random = seededRandom(20250301);
    for (let round = 0; round < 300; round++) {
      const bytes = Uint8Array.from({ length: 4 + Math.floor(random() * 400) }, () => Math.floor(random() * 256));
      if (round % 3 === 0) bytes.set([0x55, 0x4e, 0x42, 0x2b]); // "UNB+" so some get past detection
      if (round % 3 === 1) bytes.set([0x55, 0x4e, 0x41]); // "UNA"
      expect(() => readCuscar(bytes), `round ${round}`).toThrow(CuscarUnreadable);
    }
  });
});
