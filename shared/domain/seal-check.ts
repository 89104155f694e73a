/**
 * Seals found at an examination compared with the seals the manifest
 * declares. Carriers and officers write the same seal with and without
 * spaces, dashes or lower case ("ML-CN 4455120" = "mlcn4455120"), so numbers
 * are compared by a key of their letters and digits only.
 *
 * Pure, in shared/ so the examination form can suggest what main enforces.
 */
export type SealStatus = 'match' | 'mismatch' | 'missing' | 'broken';

export interface SealCheck {
  readonly seal: string;
  readonly status: SealStatus;
}

export const sealKey = (seal: string): string => seal.normalize('NFKC').toUpperCase().replace(/[^\p{L}\p{N}]/gu, '');

/**
 * What the officer would record when the seals in `found` are intact: each
 * declared seal found is a match, a found seal the manifest does not declare
 * is a mismatch, a declared seal not found is missing. Broken seals are the
 * officer's own finding and are never suggested.
 */
export function suggestSealChecks(declared: readonly string[], found: readonly string[]): SealCheck[] {
  const declaredKeys = new Set(declared.map(sealKey));
  const foundKeys = new Set(found.map(sealKey));
  return [
    ...found.filter((seal) => sealKey(seal) !== '').map((seal) => ({ seal, status: declaredKeys.has(sealKey(seal)) ? ('match' as const) : ('mismatch' as const) })),
    ...declared.filter((seal) => !foundKeys.has(sealKey(seal))).map((seal) => ({ seal, status: 'missing' as const })),
  ];
}

/**
 * The first recorded check that contradicts the manifest, or null: "match"
 * and "missing" speak of a declared seal, "mismatch" of one the manifest does
 * not declare. "broken" fits either (the number may be unreadable).
 */
export function inconsistentSealCheck(declared: readonly string[], checks: readonly SealCheck[]): SealCheck | null {
  const declaredKeys = new Set(declared.map(sealKey));
  for (const check of checks) {
    const isDeclared = declaredKeys.has(sealKey(check.seal));
    if ((check.status === 'match' || check.status === 'missing') && !isDeclared) return check;
    if (check.status === 'mismatch' && isDeclared) return check;
  }
  return null;
}
