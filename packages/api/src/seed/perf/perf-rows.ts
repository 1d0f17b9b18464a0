import type {
  Bookings,
  Occupancy,
  Payments,
  Payouts,
  Properties,
  PropertyPhotos,
  PropertyStatus,
  PropertyType,
  Users,
} from '@stayhub/db';
import type { Insertable } from 'kysely';
import { payoutReleaseDate } from '../../domain/bookings/booking-timers.rules.ts';
import { priceSnapshotColumns } from '../../domain/bookings/price-snapshot.columns.ts';
import { flatRates, hostPayoutCents, priceStay } from '../../domain/bookings/pricing.rules.ts';
import { chargeIdempotencyKey } from '../../domain/payments/payment.rules.ts';
import { addDays } from '../../domain/shared/dates.ts';
import { addMinutes, atUtc } from '../instants.ts';
import { type PerfCity, perfCities } from './cities.ts';
import { type Prng, prngFor, uuidFor } from './prng.ts';

/**
 * The rows of the perf data set, one pure function per entity: (plan, index) → rows. Nothing here touches
 * the database, so the same plan always yields the same rows (seed-perf.ts inserts them in batches).
 */
export interface PerfPlan {
  seed: number;
  /** Number of properties. */
  properties: number;
  hosts: number;
  guests: number;
  /** 'YYYY-MM-DD': holds fall within the 365 days from here; listings were created in the 3 years before. */
  today: string;
  /** One stored hash for every perf account (they share a password). */
  passwordHash: string;
}

export function perfPlan(options: {
  scale: number;
  seed: number;
  today: string;
  passwordHash: string;
}): PerfPlan {
  const { scale } = options;
  return {
    seed: options.seed,
    properties: scale,
    // About 50 listings per host and one guest per 20 listings (2,000 hosts and 5,000 guests at 100k).
    hosts: Math.max(1, Math.round(scale / 50)),
    guests: Math.max(1, Math.round(scale / 20)),
    today: options.today,
    passwordHash: options.passwordHash,
  };
}

const pad = (n: number) => String(n).padStart(6, '0');
export const perfHostEmail = (index: number) => `perf-host-${pad(index + 1)}@perf.stayhub.test`;
export const perfGuestEmail = (index: number) => `perf-guest-${pad(index + 1)}@perf.stayhub.test`;
export const perfHostId = (plan: PerfPlan, index: number) => uuidFor(plan.seed, 'host', index);
export const perfGuestId = (plan: PerfPlan, index: number) => uuidFor(plan.seed, 'guest', index);

const FIRST_NAMES = ['Ana', 'Bruno', 'Chloé', 'Dmitri', 'Emeka', 'Fatima', 'Greta', 'Hiro', 'Ines', 'Jonas'];
const LAST_NAMES = [
  'Almeida',
  'Becker',
  'Costa',
  'Dubois',
  'Eriksen',
  'Fujita',
  'García',
  'Haddad',
  'Ivanova',
];

function account(plan: PerfPlan, kind: 'host' | 'guest', index: number): Insertable<Users> {
  const rng = prngFor(plan.seed, kind, index);
  const createdAt = addMinutes(atUtc(addDays(plan.today, -rng.int(400, 1500)), '09:00'), rng.int(0, 600));
  return {
    user_id: kind === 'host' ? perfHostId(plan, index) : perfGuestId(plan, index),
    email: kind === 'host' ? perfHostEmail(index) : perfGuestEmail(index),
    password_hash: plan.passwordHash,
    first_name: rng.pick(FIRST_NAMES),
    last_name: rng.pick(LAST_NAMES),
    role: kind,
    email_verified_at: addMinutes(createdAt, 30),
    created_at: createdAt,
    updated_at: createdAt,
  };
}

export const hostRow = (plan: PerfPlan, index: number) => account(plan, 'host', index);
export const guestRow = (plan: PerfPlan, index: number) => account(plan, 'guest', index);

