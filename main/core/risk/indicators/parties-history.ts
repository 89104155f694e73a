import { z } from 'zod';
import { defineIndicator, hsChapterOf, namedParty } from './line-facts';

/**
 * A consignee the unit has never seen: new importers are a known vehicle for
 * one-off smuggling ("burner" companies). Placeholders and blanks are left to
 * their own indicators.
 */
export const firstTimeConsignee = defineIndicator({
  id: 'parties.first-time-consignee',
  category: 'parties',
  defaultWeight: 10,
  params: z.strictObject({
    /** Earlier shipments up to which a consignee still counts as new. */
    maxEarlierShipments: z.number().int().min(0).max(100),
  }),
  defaultParams: { maxEarlierShipments: 0 },
  evaluate(line, { reference, history }, params) {
    const consignee = namedParty(line.consignee, reference.lookups);
    if (!consignee) return null;
    const earlier = history.consigneeShipments(consignee.key);
    return earlier <= params.maxEarlierShipments ? { consignee: consignee.name, earlier } : null;
  },
});

/**
 * A known consignee receiving from a shipper it never dealt with: a
 * trusted importer's name is worth borrowing. Silent for a first-time
 * consignee (that indicator already says it).
 */
export const newShipperConsigneePair = defineIndicator({
  id: 'parties.new-shipper-consignee-pair',
  category: 'parties',
  defaultWeight: 5,
  params: z.strictObject({}),
  defaultParams: {},
  evaluate(line, { reference, history }) {
    const consignee = namedParty(line.consignee, reference.lookups);
    const shipper = namedParty(line.shipper, reference.lookups);
    if (!consignee || !shipper || history.consigneeShipments(consignee.key) === 0) return null;
    return history.pairShipments(shipper.key, consignee.key) === 0 ? { shipper: shipper.name, consignee: consignee.name } : null;
  },
});

/**
 * Goods outside the consignee's usual trade: a tile importer suddenly
 * receiving frozen shrimp. Needs enough history to know the usual trade.
 */
export const unusualChapterForConsignee = defineIndicator({
  id: 'parties.unusual-chapter-for-consignee',
  category: 'parties',
  defaultWeight: 10,
  params: z.strictObject({
    /** Earlier lines with an HS code needed before the consignee's trade counts as known. */
    minEarlierShipments: z.number().int().min(1).max(1000),
  }),
  defaultParams: { minEarlierShipments: 5 },
  evaluate(line, { reference, history }, params) {
    const chapter = hsChapterOf(line);
    const consignee = namedParty(line.consignee, reference.lookups);
    if (chapter === null || !consignee) return null;
    const chapters = history.consigneeChapters(consignee.key);
    let earlier = 0;
    for (const count of chapters.values()) earlier += count;
    if (earlier < params.minEarlierShipments || (chapters.get(chapter) ?? 0) > 0) return null;
    const usual = [...chapters]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, 3)
      .map(([each]) => each);
    return { consignee: consignee.name, chapter, usual, earlier };
  },
});
