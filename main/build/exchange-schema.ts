import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { exchangeJsonSchemaText } from '../../shared/exchange/json-schema';

/** `npm run exchange:schema`: writes the published JSON Schema of the exchange payload from shared/exchange/payload.ts. */
export const exchangeSchemaFile = path.join(import.meta.dirname, '..', '..', 'docs', 'exchange', 'pcu-exchange-1.schema.json');

writeFileSync(exchangeSchemaFile, exchangeJsonSchemaText());
process.stdout.write(`${exchangeSchemaFile}\n`);
