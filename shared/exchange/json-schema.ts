import { z } from 'zod';
import { EXCHANGE_SCHEMA_V1, ExchangePayload } from './payload';

/**
 * The published JSON Schema of the exchange payload, generated from the zod
 * definitions in payload.ts (`npm run exchange:schema` writes it to
 * docs/exchange/pcu-exchange-1.schema.json; a unit test fails when the
 * committed file and this differ). Partner software validates against it.
 */
export function exchangeJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(ExchangePayload, { target: 'draft-2020-12', io: 'input' }) as Record<string, unknown>;
  return {
    $schema: schema.$schema,
    $id: `urn:pcu-workstation:exchange:${EXCHANGE_SCHEMA_V1.replace('/', '-')}`,
    title: `PCU Workstation exchange payload (${EXCHANGE_SCHEMA_V1})`,
    description:
      'The JSON content of a signed (optionally encrypted) exchange package between customs units: an alert or a seizure notice. See docs/exchange/README.md for the package format and the import checks.',
    ...Object.fromEntries(Object.entries(schema).filter(([key]) => key !== '$schema')),
  };
}

/** The file's text exactly as committed. */
export const exchangeJsonSchemaText = (): string => `${JSON.stringify(exchangeJsonSchema(), null, 2)}\n`;
