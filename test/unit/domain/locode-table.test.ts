import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createLocodeLookup, normaliseLocode } from '../../../shared/domain/locode';
import { buildLocodeTable, HAND_ENTRIES, locodesFile, OMITTED, seaPortsFile, serialiseLocodeTable } from '../../fixtures/build-locodes';

const fileText = readFileSync(locodesFile, 'utf8');
const table = JSON.parse(fileText) as Record<string, { n: string; c: string; k: string }>;

describe('the bundled UN/LOCODE table (resources/reference/locodes.json)', () => {
  it('knows the places a CCP unit deals with every day', () => {
    const locodes = createLocodeLookup(table);
    expect(locodes.lookup('UZTAS')).toEqual({ code: 'UZTAS', name: 'Tashkent', country: 'UZ', kind: 'inland' });
    expect(locodes.lookup('PKKHI')).toEqual({ code: 'PKKHI', name: 'Karachi', country: 'PK', kind: 'sea' });
    expect(locodes.lookup('TJDYU')).toEqual({ code: 'TJDYU', name: 'Dushanbe', country: 'TJ', kind: 'air' });
    expect(locodes.lookup('GEPTI')).toEqual({ code: 'GEPTI', name: 'Poti', country: 'GE', kind: 'sea' });
    expect(locodes.lookup('KZ HOR')?.kind).toBe('border');
  });

  it('holds only valid codes, each with its own country', () => {
    const codes = Object.keys(table);
    expect(codes.length).toBeGreaterThan(1500);
    for (const code of codes) {
      expect(normaliseLocode(code), code).toBe(code);
      expect(table[code]?.c, code).toBe(code.slice(0, 2));
    }
  });

  it('carries none of the codes the UN/LOCODE list does not have', () => {
    for (const code of Object.keys(OMITTED)) expect(Object.hasOwn(table, code), code).toBe(false);
  });

  it('is exactly what the build script makes from sea-ports, so nobody edits it by hand', () => {
    const seaPorts = JSON.parse(readFileSync(seaPortsFile, 'utf8')) as Record<string, { name?: unknown }>;
    expect(serialiseLocodeTable(buildLocodeTable(seaPorts))).toBe(fileText);
  });

  it('lets hand entries win over the seaport list', () => {
    expect(buildLocodeTable({ GETBS: { name: 'Tbilisi' } }, HAND_ENTRIES).GETBS).toEqual({ n: 'Tbilisi', c: 'GE', k: 'inland' });
    expect(buildLocodeTable({ 'uz tas': { name: 'x' }, XXAB1: { name: 'y' } }, [])).toEqual({});
  });
});
