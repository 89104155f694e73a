/**
 * Semantic Versioning 2.0.0 precedence (https://semver.org §11), small enough
 * to read in one go. The downgrade rule depends on it, so it is ours rather
 * than a transitive dependency of electron-updater that could change under us.
 */
export interface SemVer {
  readonly major: number;
  readonly minor: number;
  readonly patch: number;
  /** Dot-separated pre-release identifiers (`beta.2` → ['beta', '2']); empty for a release. */
  readonly prerelease: readonly string[];
}

const NUMBER = '0|[1-9]\\d*';
const IDENTIFIER = '(?:0|[1-9]\\d*|\\d*[A-Za-z-][0-9A-Za-z-]*)';
const PATTERN = new RegExp(
  `^(${NUMBER})\\.(${NUMBER})\\.(${NUMBER})(?:-(${IDENTIFIER}(?:\\.${IDENTIFIER})*))?(?:\\+[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*)?$`,
);

/** Null for anything that is not exactly a SemVer 2.0.0 version (no leading `v`, no spaces). */
export function parseSemVer(text: string): SemVer | null {
  if (text.length > 256) return null;
  const match = PATTERN.exec(text);
  if (!match) return null;
  const [, major, minor, patch, prerelease] = match;
  const numbers = [major, minor, patch].map(Number);
  if (numbers.some((value) => !Number.isSafeInteger(value))) return null;
  return {
    major: numbers[0] ?? 0,
    minor: numbers[1] ?? 0,
    patch: numbers[2] ?? 0,
    prerelease: prerelease ? prerelease.split('.') : [],
  };
}

const isNumeric = (identifier: string) => /^\d+$/.test(identifier);

function compareIdentifiers(a: string, b: string): number {
  const aNumeric = isNumeric(a);
  const bNumeric = isNumeric(b);
  if (aNumeric && bNumeric) return Math.sign(Number(a) - Number(b));
  // Numeric identifiers have lower precedence than alphanumeric ones.
  if (aNumeric !== bNumeric) return aNumeric ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Negative, zero or positive as `a` precedes, equals or follows `b`; build metadata is ignored. */
export function compareSemVer(a: SemVer, b: SemVer): number {
  for (const key of ['major', 'minor', 'patch'] as const) {
    if (a[key] !== b[key]) return Math.sign(a[key] - b[key]);
  }
  // A pre-release precedes its release: 1.3.0-beta.1 < 1.3.0.
  if (a.prerelease.length === 0 || b.prerelease.length === 0) {
    return Math.sign(b.prerelease.length - a.prerelease.length);
  }
  const length = Math.max(a.prerelease.length, b.prerelease.length);
  for (let index = 0; index < length; index += 1) {
    const left = a.prerelease[index];
    const right = b.prerelease[index];
    // A shorter list of identifiers precedes a longer one when all before are equal.
    if (left === undefined) return -1;
    if (right === undefined) return 1;
    const order = compareIdentifiers(left, right);
    if (order !== 0) return order;
  }
  return 0;
}
