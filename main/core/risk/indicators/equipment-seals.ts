import { z } from 'zod';
import { defineIndicator, isEmptyContainerLine } from './line-facts';
import { hasContent } from './text-match';

const modes = z.array(z.enum(['sea', 'air', 'rail', 'road'])).min(1).max(4);

/**
 * A loaded container without a declared seal: nothing shows whether it was
 * opened on the way. Empty containers often travel unsealed and are left out.
 */
export const sealMissing = defineIndicator({
  id: 'equipment.seal-missing',
  category: 'equipment',
  defaultWeight: 5,
  params: z.strictObject({ modes }),
  defaultParams: { modes: ['sea', 'rail'] },
  evaluate(line, { reference }, params) {
    if (line.containerNumber === null || !params.modes.includes(line.mode)) return null;
    if (line.seals.some((seal) => hasContent(seal))) return null;
    return isEmptyContainerLine(line, reference.lookups) ? null : { container: line.containerNumber };
  },
});

/**
 * One seal number on two different containers of the call: one of them
 * carries a copy, or the manifest was made up. (B/Ls sharing one container
 * share its seal; the call facts count containers, not lines.)
 */
export const sealDuplicated = defineIndicator({
  id: 'equipment.seal-duplicated',
  category: 'equipment',
  defaultWeight: 15,
  params: z.strictObject({}),
  defaultParams: {},
  evaluate(line, { call }) {
    let count = 0;
    const seals: string[] = [];
    for (const seal of line.seals) {
      const holders = call.sealCounts.get(seal) ?? 0;
      if (holders > 1 && !seals.includes(seal)) {
        seals.push(seal);
        count = Math.max(count, holders);
      }
    }
    return seals.length > 0 ? { seals, count, container: line.containerNumber ?? '' } : null;
  },
});
