import { z } from 'zod';
import { defineIndicator, foldedParty } from './line-facts';
import type { ConsigneePlaceholder } from '../reference';
import { hasContent, type PhraseHit } from './text-match';

/**
 * The consignee is a stand-in, not a party: "TO ORDER", "UNKNOWN",
 * "ЧАСТНОЕ ЛИЦО". Normal for an order B/L under a letter of credit, but the
 * real receiver is then not on the manifest, and that is what smugglers want.
 */
export const consigneePlaceholder = defineIndicator({
  id: 'parties.consignee-placeholder',
  category: 'parties',
  defaultWeight: 10,
  params: z.strictObject({}),
  defaultParams: {},
  evaluate(line, { reference }) {
    const consignee = line.consignee;
    if (consignee === null || !hasContent(consignee.name)) return null;
    // The longest stand-in that matched: "TO THE ORDER OF", not also "TO THE ORDER".
    const hit = reference.lookups.consigneePlaceholders
      .find(foldedParty(consignee).name)
      .reduce<PhraseHit<ConsigneePlaceholder> | null>((best, each) => (best === null || each.matched.length > best.matched.length ? each : best), null);
    return hit ? { consignee: consignee.name, phrase: hit.value.phrase } : null;
  },
});

/** No consignee at all (absent, blank, "-"). */
export const consigneeMissing = defineIndicator({
  id: 'parties.consignee-missing',
  category: 'parties',
  defaultWeight: 15,
  params: z.strictObject({}),
  defaultParams: {},
  evaluate(line) {
    if (line.consignee !== null && hasContent(line.consignee.name)) return null;
    return { bl: line.blNumber ?? '', container: line.containerNumber ?? '' };
  },
});
