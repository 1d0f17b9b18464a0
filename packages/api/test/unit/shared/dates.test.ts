import { describe, expect, it } from 'vitest';
import {
  addDays,
  daysBetween,
  eachDay,
  isIsoDate,
  isTimeZone,
  todayIn,
} from '../../../src/domain/shared/dates.ts';

describe('stay dates', () => {
  it('accepts real calendar days only', () => {
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2026-13-01')).toBe(false);
    expect(isIsoDate('2026-1-01')).toBe(false);
  });

  it('adds days across month, year and DST boundaries', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-29', 1)).toBe('2026-03-30');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('counts nights between two days', () => {
    expect(daysBetween('2026-03-28', '2026-04-02')).toBe(5);
    expect(daysBetween('2026-04-02', '2026-03-28')).toBe(-5);
    expect(eachDay('2026-12-30', '2027-01-02')).toEqual(['2026-12-30', '2026-12-31', '2027-01-01']);
  });

  it('knows what day it is in the property’s time zone', () => {
    const now = new Date('2026-11-23T23:30:00Z');
    expect(todayIn('UTC', now)).toBe('2026-11-23');
    expect(todayIn('Asia/Tokyo', now)).toBe('2026-11-24');
    expect(todayIn('America/Los_Angeles', now)).toBe('2026-11-23');
    expect(todayIn('Pacific/Kiritimati', new Date('2026-11-23T10:00:00Z'))).toBe('2026-11-24');
  });

  it('recognises IANA time zone names', () => {
    expect(isTimeZone('Europe/Lisbon')).toBe(true);
    expect(isTimeZone('Mars/Olympus_Mons')).toBe(false);
  });

  it('refuses to compute with a malformed date', () => {
    expect(() => addDays('2026-02-30', 1)).toThrow(RangeError);
  });
});
