import type { DB } from '@stayhub/db';
import { inTransaction } from '@stayhub/db';
import { type Kysely, sql } from 'kysely';
import { hashPassword } from '../domain/auth/password.ts';
import { isIsoDate, todayIn } from '../domain/shared/dates.ts';
import { seedBookings } from './demo-bookings.ts';
import { seedMessages } from './demo-messages.ts';
import { seedProperties } from './demo-properties.ts';
import { seedReviews } from './demo-reviews.ts';
import { seedUsers } from './demo-users.ts';
import { atUtc } from './instants.ts';

export interface SeedOptions {
  /** Default: the app's argon2id (`hashPassword`); tests pass a cheap stand-in. */
  hashPassword?: (password: string) => Promise<string>;
  /** 'YYYY-MM-DD' the demo calendar is laid out around; default: today in UTC. */
  today?: string;
  onProgress?: (step: SeedStep) => void;
}

export type SeedStep = 'users' | 'properties' | 'bookings' | 'reviews' | 'messages';

/** Rows inserted by this run (all 0 when the demo data is already there). */
export interface SeedSummary {
  users: number;
  properties: number;
  bookings: number;
  reviews: number;
  messages: number;
}

/** Serializes concurrent seeders (the start command and `db:seed` at once): any fixed bigint will do. */
const SEED_LOCK_KEY = '7277093450185134080';

/**
 * Seeds the small, deterministic demo data set (SPEC §2): users with known logins, listings across six
 * currencies, bookings in every live state with their payments, payouts, holds, reviews and a
 * conversation. Every row has a fixed id, so a re-run inserts nothing and fails on nothing; one
 * transaction, so a failure leaves nothing half-seeded.
 */
export async function seedDemo(db: Kysely<DB>, options: SeedOptions = {}): Promise<SeedSummary> {
  const wallClock = new Date();
  const today = options.today ?? todayIn('UTC', wallClock);
  if (!isIsoDate(today)) throw new RangeError(`not a calendar date: ${today}`);
  // "Just now" for the rows that were (a pending payment, a fresh request that expires in 24 h): the
  // real clock when `today` is today, otherwise noon of `today`, so every timestamp agrees with `today`.
  const now = todayIn('UTC', wallClock) === today ? wallClock : atUtc(today, '12:00');
  const progress = options.onProgress ?? (() => {});

  return inTransaction(db, async (trx) => {
    await sql`select pg_advisory_xact_lock(${SEED_LOCK_KEY}::bigint)`.execute(trx);
    progress('users');
    const users = await seedUsers(trx, today, options.hashPassword ?? hashPassword);
    progress('properties');
    const properties = await seedProperties(trx, today);
    progress('bookings');
    const bookings = await seedBookings(trx, today, now);
    progress('reviews');
    const reviews = await seedReviews(trx, today);
    progress('messages');
    const messages = await seedMessages(trx, today);
    return { users, properties, bookings, reviews, messages };
  });
}
