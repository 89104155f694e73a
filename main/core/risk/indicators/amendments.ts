import { z } from 'zod';
import type { LineAmendment, RiskLine } from '../types';
import { defineIndicator } from './line-facts';
import { foldText } from './text-match';

const HOUR_MS = 60 * 60 * 1000;

const params = z.strictObject({
  /** Hours after the call was first received from which a change counts as late. */
  lateAfterHours: z.number().min(0).max(24 * 60),
});
const defaultParams = { lateAfterHours: 24 };

/**
 * The latest real change of one of the fields at least `lateAfterHours`
 * after first receipt. A change of spelling only ("Ltd" → "LTD.") is not a
 * change: the folded texts must differ.
 */
function lateChange(line: RiskLine, fields: readonly string[], lateAfterHours: number) {
  let latest: { amendment: LineAmendment; hours: number } | null = null;
  for (const amendment of line.amendments) {
    if (!fields.includes(amendment.field) || foldText(amendment.before) === foldText(amendment.after)) continue;
    const hours = (Date.parse(amendment.receivedAt) - Date.parse(amendment.firstReceivedAt)) / HOUR_MS;
    if (Number.isNaN(hours) || hours < lateAfterHours) continue;
    if (latest === null || hours > latest.hours) latest = { amendment, hours };
  }
  if (latest === null) return null;
  const { amendment, hours } = latest;
  return { field: amendment.field, before: amendment.before, after: amendment.after, hours: Math.round(hours * 10) / 10 };
}

/**
 * The consignee changed after the manifest was first lodged: the classic
 * move after a container slipped through loading unnoticed, or when the
 * first receiver got cold feet.
 */
export const lateConsigneeChange = defineIndicator({
  id: 'amendments.late-consignee-change',
  category: 'amendments',
  defaultWeight: 20,
  params,
  defaultParams,
  evaluate: (line, _context, { lateAfterHours }) => lateChange(line, ['consignee'], lateAfterHours),
});

/** The goods description changed late: the declared goods are being adjusted to what an inspection might find. */
export const lateDescriptionChange = defineIndicator({
  id: 'amendments.late-description-change',
  category: 'amendments',
  defaultWeight: 15,
  params,
  defaultParams,
  evaluate: (line, _context, { lateAfterHours }) => lateChange(line, ['goodsDescription'], lateAfterHours),
});

/** A port or place of delivery changed late: a re-routing after departure (diversion, or a risky origin hidden). */
export const latePortChange = defineIndicator({
  id: 'amendments.late-port-change',
  category: 'amendments',
  defaultWeight: 15,
  params,
  defaultParams,
  evaluate: (line, _context, { lateAfterHours }) => lateChange(line, ['portOfLoading', 'portOfDischarge', 'placeOfDelivery'], lateAfterHours),
});
