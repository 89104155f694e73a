import { z } from 'zod';
import { defineIndicator } from './line-facts';
import { hasContent } from './text-match';

/**
 * The vessel's IMO number fails its check digit: a typing slip, or a vessel
 * hiding its identity (IMO numbers survive renaming and reflagging, which
 * is why sanctions and watch lists key on them).
 */
export const imoCheckDigit = defineIndicator({
  id: 'equipment.imo-check-digit',
  category: 'equipment',
  defaultWeight: 10,
  params: z.strictObject({}),
  defaultParams: {},
  evaluate(line) {
    const { imo, imoCheckDigitOk, name } = line.vessel;
    return imoCheckDigitOk === false && imo !== null ? { imo, vessel: name ?? '' } : null;
  },
});

/** A sea manifest without the vessel's IMO number: the vessel cannot be checked against watch lists. */
export const imoMissing = defineIndicator({
  id: 'equipment.imo-missing',
  category: 'equipment',
  defaultWeight: 5,
  params: z.strictObject({}),
  defaultParams: {},
  evaluate(line) {
    if (line.mode !== 'sea' || hasContent(line.vessel.imo)) return null;
    return { vessel: line.vessel.name ?? '' };
  },
});
