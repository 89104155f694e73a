import { z } from 'zod';
import { defineIndicator, foldedDescription, hsChapterOf } from './line-facts';

/** No HS code: the risk engine (and the officer) cannot check the goods against the tables. */
export const hsMissing = defineIndicator({
  id: 'goods.hs-missing',
  category: 'goods',
  defaultWeight: 5,
  params: z.strictObject({}),
  defaultParams: {},
  evaluate(line) {
    return line.hsCode === null ? { description: line.goodsDescription } : null;
  },
});

/**
 * The HS chapter fits none of the goods the description names ("BANANAS"
 * under chapter 44). Several keywords widen the expectation: "coffee
 * machine" accepts chapter 84 through "machine"… and through "coffee", whose
 * list already includes machines. Classification disputes are not the point;
 * a code chosen to dodge the cover-load rules is.
 */
export const hsDescriptionMismatch = defineIndicator({
  id: 'goods.hs-description-mismatch',
  category: 'goods',
  defaultWeight: 15,
  params: z.strictObject({}),
  defaultParams: {},
  evaluate(line, { reference }) {
    const chapter = hsChapterOf(line);
    if (chapter === null) return null;
    const hits = reference.lookups.descriptionChapters.find(foldedDescription(line));
    if (hits.length === 0 || hits.some((hit) => hit.value.chapters.has(chapter))) return null;
    const expected = new Set<string>();
    for (const hit of hits) for (const each of hit.value.chapters) expected.add(each);
    return {
      hs: line.hsCode ?? chapter,
      chapter,
      keywords: [...new Set(hits.map((hit) => hit.matched))],
      expected: [...expected].sort(),
    };
  },
});
