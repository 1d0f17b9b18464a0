/**
 * Plain UTC calendar arithmetic for the demo data. Stay dates are 'YYYY-MM-DD' strings (SPEC §3); the
 * only Dates here are UTC instants built from them, never local time.
 */
const DAY_MS = 86_400_000;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

function utcMidnight(date: string): number {
  const match = DATE_PATTERN.exec(date);
  if (!match) throw new RangeError(`expected a 'YYYY-MM-DD' date, got '${date}'`);
  const [, year, month, day] = match;
  const ms = Date.UTC(Number(year), Number(month) - 1, Number(day));
  // Date.UTC rolls 2027-02-30 over to March; a real calendar date survives the round trip.
  if (new Date(ms).toISOString().slice(0, 10) !== date)
    throw new RangeError(`'${date}' is not a calendar date`);
  return ms;
}

/** Checks that `date` is a real 'YYYY-MM-DD' calendar date and returns it. */
export function parseDate(date: string): string {
  utcMidnight(date);
  return date;
}

/** The UTC calendar date of an instant. */
export function utcDateOf(instant: Date): string {
  return instant.toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return utcDateOf(new Date(utcMidnight(date) + days * DAY_MS));
}

/** Nights between two dates: end − start. */
export function daysBetween(start: string, end: string): number {
  return Math.round((utcMidnight(end) - utcMidnight(start)) / DAY_MS);
}

/** The instant `date` at `time` ('HH:MM') UTC. */
export function atUtc(date: string, time: string): Date {
  return new Date(`${parseDate(date)}T${time}:00.000Z`);
}

export function addMinutes(instant: Date, minutes: number): Date {
  return new Date(instant.getTime() + minutes * 60_000);
}
