import { z } from 'zod';
import { containerWeightKg, defineIndicator, isEmptyContainerLine, reeferEquipment, roundKg } from './line-facts';

/**
 * More weight in the container than its type can carry: either the weight
 * or the container type is false, and both matter (a false type hides a
 * modified container; a false weight hides goods).
 */
export const overMaxPayload = defineIndicator({
  id: 'weight.over-max-payload',
  category: 'weight',
  defaultWeight: 15,
  params: z.strictObject({ tolerancePercent: z.number().min(0).max(50) }),
  defaultParams: { tolerancePercent: 0 },
  evaluate(line, { reference, call }, params) {
    if (line.containerNumber === null || line.containerType === null) return null;
    const type = line.containerType.trim().toUpperCase();
    const payload = reference.lookups.containerPayloads.first(type);
    const weight = containerWeightKg(line, call);
    if (!payload || weight === null) return null;
    const limit = Math.round(payload.maxPayloadKg * (1 + params.tolerancePercent / 100));
    return weight > limit ? { container: line.containerNumber, type, weight: roundKg(weight), limit } : null;
  },
});

/**
 * Declared empty, yet heavier than the empty box itself (its tare, which
 * some manifests state as the gross weight of an empty) plus a margin.
 * Empty containers get the least attention of all, which is why they are used.
 */
export const heavyEmptyContainer = defineIndicator({
  id: 'weight.heavy-empty-container',
  category: 'weight',
  defaultWeight: 25,
  params: z.strictObject({
    /** Allowed above the type's tare (dunnage, residues, a heavier-than-typical unit). */
    marginKg: z.number().min(0).max(10_000),
    /** The limit when the container type is unknown: heavier than any empty standard unit. */
    unknownTypeLimitKg: z.number().min(0).max(30_000),
  }),
  defaultParams: { marginKg: 500, unknownTypeLimitKg: 5_500 },
  evaluate(line, { reference }, params) {
    if (line.containerNumber === null || line.grossWeightKg === null) return null;
    if (!isEmptyContainerLine(line, reference.lookups)) return null;
    const type = line.containerType?.trim().toUpperCase() ?? null;
    const payload = type ? reference.lookups.containerPayloads.first(type) : undefined;
    const limit = payload ? payload.tareKg + params.marginKg : params.unknownTypeLimitKg;
    return line.grossWeightKg > limit ? { container: line.containerNumber, weight: roundKg(line.grossWeightKg), limit } : null;
  },
});

/**
 * A reefer carrying goods that never need cold: the machinery space and the
 * insulated walls are known hiding places. Low weight by default: carriers
 * also send non-operating reefers dry on back-hauls.
 */
export const reeferForDryGoods = defineIndicator({
  id: 'weight.reefer-for-dry-goods',
  category: 'weight',
  defaultWeight: 5,
  params: z.strictObject({}),
  defaultParams: {},
  evaluate(line, { reference }) {
    if (line.hsCode === null || reeferEquipment(line) !== true) return null;
    const goods = reference.lookups.reeferGoods.first(line.hsCode);
    if (goods?.reefer !== 'unneeded') return null;
    return { container: line.containerNumber ?? '', hs: line.hsCode, goods: goods.goods };
  },
});

/** Perishables in a dry box: they would rot, so the description is probably not what is inside. */
export const perishablesWithoutReefer = defineIndicator({
  id: 'weight.perishables-without-reefer',
  category: 'weight',
  defaultWeight: 15,
  params: z.strictObject({}),
  defaultParams: {},
  evaluate(line, { reference }) {
    if (line.hsCode === null || reeferEquipment(line) !== false) return null;
    const goods = reference.lookups.reeferGoods.first(line.hsCode);
    if (goods?.reefer !== 'required') return null;
    return { container: line.containerNumber ?? '', hs: line.hsCode, goods: goods.goods };
  },
});
