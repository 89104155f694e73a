import { z } from 'zod';
import { countryOf, defineIndicator, destinationCountry } from './line-facts';

/**
 * Goods of a dual-use heading going to a destination under sanctions or
 * known for diversion. Most goods under these headings are not controlled;
 * the combination is what justifies asking for the licence or end-user
 * certificate.
 */
export const dualUseDestination = defineIndicator({
  id: 'goods.dual-use-destination',
  category: 'goods',
  defaultWeight: 20,
  params: z.strictObject({}),
  defaultParams: {},
  evaluate(line, { reference }) {
    if (line.hsCode === null) return null;
    const goods = reference.lookups.dualUseGoods.first(line.hsCode);
    if (!goods) return null;
    const { sensitiveDestinations } = reference.lookups;
    const candidates = [destinationCountry(line), line.consignee?.country ?? null, line.notify?.country ?? null];
    const country = candidates.find((each): each is string => each !== null && sensitiveDestinations.has(each));
    return country ? { hs: line.hsCode, goods: goods.goods, basis: goods.basis, country } : null;
  },
});

/**
 * CITES-listed wildlife and timber headings from a known source country or
 * port (pangolin scales "as" shells from Lagos, rosewood logs from
 * Toamasina).
 */
export const wildlifeFromSource = defineIndicator({
  id: 'goods.wildlife-from-source',
  category: 'goods',
  defaultWeight: 15,
  params: z.strictObject({}),
  defaultParams: {},
  evaluate(line, { reference }) {
    if (line.hsCode === null) return null;
    const goods = reference.lookups.wildlifeGoods.first(line.hsCode);
    if (!goods) return null;
    const { wildlifeSources } = reference.lookups;
    const places: string[] = [];
    if (line.originCountry) places.push(line.originCountry);
    for (const port of [line.placeOfReceipt, line.portOfLoading]) if (port) places.push(port, countryOf(port));
    const place = places.find((each) => wildlifeSources.has(each));
    return place ? { hs: line.hsCode, goods: goods.goods, place } : null;
  },
});
