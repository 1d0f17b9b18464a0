import { describe, expect, it } from 'vitest';
import { requestHash, roleIn, stayRefusal } from '../../../src/domain/bookings/booking.rules.ts';
import {
  decodeBookingCursor,
  encodeBookingCursor,
} from '../../../src/domain/bookings/booking-cursor.rules.ts';

const limits = { minNights: 2, maxNights: 7, maxGuests: 4 };
const today = '2031-03-01';

describe('stayRefusal', () => {
  it.each([
    ['2031-03-01', '2031-03-03', 2, null],
    ['2031-02-28', '2031-03-03', 2, 'START_IN_PAST'],
    ['2031-03-01', '2031-03-02', 2, 'STAY_TOO_SHORT'],
    ['2031-03-01', '2031-03-08', 4, null],
    ['2031-03-01', '2031-03-09', 2, 'STAY_TOO_LONG'],
    ['2031-03-01', '2031-03-03', 5, 'TOO_MANY_GUESTS'],
    ['2031-03-01', '2031-03-03', 0, 'TOO_MANY_GUESTS'],
  ] as const)('%s → %s with %i guests: %s', (startDate, endDate, guests, refusal) => {
    expect(stayRefusal({ startDate, endDate, guests }, limits, today)).toBe(refusal);
  });

  it('caps a stay at 365 nights even when the listing allows more', () => {
    const generous = { minNights: 1, maxNights: 1000, maxGuests: 4 };
    expect(stayRefusal({ startDate: today, endDate: '2032-02-29', guests: 1 }, generous, today)).toBeNull();
    expect(stayRefusal({ startDate: today, endDate: '2032-03-01', guests: 1 }, generous, today)).toBe(
      'STAY_TOO_LONG',
    );
  });

  it('checks the start first: a past stay that is also too long is START_IN_PAST', () => {
    expect(stayRefusal({ startDate: '2031-01-01', endDate: '2031-06-01', guests: 9 }, limits, today)).toBe(
      'START_IN_PAST',
    );
  });
});

describe('requestHash', () => {
  const input = {
    propertyId: '6f1c7d59-4a55-4c44-9d0c-0a3f2b6a1e11',
    startDate: '2031-04-01',
    endDate: '2031-04-04',
    guests: 2,
    paymentMethod: 'credit_card',
    paymentToken: 'tok_visa',
  };

  it('is the same for the same input, whatever else the request carries', () => {
    const withKey = { ...input, idempotencyKey: 'first-try' };
    const otherKey = { ...input, idempotencyKey: 'second-try' };
    expect(requestHash(withKey)).toBe(requestHash(otherKey));
    expect(requestHash(withKey)).toBe(requestHash(input));
    expect(requestHash(input)).toMatch(/^[0-9a-f]{64}$/);
  });

  it.each(['propertyId', 'startDate', 'endDate', 'guests', 'paymentMethod', 'paymentToken'] as const)(
    'changes when %s changes',
    (field) => {
      const changed = { ...input, [field]: field === 'guests' ? 3 : `${input[field]}x` };
      expect(requestHash(changed)).not.toBe(requestHash(input));
    },
  );
});

describe('roleIn', () => {
  const parties = { guestId: 'g', hostId: 'h' };
  const viewer = (userId: string, role: 'guest' | 'host' | 'admin' = 'guest') => ({
    userId,
    role,
    sessionId: 's',
  });

  it('names the guest, the host, an admin, and nobody else', () => {
    expect(roleIn(viewer('g'), parties)).toBe('guest');
    expect(roleIn(viewer('h', 'host'), parties)).toBe('host');
    expect(roleIn(viewer('a', 'admin'), parties)).toBe('admin');
    expect(roleIn(viewer('x', 'host'), parties)).toBeNull();
  });

  it('treats an admin who made the booking as its guest', () => {
    expect(roleIn(viewer('g', 'admin'), parties)).toBe('guest');
  });
});

describe('booking cursors', () => {
  it('round-trip, and refuse anything a page did not hand out', () => {
    const cursor = { startDate: '2031-04-01', bookingId: '6f1c7d59-4a55-4c44-9d0c-0a3f2b6a1e11' };
    expect(decodeBookingCursor(encodeBookingCursor(cursor))).toEqual(cursor);
    expect(decodeBookingCursor('not a cursor')).toBeUndefined();
    expect(
      decodeBookingCursor(
        Buffer.from(JSON.stringify({ s: '2031-02-30', b: cursor.bookingId })).toString('base64url'),
      ),
    ).toBeUndefined();
  });
});
