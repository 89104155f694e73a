/**
 * Times as an officer writes them beside a container: a 24-hour wall clock
 * ("2026-03-02 14:30") in a named IANA time zone. They cross IPC as UTC
 * instants plus the zone, so a record reads in the local time it was taken
 * and still sorts correctly. Pure; no DOM.
 */
const pad = (value: number) => String(value).padStart(2, '0');

/** The zone this workstation runs in, e.g. Asia/Dushanbe. */
export function officerTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

export function isTimeZone(zone: string): boolean {
  if (zone.trim() === '') return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Every zone the runtime knows, for a pick list; empty where the runtime cannot list them. */
export function knownTimeZones(): readonly string[] {
  const intl = Intl as typeof Intl & { supportedValuesOf?: (key: 'timeZone') => string[] };
  return intl.supportedValuesOf ? intl.supportedValuesOf('timeZone') : [];
}

interface WallParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
}

function partsIn(date: Date, timeZone: string): WallParts {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(date);
  const value = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((part) => part.type === type)?.value ?? '0');
  return { year: value('year'), month: value('month'), day: value('day'), hour: value('hour'), minute: value('minute') };
}

/** "2026-03-02 14:30": the instant on the wall clock of `timeZone` (24-hour, year first in every language). */
export function wallClock(instant: Date | string, timeZone: string): string {
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  if (Number.isNaN(date.getTime())) return typeof instant === 'string' ? instant : '';
  const zone = isTimeZone(timeZone) ? timeZone : officerTimeZone();
  const p = partsIn(date, zone);
  return `${p.year}-${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)}`;
}

/** Reads "YYYY-MM-DD HH:MM" (a T instead of the space, or single-digit hours, also do); null when it is no real date and time. */
export function parseWallClock(text: string): WallParts | null {
  const match = /^\s*(\d{4})-(\d{1,2})-(\d{1,2})[ T]+(\d{1,2}):(\d{2})\s*$/.exec(text);
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [number, number, number, number, number];
  if (hour > 23 || minute > 59 || month < 1 || month > 12) return null;
  // Day 31 of April rolls over in Date.UTC: compare back to refuse it.
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCDate() !== day || check.getUTCMonth() !== month - 1) return null;
  return { year, month, day, hour, minute };
}

function offsetMs(utcMs: number, timeZone: string): number {
  const p = partsIn(new Date(utcMs), timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute);
  return asUtc - Math.floor(utcMs / 60_000) * 60_000;
}

/**
 * The UTC instant (ISO 8601) of a wall-clock time in `timeZone`, or null when
 * the text is no valid time or the zone is unknown. Around a DST change the
 * offset is taken again at the first guess, which settles it.
 */
export function wallToInstant(text: string, timeZone: string): string | null {
  const parts = parseWallClock(text);
  if (!parts || !isTimeZone(timeZone)) return null;
  const guess = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute);
  let instant = guess - offsetMs(guess, timeZone);
  const second = offsetMs(instant, timeZone);
  instant = guess - second;
  return new Date(instant).toISOString();
}

/** Now on the officer's wall clock, to the minute. */
export function nowWallClock(timeZone: string, now: Date = new Date()): string {
  return wallClock(now, timeZone);
}

/** A recorded time in its own zone, with the zone named when it is not this workstation's. */
export function zonedText(iso: string, timeZone: string | null | undefined): string {
  const zone = timeZone && isTimeZone(timeZone) ? timeZone : officerTimeZone();
  const text = wallClock(iso, zone);
  return zone === officerTimeZone() ? text : `${text} (${zone})`;
}
