import { describe, expect, it } from 'vitest';
import { bookingStatuses } from '../../../src/domain/bookings/booking.types.ts';
import {
  type BookingEvent,
  type BookingStatus,
  canTransition,
  effectiveStatus,
  holdsDates,
  initialStatus,
  transition,
  transitionAt,
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
const statuses: readonly BookingStatus[] = bookingStatuses;
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

describe('the status a booking has at a given moment', () => {
  const now = new Date('2031-03-02T12:00:00Z');
  const before = new Date(now.getTime() - 1);
  const after = new Date(now.getTime() + 1);

  it('is expired for a request whose expires_at has come, though its row still says requested', () => {
    expect(effectiveStatus({ status: 'requested', expires_at: now }, now)).toBe('expired');
    expect(effectiveStatus({ status: 'requested', expires_at: before }, now)).toBe('expired');
  });

  it('is what the row says for a request not yet due, or any other booking', () => {
    expect(effectiveStatus({ status: 'requested', expires_at: after }, now)).toBe('requested');
    expect(effectiveStatus({ status: 'requested', expires_at: null }, now)).toBe('requested');
    for (const status of statuses.filter((s) => s !== 'requested')) {
      expect(effectiveStatus({ status, expires_at: before }, now)).toBe(status);
    }
  });

  it('refuses accept, decline and cancel of an overdue request with INVALID_TRANSITION', () => {
    for (const event of ['accept', 'decline', 'cancel'] as const) {
      expect(() => transitionAt({ status: 'requested', expires_at: now }, event, now)).toThrow(
        expect.objectContaining({ reason: 'INVALID_TRANSITION', message: 'this request has expired' }),
      );
      expect(transitionAt({ status: 'requested', expires_at: after }, event, now)).toBe(
        transition('requested', event),
      );
    }
  });

  it('moves every other booking as the status machine does', () => {
    expect(transitionAt({ status: 'confirmed', expires_at: null }, 'cancel', now)).toBe('canceled');
    expect(() => transitionAt({ status: 'confirmed', expires_at: null }, 'accept', now)).toThrow(
      ConflictError,
    );
  });
});
