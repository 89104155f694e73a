import { type Problem } from '../../../../../shared/domain/manifest';
import { type Segment } from './lexer';
import { component } from './segment';

/** What the UNB says about the interchange (the `syntax` of the read result). */
export interface InterchangeSyntax {
  /** S001/0001, e.g. "UNOE". */
  readonly identifier: string;
  /** S001/0002, e.g. "3". */
  readonly version: string;
  /** S002/0004 interchange sender identification. */
  readonly sender: string;
  /** S003/0010 interchange recipient identification. */
  readonly recipient: string;
  /** 0020 interchange control reference (repeated in UNZ). */
  readonly controlRef: string;
}

/** One UNH..UNT message of the interchange. */
export interface EdifactMessage {
  readonly header: Segment;
  /** UNH S009/0065, e.g. "CUSCAR". */
  readonly type: string;
  /** S009/0052 and 0054, e.g. "D" and "96B". */
  readonly version: string;
  readonly release: string;
  /** The segments between UNH and UNT. */
  readonly body: readonly Segment[];
}

export interface Interchange {
  readonly syntax: InterchangeSyntax;
  readonly messages: readonly EdifactMessage[];
  readonly problems: readonly Problem[];
  /** UNZ was reached: the sender's data is all here. */
  readonly complete: boolean;
}

interface OpenMessage {
  readonly header: Segment;
  readonly body: Segment[];
}

/** Reads the UNB S001..0020 elements. */
export function readSyntax(unb: Segment): InterchangeSyntax {
  return {
    identifier: component(unb, 0, 0).toUpperCase(),
    version: component(unb, 0, 1),
    sender: component(unb, 1, 0),
    recipient: component(unb, 2, 0),
    controlRef: component(unb, 4, 0),
  };
}

/**
 * Splits the interchange into messages and checks its envelope (ISO 9735):
 * UNT 0074 must count the message's segments from UNH to UNT inclusive and
 * 0062 repeat the UNH reference; UNZ 0036 must count the messages (or the
 * functional groups, when UNG is used) and 0020 repeat the UNB reference.
 *
 * An unterminated last segment is where the data was cut: it is dropped
 * (half a container number is worse than none), except an unterminated UNZ,
 * which is only a missing final apostrophe.
 */
export function readInterchange(unb: Segment, rest: readonly Segment[]): Interchange {
  const syntax = readSyntax(unb);
  const problems: Problem[] = [];
  const messages: EdifactMessage[] = [];
  let open: OpenMessage | null = null;
  let messageCount = 0;
  let groupCount = 0;
  let complete = false;
  let cutAt: number | null = null;

  const close = (message: OpenMessage) => {
    const s009 = message.header;
    messages.push({
      header: s009,
      type: component(s009, 1, 0).toUpperCase(),
      version: component(s009, 1, 1),
      release: component(s009, 1, 2),
      body: message.body,
    });
  };

  for (const segment of rest) {
    if (complete) {
      problems.push({ code: 'SEGMENT_UNKNOWN', segment: segment.position, params: { tag: segment.tag, after: 'UNZ' } });
      break;
    }
    if (!segment.terminated && segment.tag !== 'UNZ') {
      cutAt = segment.position;
      break;
    }
    switch (segment.tag) {
      case 'UNH':
        if (open) {
          problems.push({ code: 'INTERCHANGE_TRUNCATED', segment: segment.position, params: { missing: 'UNT' } });
          close(open);
        }
        open = { header: segment, body: [] };
        messageCount++;
        break;
      case 'UNT':
        if (!open) {
          problems.push({ code: 'SEGMENT_MALFORMED', segment: segment.position, params: { tag: 'UNT', reason: 'no UNH' } });
          break;
        }
        checkCount(problems, segment, 'UNT', component(segment, 0), open.body.length + 2);
        checkReference(problems, segment, 'UNT', component(segment, 1), component(open.header, 0));
        close(open);
        open = null;
        break;
      case 'UNZ':
        if (open) {
          problems.push({ code: 'INTERCHANGE_TRUNCATED', segment: segment.position, params: { missing: 'UNT' } });
          close(open);
          open = null;
        }
        checkCount(problems, segment, 'UNZ', component(segment, 0), groupCount > 0 ? groupCount : messageCount);
        checkReference(problems, segment, 'UNZ', component(segment, 1), syntax.controlRef);
        complete = true;
        break;
      case 'UNG':
        groupCount++;
        break;
      case 'UNE':
        break;
      default:
        if (open) open.body.push(segment);
        else problems.push({ code: 'SEGMENT_UNKNOWN', segment: segment.position, params: { tag: segment.tag, outside: 'UNH' } });
    }
  }

  if (!complete) {
    const last = cutAt ?? rest.at(-1)?.position ?? unb.position;
    problems.push({ code: 'INTERCHANGE_TRUNCATED', segment: last, params: { missing: open ? 'UNT, UNZ' : 'UNZ' } });
  }
  if (open) close(open);
  return { syntax, messages, problems, complete };
}

function checkCount(problems: Problem[], segment: Segment, tag: string, stated: string, counted: number) {
  if (!/^\d+$/.test(stated)) {
    problems.push({ code: 'SEGMENT_MALFORMED', segment: segment.position, params: { tag, element: tag === 'UNT' ? '0074' : '0036' } });
  } else if (Number(stated) !== counted) {
    problems.push({ code: 'CONTROL_COUNT_MISMATCH', segment: segment.position, params: { tag, stated, counted } });
  }
}

function checkReference(problems: Problem[], segment: Segment, tag: string, stated: string, expected: string) {
  if (stated !== expected) {
    problems.push({
      code: 'CONTROL_COUNT_MISMATCH',
      segment: segment.position,
      params: { tag, element: tag === 'UNT' ? '0062' : '0020', stated, expected },
    });
  }
}
