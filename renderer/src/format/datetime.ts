/**
 * Times as officers write them in registers: local time, 24-hour clock, the
 * same in every UI language (year-month-day cannot be misread as US or
 * European order).
 */
const pad = (value: number) => String(value).padStart(2, '0');

export function formatLocalDateTime(iso: string, precision: 'minutes' | 'seconds' = 'minutes'): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const day = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  const time = `${pad(date.getHours())}:${pad(date.getMinutes())}`;
  return precision === 'seconds' ? `${day} ${time}:${pad(date.getSeconds())}` : `${day} ${time}`;
}

/** `2026-03-02` (a date input's value) → the ISO instant of local midnight starting that day. */
export function localDayStart(day: string): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return undefined;
  return new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3])).toISOString();
}

/** The ISO instant of local midnight after `day`: an inclusive "to" date as an exclusive bound. */
export function localDayEnd(day: string): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return undefined;
  return new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + 1).toISOString();
}
