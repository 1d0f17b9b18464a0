/**
 * Stay dates are calendar days written 'YYYY-MM-DD' (SPEC §3): they never pass through a JS Date in local
 * time. Arithmetic here works on UTC midnights, which have no DST, so a day is always 86 400 000 ms.
 */
const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar day in 'YYYY-MM-DD' form (rejects 2026-02-30). */
export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [, y, m, d] = match;
  const time = Date.UTC(Number(y), Number(m) - 1, Number(d));
  return new Date(time).toISOString().slice(0, 10) === value;
}

const MICROSECOND_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T(\d{2}):(\d{2}):(\d{2})\.\d{6}Z$/;

/**
 * A real instant as Postgres prints a UTC timestamptz with microseconds ('2031-04-01T09:00:00.123456Z'),
 * the form keyset cursors carry. The shape alone is not enough: Feb 30, hour 24 or year 0000 would reach
 * Postgres and fail there (22008), so the day must be a calendar day and the time a time of day.
 */
export function isMicrosecondTimestamp(value: string): boolean {
  const match = MICROSECOND_TIMESTAMP.exec(value);
  if (!match || !isIsoDate(value.slice(0, 10))) return false;
  const [, hours, minutes, seconds] = match;
  return Number(hours) < 24 && Number(minutes) < 60 && Number(seconds) < 60;
}

function toUtcMs(date: string): number {
  if (!isIsoDate(date)) throw new RangeError(`not a calendar date: ${date}`);
  return Date.parse(`${date}T00:00:00Z`);
}

const fromUtcMs = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function addDays(date: string, days: number): string {
  return fromUtcMs(toUtcMs(date) + days * DAY_MS);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). Nights of a stay: daysBetween(start, end). */
export function daysBetween(from: string, to: string): number {
  return Math.round((toUtcMs(to) - toUtcMs(from)) / DAY_MS);
}

/** One formatter per time zone: building an Intl.DateTimeFormat is costly, and "today" is asked on hot paths. */
const dayFormats = new Map<string, Intl.DateTimeFormat>();

function dayFormatIn(timeZone: string): Intl.DateTimeFormat {
  let format = dayFormats.get(timeZone);
  if (!format) {
    // en-CA writes dates as 'YYYY-MM-DD'; the parts are joined explicitly all the same.
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    dayFormats.set(timeZone, format);
  }
  return format;
}

/** The calendar day it is at `now` in an IANA time zone — a property's "today" (SPEC §4). */
export function todayIn(timeZone: string, now: Date | number): string {
  const parts = dayFormatIn(timeZone).formatToParts(now);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** Whether an IANA time zone name is known to this runtime. */
export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** Every day in [from, to) — the nights of a stay, the days of a calendar page. */
export function eachDay(from: string, to: string): string[] {
  const count = Math.max(0, daysBetween(from, to));
  return Array.from({ length: count }, (_, i) => addDays(from, i));
}