const TYPES: readonly {
  type: PropertyType;
  weight: number;
  priceFactor: number;
  nouns: readonly string[];
}[] = [
  {
    type: 'apartment',
    weight: 50,
    priceFactor: 1,
    nouns: ['apartment', 'flat', 'loft', 'studio', 'penthouse'],
  },
  { type: 'house', weight: 18, priceFactor: 1.5, nouns: ['house', 'townhouse', 'cottage', 'family home'] },
  { type: 'room', weight: 14, priceFactor: 0.45, nouns: ['room', 'private room', 'guest room'] },
  { type: 'cabin', weight: 5, priceFactor: 1.1, nouns: ['cabin', 'chalet', 'hut'] },
  { type: 'villa', weight: 5, priceFactor: 3, nouns: ['villa', 'estate'] },
  { type: 'other', weight: 8, priceFactor: 0.9, nouns: ['houseboat', 'treehouse', 'tiny house', 'yurt'] },
];

const ADJECTIVES = [
  'Sunny',
  'Cozy',
  'Bright',
  'Quiet',
  'Charming',
  'Modern',
  'Spacious',
  'Stylish',
  'Rustic',
  'Elegant',
  'Airy',
  'Peaceful',
  'Historic',
  'Minimalist',
  'Leafy',
  'Colourful',
  'Secluded',
  'Central',
  'Hidden',
  'Grand',
];
const FEATURES = [
  'with a view',
  'with balcony',
  'with garden',
  'by the park',
  'with roof terrace',
  'with patio',
];
const STREETS = ['Main Street', 'Harbour Road', 'Station Lane', 'Market Square', 'Garden Row', 'Hill Street'];
const CAPTIONS = ['Living room', 'Bedroom', 'Kitchen', 'The view', 'Bathroom', 'Terrace', 'Entrance'];

/** Probability that a listing has each amenity (the catalog of migration 0003). */
const AMENITY_ODDS: readonly (readonly [string, number])[] = [
  ['wifi', 0.95],
  ['kitchen', 0.8],
  ['washer', 0.6],
  ['dryer', 0.35],
  ['air_conditioning', 0.45],
  ['heating', 0.7],
  ['tv', 0.6],
  ['workspace', 0.4],
  ['fireplace', 0.08],
  ['free_parking', 0.3],
  ['ev_charger', 0.05],
  ['pool', 0.1],
  ['hot_tub', 0.07],
  ['gym', 0.08],
  ['beach_access', 0.06],
  ['self_check_in', 0.5],
  ['pets_allowed', 0.2],
  ['crib', 0.15],
  ['smoke_alarm', 0.85],
  ['carbon_monoxide_alarm', 0.6],
  ['first_aid_kit', 0.5],
];

const NOT_LISTED: readonly { status: PropertyStatus; weight: number }[] = [
  { status: 'draft', weight: 4 },
  { status: 'unlisted', weight: 3 },
  { status: 'archived', weight: 2 },
  { status: 'suspended', weight: 1 },
];

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

/** A position near the city: most within a few km of the centre, some out in the suburbs. */
function jitter(rng: Prng, c: PerfCity): { lat: number; lng: number } {
  const spreadDeg = rng.chance(0.85) ? 0.04 : 0.15;
  const lat = clamp(c.lat + rng.normal() * spreadDeg, -89.9, 89.9);
  let lng = c.lng + (rng.normal() * spreadDeg) / Math.cos((c.lat * Math.PI) / 180);
  if (lng > 180) lng -= 360;
  if (lng < -180) lng += 360;
  return { lat: Math.round(lat * 1e6) / 1e6, lng: Math.round(lng * 1e6) / 1e6 };
}

function sizeOf(rng: Prng, type: PropertyType) {
  const bedrooms =
    type === 'room'
      ? 1
      : type === 'villa'
        ? rng.int(3, 7)
        : type === 'house'
          ? rng.int(2, 5)
          : type === 'apartment'
            ? rng.int(0, 3)
            : rng.int(1, 2);
  const beds = Math.max(1, bedrooms + rng.int(0, Math.max(1, bedrooms)));
  const maxGuests = clamp(beds * 2 - rng.int(0, 1), 1, 16);
  const bathrooms = type === 'room' ? 1 : 1 + 0.5 * rng.int(0, Math.max(1, bedrooms));
  return { bedrooms, beds, maxGuests, bathrooms };
}

