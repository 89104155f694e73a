import { createRequire } from 'node:module';
import type * as SheetJs from 'xlsx';

export type { SheetJs };

let loaded: typeof SheetJs | null = null;

/**
 * SheetJS, loaded on first use rather than when the module is. Compiling it
 * takes the import worker ~110 ms; loaded here, that happens while zlib
 * unpacks the file on another thread (readers/zip-guard.ts, guardZipArchiveAsync),
 * and the storing thread, which never parses, never loads it.
 */
export function sheetJs(): typeof SheetJs {
  loaded ??= createRequire(import.meta.url)('xlsx') as typeof SheetJs;
  return loaded;
}
