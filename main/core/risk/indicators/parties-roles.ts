import { z } from 'zod';
import { defineIndicator, foldedParty, namedParty } from './line-facts';

/** Notify cells that say "the consignee" instead of naming it (folded). */
const SAME_AS_CONSIGNEE: ReadonlySet<string> = new Set([
  'same as consignee',
  'same as cnee',
  'as consignee',
  'same',
  'идентично грузополучателю',
  'то же что грузополучатель',
  'как грузополучатель',
  'грузополучатель',
]);

/**
 * The consignee is also the notify party: nobody else (no bank, broker or
 * forwarder) is involved in the delivery. Common for small importers, so a
 * low weight; it matters in combination.
 */
export const consigneeIsNotify = defineIndicator({
  id: 'parties.consignee-is-notify',
  category: 'parties',
  defaultWeight: 3,
  params: z.strictObject({}),
  defaultParams: {},
  evaluate(line, { reference }) {
    const consignee = namedParty(line.consignee, reference.lookups);
    const notify = line.notify;
    if (!consignee || notify === null) return null;
    const same = (notify.key !== '' && notify.key === consignee.key) || SAME_AS_CONSIGNEE.has(foldedParty(notify).name.join(' '));
    return same ? { consignee: consignee.name, notify: notify.name } : null;
  },
});

/** The consignee ships to itself: no seller can be asked about the goods. */
export const consigneeIsShipper = defineIndicator({
  id: 'parties.consignee-is-shipper',
  category: 'parties',
  defaultWeight: 5,
  params: z.strictObject({}),
  defaultParams: {},
  evaluate(line, { reference }) {
    const consignee = namedParty(line.consignee, reference.lookups);
    const shipper = namedParty(line.shipper, reference.lookups);
    if (!consignee || !shipper || consignee.key !== shipper.key) return null;
    return { consignee: consignee.name, shipper: shipper.name };
  },
});
