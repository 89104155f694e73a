/**
 * A case's timeline: what happened (records, at the time they happened) and
 * who did what in the application (audit entries, at the time they were
 * made), in one list. An examination recorded a day late shows twice, at the
 * examination and at its recording, which is what a reviewer needs to see.
 */
export interface TimelineEntry {
  readonly at: string;
  /** 'record' (something that happened) or 'audit' (a change made in the application). */
  readonly kind: 'record' | 'audit';
  /** The record kind (examination, seizure, custody, note, attachment) or the audit action (examination.recorded…). */
  readonly summary: string;
  readonly by: string | null;
  readonly recordId: number | null;
  readonly details?: Record<string, unknown>;
}

/** Oldest first; at the same instant, what happened before the entry that recorded it. */
export function mergeTimeline(records: readonly TimelineEntry[], audit: readonly TimelineEntry[]): TimelineEntry[] {
  const rank = (entry: TimelineEntry) => (entry.kind === 'record' ? 0 : 1);
  return [...records, ...audit]
    .map((entry, index) => ({ entry, index, time: Date.parse(entry.at) }))
    .sort((a, b) => a.time - b.time || rank(a.entry) - rank(b.entry) || a.index - b.index)
    .map(({ entry }) => entry);
}