export interface PerfProperty {
  row: Insertable<Properties> & {
    property_id: string;
    host_id: string;
    price_per_night_cents: number;
    cleaning_fee_cents: number;
    currency: string;
    max_guests: number;
  };
  photos: Insertable<PropertyPhotos>[];
  amenityCodes: string[];
}

export function propertyRows(plan: PerfPlan, index: number): PerfProperty {
  const rng = prngFor(plan.seed, 'property', index);
  const propertyId = uuidFor(plan.seed, 'property', index);
  const c = rng.weighted(perfCities, (item) => item.weight);
  const kind = rng.weighted(TYPES, (item) => item.weight);
  const hood = rng.pick(c.neighbourhoods);
  const adjective = rng.pick(ADJECTIVES);
  const noun = rng.pick(kind.nouns);
  const name = rng.chance(0.5)
    ? `${adjective} ${noun} in ${hood}`
    : rng.chance(0.5)
      ? `${adjective} ${noun} ${rng.pick(FEATURES)}`
      : `${adjective} ${c.name} ${noun}`;
  const size = sizeOf(rng, kind.type);
  const { lat, lng } = jitter(rng, c);
  const nightly =
    c.nightly *
    kind.priceFactor *
    (1 + 0.15 * Math.max(0, size.bedrooms - 1)) *
    Math.exp(0.35 * rng.normal());
  const price = Math.max(100, Math.round(nightly / 100) * 100);
  const cleaning = Math.round((price * rng.int(0, 50)) / 100 / 100) * 100;
  const minNights = rng.weighted(
    [
      [1, 40],
      [2, 30],
      [3, 20],
      [5, 6],
      [7, 4],
    ] as const,
    ([, weight]) => weight,
  )[0];
  const maxNights = Math.max(minNights, rng.pick([14, 28, 30, 60, 90, 180, 365]));
  const status = rng.chance(0.9) ? 'listed' : rng.weighted(NOT_LISTED, (item) => item.weight).status;
  const createdAt = addMinutes(atUtc(addDays(plan.today, -rng.int(2, 1095)), '00:00'), rng.int(0, 1439));
  createdAt.setUTCSeconds(rng.int(0, 59), rng.int(0, 999));
  const rated = status !== 'draft' && rng.chance(0.65);
  const rating = rated ? clamp(5 - Math.abs(rng.normal()) * 0.45 - (rng.chance(0.1) ? 1 : 0), 1, 5) : null;
  const photoCount = rng.int(1, 3);
  const amenityCodes = AMENITY_ODDS.filter(([code, odds]) =>
    rng.chance(code === 'pool' && (kind.type === 'villa' || kind.type === 'house') ? odds * 4 : odds),
  ).map(([code]) => code);
  return {
    row: {
      property_id: propertyId,
      host_id: perfHostId(plan, rng.int(0, plan.hosts - 1)),
      name,
      description: `${adjective} ${noun} in ${hood}, ${c.name}. Sleeps ${size.maxGuests}.`,
      property_type: kind.type,
      address: `${rng.int(1, 250)} ${rng.pick(STREETS)}, ${hood}`,
      city: c.name,
      region: c.region,
      country: c.country,
      lat,
      lng,
      timezone: c.timezone,
      price_per_night_cents: price,
      cleaning_fee_cents: cleaning,
      currency: c.currency,
      max_guests: size.maxGuests,
      bedrooms: size.bedrooms,
      beds: size.beds,
      bathrooms: size.bathrooms,
      min_nights: minNights,
      max_nights: maxNights,
      instant_book: rng.chance(0.45),
      cancellation_policy: rng.weighted(
        [
          ['flexible', 4],
          ['moderate', 4],
          ['strict', 2],
        ] as const,
        ([, weight]) => weight,
      )[0],
      status,
      rating_avg: rating === null ? null : Math.round(rating * 100) / 100,
      review_count: rated ? rng.int(1, 40) + (rng.chance(0.2) ? rng.int(0, 200) : 0) : 0,
      listed_at: status === 'draft' ? null : addMinutes(createdAt, 24 * 60),
      created_at: createdAt,
      updated_at: createdAt,
    },
    photos: Array.from({ length: photoCount }, (_, position) => ({
      photo_id: uuidFor(plan.seed, `photo${position}`, index),
      property_id: propertyId,
      url: `https://img.stayhub.test/perf/${propertyId}/${position}.jpg`,
      caption: rng.pick(CAPTIONS),
      position,
      created_at: createdAt,
    })),
    amenityCodes,
  };
}

