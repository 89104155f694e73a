import { type ServiceCharacters } from './service-string';

/** One EDIFACT segment with its release characters resolved. */
export interface Segment {
  /** The segment tag, e.g. "LOC" (the first component of the tag element). */
  readonly tag: string;
  /** The data elements after the tag; each is its list of component values. */
  readonly elements: readonly (readonly string[])[];
  /**
   * 1-based position in the interchange, counting UNB as 1. The UNA service
   * string advice is optional and is not a segment that UNT or UNZ count, so
   * leaving it out keeps the numbers the same whether a sender adds it or not.
   */
  readonly position: number;
  /** False for a last segment the data ends inside: a sign of truncation. */
  readonly terminated: boolean;
}

/**
 * Splits decoded interchange text (after any UNA) into segments.
 *
 * - The release character makes the next character data (ISO 9735: "?+",
 *   "?:", "?'", "??"); a release character as the very last character leaves
 *   the segment unterminated.
 * - Line breaks are not part of the syntax: the character repertoires forbid
 *   CR and LF in data, so they are dropped wherever they are. That accepts
 *   one segment per line, and old mailbox systems that wrap at 80 columns in
 *   the middle of a value. Unless CR or LF is itself a service character.
 * - Spaces and other control bytes between segments (after a terminator,
 *   before the next tag) are layout, e.g. trailing blanks or NUL padding.
 */
export function lexSegments(text: string, chars: ServiceCharacters): Segment[] {
  const segments: Segment[] = [];
  const service = new Set([chars.component, chars.element, chars.terminator, chars.release ?? '']);
  let elements: string[][] = [];
  let components: string[] = [];
  let value = '';
  let inSegment = false;

  const endSegment = (terminated: boolean) => {
    components.push(value);
    elements.push(components);
    const [tagElement = [], ...data] = elements;
    // A terminator with nothing before it is no segment (a blank line when
    // the terminator is a line break): it is neither counted nor reported.
    const empty = data.length === 0 && tagElement.length === 1 && (tagElement[0] ?? '').trim() === '';
    if (!empty) segments.push({ tag: (tagElement[0] ?? '').trim(), elements: data, position: segments.length + 1, terminated });
    elements = [];
    components = [];
    value = '';
    inSegment = false;
  };

  // Runs of ordinary characters are copied in one slice; only the service
  // characters and line breaks are looked at one by one.
  const special = new RegExp(`[${[...service, '\r', '\n'].filter((char) => char !== '').map(escapeForClass).join('')}]`, 'g');
  let i = 0;
  while (i < text.length) {
    const char = text.charAt(i);
    if (!inSegment) {
      if (char <= ' ' && !service.has(char)) {
        i++;
        continue;
      }
      inSegment = true;
    }
    special.lastIndex = i;
    const next = special.exec(text);
    const at = next ? next.index : text.length;
    value += text.slice(i, at);
    if (!next) break;
    const mark = next[0];
    i = at + 1;
    if (mark === chars.release) {
      // A line break right after the release character is a wrapped line:
      // the released character is the next real one.
      while (i < text.length && isLineBreak(text.charAt(i)) && !service.has(text.charAt(i))) i++;
      if (i >= text.length) break;
      value += text.charAt(i);
      i++;
    } else if (mark === chars.terminator) {
      endSegment(true);
    } else if (mark === chars.element) {
      components.push(value);
      elements.push(components);
      components = [];
      value = '';
    } else if (mark === chars.component) {
      components.push(value);
      value = '';
    }
    // Any other mark is a line break inside a segment: dropped.
  }
  if (inSegment) endSegment(false);
  return segments;
}

function escapeForClass(char: string): string {
  return /[\\\]^-]/.test(char) ? `\\${char}` : char;
}

function isLineBreak(char: string): boolean {
  return char === '\r' || char === '\n';
}
