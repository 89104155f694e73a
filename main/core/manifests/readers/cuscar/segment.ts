import { type Segment } from './lexer';

/**
 * Reads component `index` of data element `element` (both 0-based, counting
 * data elements after the tag: position 010 of a segment table is element 0).
 * Absent and empty are the same in EDIFACT; surrounding blanks are padding.
 */
export function component(segment: Segment, element: number, index = 0): string {
  return (segment.elements[element]?.[index] ?? '').trim();
}

/** All components of data element `element`, trimmed. */
export function components(segment: Segment, element: number): string[] {
  return (segment.elements[element] ?? []).map((value) => value.trim());
}

/** Non-empty parts joined by `separator`, or undefined when nothing is left. */
export function joinText(parts: readonly (string | undefined)[], separator = ' '): string | undefined {
  const kept = parts.map((part) => part?.trim() ?? '').filter((part) => part !== '');
  return kept.length > 0 ? kept.join(separator) : undefined;
}

/** The segment tag syntax: three upper-case letters (ISO 9735 an3, letters in every directory). */
export function isWellFormedTag(tag: string): boolean {
  return /^[A-Z]{3}$/.test(tag);
}

/** Drops absent fields, so a line or header holds only what the file said. */
export function withoutUndefined<T extends object>(value: T): T {
  // Only undefined-valued keys are removed, which every optional field allows.
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}
