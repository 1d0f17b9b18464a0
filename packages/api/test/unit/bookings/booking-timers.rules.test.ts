import { describe, expect, it } from 'vitest';
import {
  payoutReleaseDate,
  requestExpiresAt,
  startOfDayIn,
} from '../../../src/domain/bookings/booking-timers.rules.ts';
import { todayIn } from '../../../src/domain/shared/dates.ts';

describe('startOfDayIn', () => {
  it.each([
    ['2031-01-15', 'Europe/Lisbon', '2031-01-15T00:00:00.000Z'],
    ['2031-07-15', 'Europe/Lisbon', '2031-07-14T23:00:00.000Z'],
    ['2031-07-15', 'America/New_York', '2031-07-15T04:00:00.000Z'],
    ['2031-07-15', 'Asia/Tokyo', '2031-07-14T15:00:00.000Z'],
    ['2031-07-15', 'Pacific/Kiritimati', '2031-07-14T10:00:00.000Z'],
    ['2031-07-15', 'Asia/Kolkata', '2031-07-14T18:30:00.000Z'],
    // The days the clocks change in Lisbon (30 March, 26 October 2031) still begin at local midnight.
    ['2031-03-30', 'Europe/Lisbon', '2031-03-30T00:00:00.000Z'],
    ['2031-10-26', 'Europe/Lisbon', '2031-10-25T23:00:00.000Z'],
  ])('%s begins in %s at %s', (date, zone, instant) => {
    expect(startOfDayIn(date, zone).toISOString()).toBe(instant);
  });

  it('is the first instant at which todayIn turns to that date', () => {
    for (const zone of ['Europe/Lisbon', 'America/Los_Angeles', 'Australia/Sydney', 'America/Santiago']) {
      for (const date of ['2031-01-01', '2031-04-06', '2031-09-07', '2031-11-02']) {
        const start = startOfDayIn(date, zone);
        expect(todayIn(zone, start)).toBe(date);
        expect(todayIn(zone, new Date(start.getTime() - 1))).not.toBe(date);
      }
    }
  });
});

describe('timer dates', () => {
  it('expires a request 24 hours after it was made', () => {
    expect(requestExpiresAt(new Date('2031-03-01T12:00:00Z'))).toEqual(new Date('2031-03-02T12:00:00Z'));
  });

  it('releases a payout the day after check-in, across a month end', () => {
    expect(payoutReleaseDate('2031-01-31')).toBe('2031-02-01');
  });
});
