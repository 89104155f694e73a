import { z } from 'zod';
import { defineIndicator } from './line-facts';

/**
 * The container number fails the ISO 6346 check digit: usually a typing
 * slip, but also what a cloned or invented container number looks like.
 */
export const containerCheckDigit = defineIndicator({
  id: 'equipment.container-check-digit',
  category: 'equipment',
  defaultWeight: 10,
  params: z.strictObject({}),
  defaultParams: {},
  evaluate(line) {
    return line.containerCheckDigitOk === false && line.containerNumber !== null ? { container: line.containerNumber } : null;
  },
});

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The container was in an earlier seizure, or a partner unit sent an alert
 * about it. Containers are modified for concealment (false floors, walls)
 * and the modification travels with them.
 */
export const containerFlagged = defineIndicator({
  id: 'equipment.container-flagged',
  category: 'equipment',
  defaultWeight: 30,
  params: z.strictObject({
    /** Flags older than this, as of the line's receipt, no longer count. */
    maxAgeDays: z.number().int().min(1).max(36_500),
    kinds: z.array(z.enum(['seizure', 'alert'])).min(1).max(2),
  }),
  defaultParams: { maxAgeDays: 1_095, kinds: ['seizure', 'alert'] },
  evaluate(line, { history }, params) {
    if (line.containerNumber === null) return null;
    const received = Date.parse(line.receivedAt);
    const flags = history.containerFlags(line.containerNumber).filter((flag) => {
      if (!params.kinds.includes(flag.kind)) return false;
      const at = Date.parse(flag.at);
      // A flag with an unreadable date still counts: losing an alert is worse than a stale one.
      return Number.isNaN(at) || Number.isNaN(received) || received - at <= params.maxAgeDays * DAY_MS;
    });
    if (flags.length === 0) return null;
    return {
      container: line.containerNumber,
      references: flags.map((flag) => flag.reference),
      kinds: [...new Set(flags.map((flag) => flag.kind))],
    };
  },
});
