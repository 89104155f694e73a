import { createLocodeLookup, type LocodeLookup } from '../../../shared/domain/locode';
import locodeTable from '../../../resources/reference/locodes.json';

let lookup: LocodeLookup | null = null;

/**
 * The bundled UN/LOCODE table (seaports plus the CCP regions' inland ports and
 * border crossings), built into the bundle so it works the same in the app, the
 * CLI and the import worker. Parsed once, on first use.
 */
export function locodes(): LocodeLookup {
  lookup ??= createLocodeLookup(locodeTable);
  return lookup;
}
