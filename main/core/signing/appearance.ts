/**
 * The visible signature block: officer, role, unit, date and time (24 h with
 * the UTC offset) and the certificate's SHA-256 fingerprint, drawn in an
 * appearance stream with the standard Helvetica font (WinAnsiEncoding).
 *
 * Hazard: a standard-14 font has no Cyrillic glyphs. Names in Cyrillic (Russian,
 * Tajik…) are shown TRANSLITERATED in this block (transliterateCyrillic); the
 * report body, with embedded fonts, carries the name in its own script, and the
 * certificate's subject does too. Embedding a font subset here is the upgrade.
 */
import { transliterateCyrillic } from '../../../shared/domain/transliterate';

export interface SignatureAppearance {
  name: string;
  role: string;
  unit: string;
  signedAt: Date;
  /** IANA zone for the printed time, e.g. 'Asia/Dushanbe'; default UTC. */
  timeZone?: string;
}

/** Characters Helvetica/WinAnsi can show directly: printable ASCII and Latin-1. */
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

const escapePdfString = (text: string): string => text.replace(/[\\()]/g, (ch) => `\\${ch}`);

export interface AppearanceLines {
  lines: string[];
}

export function appearanceLines(appearance: SignatureAppearance, fingerprint: string): string[] {
  const hex = fingerprint.replace(/:/g, '').toUpperCase();
  return [
    `Digitally signed by ${latinForAppearance(appearance.name)}`,
    `${latinForAppearance(appearance.role)}, ${latinForAppearance(appearance.unit)}`,
    `Date: ${formatSigningTime(appearance.signedAt, appearance.timeZone)}`,
    'Certificate SHA-256:',
    hex.slice(0, 32),
    hex.slice(32),
  ];
}

/** Content stream of the form XObject for a box of `width` × `height` points. */
export function appearanceStream(lines: readonly string[], width: number, height: number): string {
  const fontSize = Math.max(5, Math.min(8, (height - 8) / (lines.length * 1.25)));
  const leading = fontSize * 1.25;
  const ops = [
    'q',
    '0.35 0.35 0.35 RG 0.6 w',
    `0.5 0.5 ${(width - 1).toFixed(2)} ${(height - 1).toFixed(2)} re S`,
    'BT',
    `/Helv ${fontSize.toFixed(2)} Tf`,
    `${leading.toFixed(2)} TL`,
    '0 0 0 rg',
    `4 ${(height - 4 - fontSize).toFixed(2)} Td`,
    ...lines.map((line, i) => `${i === 0 ? '' : 'T* '}(${escapePdfString(line)}) Tj`),
    'ET',
    'Q',
  ];
  return ops.join('\n');
}
