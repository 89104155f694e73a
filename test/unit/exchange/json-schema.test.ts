import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exchangeJsonSchema, exchangeJsonSchemaText } from '../../../shared/exchange/json-schema';

const committed = path.join(import.meta.dirname, '..', '..', '..', 'docs', 'exchange', 'pcu-exchange-1.schema.json');

describe('the published JSON Schema of the exchange payload', () => {
  it('is the one generated from shared/exchange/payload.ts (run `npm run exchange:schema` after changing the payload)', () => {
    expect(readFileSync(committed, 'utf8')).toBe(exchangeJsonSchemaText());
  });

  it('describes both kinds and the envelope partners must fill in', () => {
    const schema = exchangeJsonSchema() as { $id: string; oneOf: { properties: Record<string, { const?: string }>; required: string[] }[] };
    expect(schema.$id).toBe('urn:pcu-workstation:exchange:pcu-exchange-1');
    expect(schema.oneOf.map((branch) => branch.properties.kind?.const)).toEqual(['alert', 'seizure-notice']);
    for (const branch of schema.oneOf) {
      expect(branch.required).toEqual(expect.arrayContaining(['schema', 'packageId', 'createdAt', 'sender', 'sentBy', 'recipients', 'kind']));
      expect(branch.properties.schema?.const).toBe('pcu-exchange/1');
    }
  });
});
