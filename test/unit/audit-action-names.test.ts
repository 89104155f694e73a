import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogues } from '../../shared/i18n';
import { auditActionKeys } from '../../renderer/src/features/administration/audit-actions';

/**
 * An administrator reads the audit trail in words, in English or Russian: every
 * action id the core writes must have a name (an id without one shows raw).
 * The ids are found where the core writes them: `action: 'x.y'` and the two
 * literal alternatives of a conditional.
 */
function coreSources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return coreSources(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

const written = new Set<string>();
for (const file of coreSources(path.join(import.meta.dirname, '../../main/core'))) {
  const text = readFileSync(file, 'utf8');
  for (const match of text.matchAll(/action: (?:[^,\n]*\? )?'([a-z]+\.[a-z.-]+)'(?: : '([a-z]+\.[a-z.-]+)')?/g)) {
    for (const id of match.slice(1)) if (id) written.add(id);
  }
}

describe('audit action names', () => {
  it('finds the actions the core writes (the scan itself works)', () => {
    expect(written).toContain('manifest.import');
    expect(written).toContain('exchange.import-refused');
    expect(written).toContain('target.waived');
    expect(written.size).toBeGreaterThan(50);
  });

  it('names every one of them, in every language', () => {
    const unnamed = [...written].filter((id) => !Object.hasOwn(auditActionKeys, id)).sort();
    expect(unnamed).toEqual([]);
    for (const catalogue of Object.values(catalogues)) {
      for (const key of Object.values(auditActionKeys)) expect(catalogue[key], key).toBeTruthy();
    }
  });
});
