import { z } from 'zod';
import { defineIndicator, hsChapterOf, roundKg } from './line-facts';

/** Percent by which a weight may leave the table's range before the indicator fires. */
const tolerancePercent = z.number().min(0).max(100);

const outside = (value: number, min: number, max: number, tolerance: number) =>
  value < min * (1 - tolerance / 100) || value > max * (1 + tolerance / 100);

/**
 * Kilograms per package outside what the HS chapter's goods weigh: 400 kg
 * "cartons of toys", or 2 kg "bags of cement". Either the packages are not
 * what the description says, or something else is in them.
 */
export const packageWeightOutOfRange = defineIndicator({
  id: 'weight.package-weight-out-of-range',
  category: 'weight',
  defaultWeight: 10,
  params: z.strictObject({ tolerancePercent }),
  defaultParams: { tolerancePercent: 0 },
  evaluate(line, { reference }, params) {
    const chapter = hsChapterOf(line);
    const { packages, grossWeightKg } = line;
    if (chapter === null || packages === null || packages <= 0 || grossWeightKg === null || grossWeightKg <= 0) return null;
    const range = reference.lookups.weightRanges.get(chapter);
    if (!range) return null;
    const kgPerPackage = grossWeightKg / packages;
    if (!outside(kgPerPackage, range.minKgPerPackage, range.maxKgPerPackage, params.tolerancePercent)) return null;
    return { chapter, kgPerPackage: roundKg(kgPerPackage), packages, min: range.minKgPerPackage, max: range.maxKgPerPackage };
  },
});

/**
 * A container far heavier or lighter than a load of the chapter's goods can
 * be: furniture at 24 t, tiles at 3 t. Heavier is judged on this line's
 * weight alone (the rest of the container only adds to it); lighter needs
 * the container's total, so a house B/L in a groupage box without call
 * totals is never called light.
 */
export const containerWeightOutOfRange = defineIndicator({
  id: 'weight.container-weight-out-of-range',
  category: 'weight',
  defaultWeight: 10,
  params: z.strictObject({ tolerancePercent }),
  defaultParams: { tolerancePercent: 0 },
  evaluate(line, { reference, call }, params) {
    const chapter = hsChapterOf(line);
    if (chapter === null || line.containerNumber === null || line.grossWeightKg === null || line.grossWeightKg <= 0) return null;
    const range = reference.lookups.weightRanges.get(chapter);
    if (!range) return null;
    const tolerance = params.tolerancePercent / 100;
    const container = line.containerNumber;
    const evidence = (weight: number) => ({ container, chapter, weight: roundKg(weight), min: range.minKgPerContainer, max: range.maxKgPerContainer });
    if (line.grossWeightKg > range.maxKgPerContainer * (1 + tolerance)) return evidence(line.grossWeightKg);
    const total = call.containerGrossKg?.get(container) ?? (line.masterBl === null ? line.grossWeightKg : null);
    if (total !== null && total < range.minKgPerContainer * (1 - tolerance)) return evidence(total);
    if (total !== null && total > range.maxKgPerContainer * (1 + tolerance)) return evidence(total);
    return null;
  },
});