export interface PerfHold {
  occupancy: Insertable<Occupancy>;
  /** A third of the holds are confirmed bookings, with their charge and scheduled payout. */
  booking?: { booking: Insertable<Bookings>; charge: Insertable<Payments>; payout: Insertable<Payouts> };
}

/**
 * 0–3 holds of 1–13 nights (7 on average) in the next 365 days. The year is cut into one slot per hold
 * and each hold stays inside its slot, so holds of one property never overlap (the EXCLUDE would refuse).
 */
export function holdRows(plan: PerfPlan, index: number, property: PerfProperty['row']): PerfHold[] {
  const rng = prngFor(plan.seed, 'holds', index);
  const count = rng.int(0, 3);
  if (count === 0) return [];
  const slot = Math.floor(365 / count);
  return Array.from({ length: count }, (_, n) => {
    const nights = rng.int(1, 13);
    const start = addDays(plan.today, n * slot + rng.int(0, slot - nights));
    const end = addDays(start, nights);
    const occupancyId = uuidFor(plan.seed, `hold${n}`, index);
    const createdAt = addMinutes(atUtc(addDays(plan.today, -rng.int(1, 60)), '10:00'), rng.int(0, 600));
    if (!rng.chance(1 / 3)) {
      return {
        occupancy: {
          occupancy_id: occupancyId,
          property_id: property.property_id,
          kind: 'block',
          start_date: start,
          end_date: end,
          note: rng.pick(['Owner stay', 'Maintenance', 'Booked elsewhere']),
          created_at: createdAt,
        },
      };
    }
    const bookingId = uuidFor(plan.seed, `booking${n}`, index);
    const price = priceStay(flatRates(property.price_per_night_cents, property.cleaning_fee_cents), {
      startDate: start,
      endDate: end,
    });
    const confirmedAt = addMinutes(createdAt, 2);
    return {
      occupancy: {
        occupancy_id: occupancyId,
        property_id: property.property_id,
        kind: 'booking',
        booking_id: bookingId,
        start_date: start,
        end_date: end,
        created_at: createdAt,
      },
      booking: {
        booking: {
          booking_id: bookingId,
          property_id: property.property_id,
          user_id: perfGuestId(plan, rng.int(0, plan.guests - 1)),
          start_date: start,
          end_date: end,
          guests: rng.int(1, property.max_guests),
          status: 'confirmed',
          ...priceSnapshotColumns(price),
          currency: property.currency,
          payment_method: 'credit_card',
          payment_token: 'tok_visa',
          idempotency_key: bookingId,
          request_hash: 'perf-seed',
          confirmed_at: confirmedAt,
          created_at: createdAt,
          updated_at: confirmedAt,
        },
        charge: {
          payment_id: uuidFor(plan.seed, `charge${n}`, index),
          booking_id: bookingId,
          kind: 'charge',
          amount_cents: price.totalCents,
          currency: property.currency,
          payment_method: 'credit_card',
          status: 'succeeded',
          provider_reference: `sim_perf_${bookingId.slice(0, 8)}`,
          idempotency_key: chargeIdempotencyKey(bookingId),
          attempts: 1,
          payment_date: confirmedAt,
          created_at: createdAt,
          updated_at: confirmedAt,
        },
        payout: {
          payout_id: uuidFor(plan.seed, `payout${n}`, index),
          host_id: property.host_id,
          booking_id: bookingId,
          amount_cents: hostPayoutCents(price),
          currency: property.currency,
          status: 'scheduled',
          release_date: payoutReleaseDate(start),
          created_at: confirmedAt,
          updated_at: confirmedAt,
        },
      },
    };
  });
}
