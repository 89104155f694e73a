import { z } from 'zod';
import { defineIndicator, foldedDescription, meaningfulWords } from './line-facts';

/** No goods description at all: "", "-", "…". The manifest does not say what is in the box. */
export const descriptionMissing = defineIndicator({
  id: 'goods.description-missing',
  category: 'goods',
  defaultWeight: 15,
  params: z.strictObject({}),
  defaultParams: {},
  evaluate(line) {
    return foldedDescription(line).length === 0 ? { description: line.goodsDescription } : null;
  },
});

/**
 * A description that names no goods, in the spirit of the EU ICS2 list of
 * unacceptable descriptions: only vague words ("general cargo", "запчасти"),
 * packaging, quantities and B/L clauses. "Spare parts for Toyota engines"
 * names goods and stays silent.
 */
export const vagueDescription = defineIndicator({
  id: 'goods.vague-description',
  category: 'goods',
  defaultWeight: 10,
  params: z.strictObject({
    /** How many other words may remain and the description still count as vague. */
    maxOtherWords: z.number().int().min(0).max(5),
  }),
  defaultParams: { maxOtherWords: 0 },
  evaluate(line, { reference }, params) {
    const folded = foldedDescription(line);
    if (folded.length === 0) return null;
    const { vagueWords, descriptionNoise } = reference.lookups;
    const rest = meaningfulWords(descriptionNoise.strip(folded));
    if (rest.length > params.maxOtherWords) return null;
    return { description: line.goodsDescription, phrases: outermost(vagueWords.find(folded).map((hit) => hit.matched)) };
  },
});

/** The matched phrases without those inside a longer one: "general cargo", not also "cargo". */
function outermost(phrases: readonly string[]): string[] {
  const unique = [...new Set(phrases)];
  return unique.filter((phrase) => !unique.some((other) => other !== phrase && ` ${other} `.includes(` ${phrase} `)));
}
