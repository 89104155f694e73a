import { z } from 'zod';
import { latinLookalikes } from './latin-lookalikes';

/**
 * UN/LOCODE location codes: a 2-letter ISO 3166 country code and 3 characters
 * of A-Z or 2-9 (0 and 1 are excluded so they are never read as O and I),
 * e.g. UZTAS for Tashkent. Manifests write them "UZ TAS", "UZ-TAS" or "uztas".
 */

const LOCODE = /^[A-Z]{2}[A-Z2-9]{3}$/;
const SEPARATORS = /[\s.\-‐‑‒–—_/]/g;

/** The canonical 5-character code, or null when the text cannot be one. */
export function normaliseLocode(text: string): string | null {
  const compact = latinLookalikes(text.normalize('NFKC').toUpperCase()).replace(SEPARATORS, '');
  return LOCODE.test(compact) ? compact : null;
}

export function isValidLocode(text: string): boolean {
  return normaliseLocode(text) !== null;
}

/** The country part ("UZ" of UZTAS), or null when the text is not a LOCODE. */
export function countryOf(text: string): string | null {
  return normaliseLocode(text)?.slice(0, 2) ?? null;
}

/**
 * What a place is to a Port Control Unit: a seaport, an inland place (dry port,
 * rail or road terminal, capital city), an airport, or a land border crossing.
 */
export const locodeKinds = ['sea', 'inland', 'air', 'border'] as const;
export type LocodeKind = (typeof locodeKinds)[number];

/**
 * The bundled reference table (resources/reference/locodes.json): one entry
 * per code, short keys because the file ships in every installer.
 */
export const LocodeTable = z
  .record(
    z.string().regex(LOCODE, 'not a UN/LOCODE'),
    z.strictObject({ n: z.string().trim().min(1), c: z.string().regex(/^[A-Z]{2}$/), k: z.enum(locodeKinds) }),
  )
  .superRefine((table, context) => {
    for (const [code, entry] of Object.entries(table)) {
      if (entry.c !== code.slice(0, 2)) {
        context.addIssue({ code: 'custom', path: [code, 'c'], message: `country ${entry.c} is not the code's own` });
      }
    }
  });
export type LocodeTable = z.infer<typeof LocodeTable>;

export interface LocodeEntry {
  readonly code: string;
  readonly name: string;
  readonly country: string;
  readonly kind: LocodeKind;
}

export interface LocodeLookup {
  /** The place a code names, whatever its spelling ("uz tas"), or null when the table does not know it. */
  lookup(code: string): LocodeEntry | null;
  readonly size: number;
}

/**
 * A lookup over the parsed JSON table. The table is read from disk by the
 * caller (shared code reads no files); it is checked here because it crossed a
 * file boundary: a damaged table throws rather than answering wrongly.
 */
export function createLocodeLookup(table: unknown): LocodeLookup {
  const parsed = LocodeTable.parse(table);
  // A Map, not the object itself: a code like "__proto__" must never reach Object.prototype.
  const entries = new Map<string, LocodeEntry>(
    Object.entries(parsed).map(([code, entry]) => [code, { code, name: entry.n, country: entry.c, kind: entry.k }]),
  );
  return {
    lookup(code) {
      const canonical = normaliseLocode(code);
      return canonical === null ? null : (entries.get(canonical) ?? null);
    },
    size: entries.size,
  };
}
