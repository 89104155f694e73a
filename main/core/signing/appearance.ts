/**
 * The visible signature block: officer, role, unit, date and time (24 h with
 * the UTC offset) and the certificate's SHA-256 fingerprint. The block is set
 * in an embedded DejaVu Sans subset (appearance-form.ts), so names in Cyrillic
 * and the Tajik, Kazakh, Uzbek and Kyrgyz letters appear as written.
 *
 * The signature dictionary's own strings (/Name, /Reason, /Location, written
 * by @signpdf/placeholder-plain as PDF literal strings in PDFDocEncoding) still
 * go through latinForAppearance: there a name is transliterated, never garbled.
 *
 * The block's words come from the caller (`labels`, from the report's language
 * catalogue): the signing layer imports no i18n, so a Russian report gets a
 * Russian block without this module knowing Russian.
 */
import { transliterateCyrillic } from '../../../shared/domain/transliterate';

/** The block's fixed words, in the document's language. */
export interface AppearanceLabels {
  /** The first line, the name already in it: 'Digitally signed by Jane Doe'. */
  signedBy: string;
  /** Before the time: 'Date'. */
  date: string;
  /** Before the fingerprint: 'Certificate SHA-256'. */
  certificate: string;
}

export interface SignatureAppearance {
  name: string;
  role: string;
  unit: string;
  signedAt: Date;
  /** IANA zone for the printed time, e.g. 'Asia/Dushanbe'; default UTC. */
  timeZone?: string;
  /** Default: English (a PDF signed outside a report, e.g. in the tests). */
  labels?: AppearanceLabels;
}

const englishLabels = (name: string): AppearanceLabels => ({ signedBy: `Digitally signed by ${name}`, date: 'Date', certificate: 'Certificate SHA-256' });

/** Characters a PDF literal string in PDFDocEncoding shows as is: printable ASCII and Latin-1. */
const isWinAnsiSafe = (text: string): boolean => /^[\x20-\x7e\u00a0-\u00ff]*$/.test(text);

/** Latin as is; anything else through the Cyrillic transliteration, then non-ASCII leftovers as '?'. */
export function latinForAppearance(text: string): string {
  if (isWinAnsiSafe(text)) return text;
  // Letter by letter, so capitals stay capitals (Ҷаҳонгир → Jahongir).
  return [...text]
    .map((ch) => {
      if (isWinAnsiSafe(ch)) return ch;
      const latin = transliterateCyrillic(ch);
      const cased = ch !== ch.toLowerCase() ? latin.charAt(0).toUpperCase() + latin.slice(1) : latin;
      return [...cased].map((c) => (isWinAnsiSafe(c) ? c : '?')).join('');
    })
    .join('');
}

/** 2026-03-01 15:05 UTC+05:00 — 24-hour clock, explicit offset. */
export function formatSigningTime(at: Date, timeZone = 'UTC'): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'longOffset',
  }).formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '';
  const offset = part('timeZoneName').replace('GMT', 'UTC') || 'UTC';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')} ${offset === 'UTC' ? 'UTC+00:00' : offset}`;
}

export function appearanceLines(appearance: SignatureAppearance, fingerprint: string): string[] {
  const hex = fingerprint.replace(/:/g, '').toUpperCase();
  const labels = appearance.labels ?? englishLabels(appearance.name);
  return [
    labels.signedBy,
    `${appearance.role}, ${appearance.unit}`,
    `${labels.date}: ${formatSigningTime(appearance.signedAt, appearance.timeZone)}`,
    `${labels.certificate}:`,
    hex.slice(0, 32),
    hex.slice(32),
  ];
}
