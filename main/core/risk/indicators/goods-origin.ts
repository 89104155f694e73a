import { z } from 'zod';
import { countryOf, defineIndicator } from './line-facts';

/**
 * A climate-bound commodity "of" a country that does not grow it: bananas
 * of origin Poland. Either a laundered origin or a description that does
 * not match the box. Without a stated origin the departure country stands
 * in (optional: re-exporting hubs make that noisier).
 */
export const commodityNotProducedInOrigin = defineIndicator({
  id: 'goods.commodity-not-produced-in-origin',
  category: 'goods',
  defaultWeight: 10,
  params: z.strictObject({ useDepartureCountry: z.boolean() }),
  defaultParams: { useDepartureCountry: false },
  evaluate(line, { reference }, params) {
    if (line.hsCode === null) return null;
    const listed = reference.lookups.commodityProducers.first(line.hsCode);
    if (!listed) return null;
    const departure = line.placeOfReceipt ?? line.portOfLoading;
    const country = line.originCountry ?? (params.useDepartureCountry && departure ? countryOf(departure) : null);
    if (country === null || listed.producers.has(country)) return null;
    return { hs: line.hsCode, commodity: listed.entry.commodity, country, basis: line.originCountry ? 'origin' : 'departure' };
  },
});
