import { createHash } from 'node:crypto';
import type { Viewer } from '../auth/viewer.ts';
import { MAX_STAY_NIGHTS } from '../properties/property.limits.ts';
import { daysBetween } from '../shared/dates.ts';
import type { Canceller } from './refund.rules.ts';

/** Why a stay breaks the listing's rules (SPEC §4 "Booking a stay"); the dates themselves are the database's. */
export type StayRefusal = 'START_IN_PAST' | 'STAY_TOO_SHORT' | 'STAY_TOO_LONG' | 'TOO_MANY_GUESTS';

export interface StayRequest {
  startDate: string;
  endDate: string;
  guests: number;
}

export interface StayLimits {
  minNights: number;
  maxNights: number;
  maxGuests: number;
}

/**
 * The first rule the stay breaks, or null: start ≥ today in the listing's time zone; min_nights ≤ nights ≤
 * max_nights and ≤ MAX_STAY_NIGHTS; 1 ≤ guests ≤ max_guests.
 */
export function stayRefusal(stay: StayRequest, limits: StayLimits, today: string): StayRefusal | null {
  if (stay.startDate < today) return 'START_IN_PAST';
  const nights = daysBetween(stay.startDate, stay.endDate);
  if (nights < limits.minNights) return 'STAY_TOO_SHORT';
  if (nights > Math.min(limits.maxNights, MAX_STAY_NIGHTS)) return 'STAY_TOO_LONG';
  if (stay.guests < 1 || stay.guests > limits.maxGuests) return 'TOO_MANY_GUESTS';
  return null;
}

export const stayRefusalMessages: Record<StayRefusal, string> = {
  START_IN_PAST: "the stay starts before today in the listing's time zone",
  STAY_TOO_SHORT: 'the stay is shorter than this listing allows',
  STAY_TOO_LONG: 'the stay is longer than this listing allows',
  TOO_MANY_GUESTS: 'this listing does not take that many guests',
};

export interface CreateRequest extends StayRequest {
  propertyId: string;
  paymentMethod: string;
  paymentToken: string;
}

/**
 * The fingerprint of a create request without its idempotency key: a replay with the same key must carry
 * the same input (SPEC §4). Fields in a fixed order, so the hash does not depend on how a client orders them.
 */
export function requestHash(input: CreateRequest): string {
  const canonical = JSON.stringify([
    input.propertyId,
    input.startDate,
    input.endDate,
    input.guests,
    input.paymentMethod,
    input.paymentToken,
  ]);
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}

export interface BookingParties {
  guestId: string;
  hostId: string;
}

/** How the viewer relates to a booking; `null` means they may not even see it (NOT_FOUND). */
export type BookingRole = Canceller;

export function roleIn(viewer: Viewer, parties: BookingParties): BookingRole | null {
  if (viewer.userId === parties.guestId) return 'guest';
  if (viewer.userId === parties.hostId) return 'host';
  if (viewer.role === 'admin') return 'admin';
  return null;
}

/** SPEC §4 refunds count days from today in the listing's time zone to check-in. */
export const daysBeforeStart = (startDate: string, today: string) => daysBetween(today, startDate);
