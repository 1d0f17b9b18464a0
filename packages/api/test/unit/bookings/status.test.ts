import { describe, expect, it } from 'vitest';
import {
  type BookingEvent,
  type BookingStatus,
  canTransition,
  holdsDates,
  initialStatus,
  transition,
} from '../../../src/domain/bookings/booking-status.rules.ts';
import { ConflictError } from '../../../src/domain/errors.ts';

const allowed: [BookingStatus, BookingEvent, BookingStatus][] = [
  ['requested', 'accept', 'pending'],
  ['requested', 'decline', 'declined'],
  ['requested', 'expire', 'expired'],
  ['pending', 'charge_succeeded', 'confirmed'],
  ['pending', 'charge_failed', 'canceled'],
  ['requested', 'cancel', 'canceled'],
  ['pending', 'cancel', 'canceled'],
  ['confirmed', 'cancel', 'canceled'],
  ['confirmed', 'complete', 'completed'],
];
const statuses: BookingStatus[] = [
  'requested',
  'pending',
  'confirmed',
  'declined',
  'expired',
  'canceled',
  'completed',
];
const events: BookingEvent[] = [
  'accept',
  'decline',
  'expire',
  'charge_succeeded',
  'charge_failed',
  'cancel',
  'complete',
];

describe('the booking status machine', () => {
  it.each(allowed)('moves %s on %s to %s', (from, event, to) => {
    expect(transition(from, event)).toBe(to);
  });

  it('refuses every other transition with INVALID_TRANSITION', () => {
    let refused = 0;
    for (const from of statuses) {
      for (const event of events) {
        if (allowed.some(([f, e]) => f === from && e === event)) continue;
        expect(canTransition(from, event)).toBe(false);
        expect(() => transition(from, event)).toThrow(ConflictError);
        refused++;
      }
    }
    expect(refused).toBe(statuses.length * events.length - allowed.length);
  });

  it('starts instant bookings pending and requests requested', () => {
    expect(initialStatus(true)).toBe('pending');
    expect(initialStatus(false)).toBe('requested');
  });

  it('holds dates only while a booking is alive or done', () => {
    expect(statuses.filter(holdsDates)).toEqual(['requested', 'pending', 'confirmed', 'completed']);
  });
});
