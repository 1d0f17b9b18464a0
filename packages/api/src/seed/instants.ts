/**
 * The seeds' timestamps: instants built from a stay-calendar day ('YYYY-MM-DD', SPEC §3) at a UTC wall
 * time, never local time. Calendar-day arithmetic itself is the domain's (domain/shared/dates.ts).
 */
import { isIsoDate } from '../domain/shared/dates.ts';

/** The instant `date` at `time` ('HH:MM') UTC. */
export function atUtc(date: string, time: string): Date {
  if (!isIsoDate(date)) throw new RangeError(`not a calendar date: ${date}`);
  return new Date(`${date}T${time}:00.000Z`);
}

export function addMinutes(instant: Date, minutes: number): Date {
  return new Date(instant.getTime() + minutes * 60_000);
}
