import { describe, expect, it } from 'vitest';
import {
  atLocalHour,
  isReviewWindowOpen,
  lastReviewDay,
  reviewReminderJobKey,
  reviewReminderRunAt,
} from '../../../src/domain/reviews/review.rules.ts';

describe('the review window (SPEC §4: within 14 days after the end date)', () => {
  it.each([
    ['2031-06-01', true],
    ['2031-06-02', true],
    ['2031-06-15', true],
    ['2031-06-16', false],
    ['2031-07-01', false],
  ])('for a stay ending 2031-06-01, is open on %s: %s', (today, open) => {
    expect(isReviewWindowOpen('2031-06-01', today)).toBe(open);
  });

  it('counts calendar days across a month and a year end', () => {
    expect(lastReviewDay('2031-12-25')).toBe('2032-01-08');
    expect(isReviewWindowOpen('2031-12-25', '2032-01-08')).toBe(true);
    expect(isReviewWindowOpen('2031-12-25', '2032-01-09')).toBe(false);
    expect(lastReviewDay('2032-02-20')).toBe('2032-03-05');
  });
});

describe('the review reminder timer', () => {
  it('keys one reminder per booking', () => {
    expect(reviewReminderJobKey('b1')).toBe('booking:b1:review-reminder');
  });

  it.each([
    ['Europe/Lisbon', '2031-07-10', '2031-07-11T09:00:00.000Z'],
    ['Europe/Lisbon', '2031-01-10', '2031-01-11T10:00:00.000Z'],
    ['Pacific/Auckland', '2031-06-01', '2031-06-01T22:00:00.000Z'],
    ['America/New_York', '2031-03-09', '2031-03-10T14:00:00.000Z'],
    ['America/New_York', '2031-03-08', '2031-03-09T14:00:00.000Z'],
    ['Asia/Kolkata', '2031-05-01', '2031-05-02T04:30:00.000Z'],
    ['UTC', '2031-05-01', '2031-05-02T10:00:00.000Z'],
  ])('in %s, for a stay ending %s, runs at 10:00 local the next morning (%s)', (zone, endDate, instant) => {
    expect(reviewReminderRunAt(endDate, zone).toISOString()).toBe(instant);
  });

  it('finds the local hour on the day daylight saving time ends', () => {
    // 2 November 2031: New York falls back at 02:00 EDT; 10:00 that day is EST (UTC−5).
    expect(atLocalHour('2031-11-02', 10, 'America/New_York').toISOString()).toBe('2031-11-02T15:00:00.000Z');
    expect(atLocalHour('2031-11-01', 10, 'America/New_York').toISOString()).toBe('2031-11-01T14:00:00.000Z');
  });
});
