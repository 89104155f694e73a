/**
 * Gaps in the chain of custody: a seized item or sample that nobody is
 * recorded as handing over for a long time is exactly what defence counsel
 * asks about. The threshold is the unit's standing rule of thumb (items are
 * booked into the evidence room within a day); it is a constant rather than a
 * setting so every case file is judged by the same measure.
 */
export const CUSTODY_GAP_HOURS = 24;

export interface CustodyLink {
  readonly id: number;
  /** `seizure:<id>` or `sample:<id>`: the item handed over. */
  readonly item: string;
  readonly handedOverAt: string;
  /** Voided, or corrected by a later entry that counts: not part of the chain any more. */
  readonly replaced: boolean;
}

/**
 * Hours since the previous hand-over of the same item, per entry, when above
 * the threshold; null otherwise (the first hand-over of an item, entries no
 * longer part of the chain, short intervals). Rounded to a tenth of an hour.
 */
export function custodyGaps(entries: readonly CustodyLink[], thresholdHours = CUSTODY_GAP_HOURS): Map<number, number | null> {
  const gaps = new Map<number, number | null>(entries.map((entry) => [entry.id, null]));
  const chains = new Map<string, CustodyLink[]>();
  for (const entry of entries) {
    if (entry.replaced) continue;
    chains.set(entry.item, [...(chains.get(entry.item) ?? []), entry]);
  }
  for (const chain of chains.values()) {
    const ordered = [...chain].sort((a, b) => Date.parse(a.handedOverAt) - Date.parse(b.handedOverAt) || a.id - b.id);
    ordered.forEach((entry, index) => {
      const previous = ordered[index - 1];
      if (!previous) return;
      const hours = (Date.parse(entry.handedOverAt) - Date.parse(previous.handedOverAt)) / 3_600_000;
      if (hours > thresholdHours) gaps.set(entry.id, Math.round(hours * 10) / 10);
    });
  }
  return gaps;
}
