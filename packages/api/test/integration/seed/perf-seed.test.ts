import type { DB } from '@stayhub/db';
import { useTestDatabase } from '@stayhub/db/testing';
import { type Kysely, sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { type PerfSeedProgress, type PerfSeedSummary, seedPerf } from '../../../src/seed/index.ts';

// Two databases for the same seed, two for different seeds.
const [first, second, third, fourth] = [
  await useTestDatabase(),
  await useTestDatabase(),
  await useTestDatabase(),
  await useTestDatabase(),
];

const TODAY = '2031-03-10';
const options = { scale: 500, seed: 7, today: TODAY, passwordHash: 'hash:perf' };

/** One md5 over every row the perf seed writes, table by table (amenities by code: ids are per database). */
async function checksum(db: Kysely<DB>): Promise<string> {
  const { rows } = await sql<{ sum: string }>`
    SELECT md5(string_agg(part, '|' ORDER BY part)) AS sum FROM (
      SELECT 'users:' || md5(string_agg(u::text, ',' ORDER BY u.user_id)) AS part FROM users u
      UNION ALL SELECT 'properties:' || md5(string_agg(p::text, ',' ORDER BY p.property_id)) FROM properties p
      UNION ALL SELECT 'photos:' || md5(string_agg(f::text, ',' ORDER BY f.photo_id)) FROM property_photos f
      UNION ALL SELECT 'amenities:' || md5(string_agg(pa.property_id || a.code, ',' ORDER BY pa.property_id, a.code))
        FROM property_amenities pa JOIN amenities a USING (amenity_id)
      UNION ALL SELECT 'occupancy:' || md5(string_agg(o::text, ',' ORDER BY o.occupancy_id)) FROM occupancy o
      UNION ALL SELECT 'bookings:' || md5(string_agg(b::text, ',' ORDER BY b.booking_id)) FROM bookings b
      UNION ALL SELECT 'payments:' || md5(string_agg(m::text, ',' ORDER BY m.payment_id)) FROM payments m
      UNION ALL SELECT 'payouts:' || md5(string_agg(x::text, ',' ORDER BY x.payout_id)) FROM payouts x
    ) parts
  `.execute(db);
  return rows[0]?.sum ?? '';
}

const count = async (db: Kysely<DB>, query: ReturnType<typeof sql<{ n: number }>>) =>
  (await query.execute(db)).rows[0]?.n ?? -1;

let summary: PerfSeedSummary;
const progress: PerfSeedProgress[] = [];

beforeAll(async () => {
  summary = await seedPerf(first.db, { ...options, onProgress: (p) => progress.push(p) });
  await seedPerf(second.db, { ...options, batchSize: 128 });
});

describe('the perf seed', () => {
  it('writes the same rows on every run with the same seed, scale and day, whatever the batch size', async () => {
    expect(await checksum(first.db)).toBe(await checksum(second.db));
  });

  it('inserts nothing into a database that already has the perf data', async () => {
    const before = await checksum(first.db);
    const again = await seedPerf(first.db, options);
    expect(again).toMatchObject({ inserted: false, properties: 0, holds: 0 });
    expect(await checksum(first.db)).toBe(before);
  });

  it('sizes hosts and guests by the scale and reports what it inserted', async () => {
    const db = first.db;
    expect(summary).toMatchObject({ inserted: true, users: 10 + 25, properties: 500 });
    expect(await count(db, sql`SELECT count(*)::int AS n FROM users WHERE role = 'host'`)).toBe(10);
    expect(await count(db, sql`SELECT count(*)::int AS n FROM users WHERE role = 'guest'`)).toBe(25);
    expect(await count(db, sql`SELECT count(*)::int AS n FROM occupancy`)).toBe(summary.holds);
    expect(
      await count(db, sql`SELECT coalesce(sum(end_date - start_date), 0)::int AS n FROM occupancy`),
    ).toBe(summary.heldNights);
    expect(summary.holds / 500).toBeGreaterThan(1.2);
    expect(summary.holds / 500).toBeLessThan(1.8);
    expect(summary.heldNights / summary.holds).toBeGreaterThan(6);
    expect(summary.heldNights / summary.holds).toBeLessThan(8);
  });

  it('reports progress step by step, ending each step complete', () => {
    expect([...new Set(progress.map((p) => p.step))]).toEqual(['accounts', 'listings', 'analyze']);
    const last = progress.at(-1);
    expect(last).toEqual({ step: 'analyze', done: 1, total: 1 });
    expect(progress.filter((p) => p.step === 'listings').at(-1)).toEqual({
      step: 'listings',
      done: 500,
      total: 500,
    });
  });

  it('clusters listings around many cities, about one in ten not listed, some rated', async () => {
    const db = first.db;
    const stats = await sql<{ cities: number; listed: number; rated: number; far: number }>`
      SELECT count(DISTINCT city)::int AS cities,
             count(*) FILTER (WHERE status = 'listed')::int AS listed,
             count(*) FILTER (WHERE rating_avg IS NOT NULL)::int AS rated,
             count(*) FILTER (WHERE lat NOT BETWEEN -90 AND 90 OR lng NOT BETWEEN -180 AND 180)::int AS far
      FROM properties
    `.execute(db);
    const row = stats.rows[0];
    expect(row?.cities).toBeGreaterThanOrEqual(40);
    expect(row?.listed).toBeGreaterThan(500 * 0.85);
    expect(row?.listed).toBeLessThan(500 * 0.95);
    expect(row?.rated).toBeGreaterThan(500 * 0.4);
    expect(row?.rated).toBeLessThan(500 * 0.8);
    expect(row?.far).toBe(0);
    // Within ~50 km of its city's centre for nearly all (the jitter is a few km, suburbs a little more).
    const spread = await count(
      db,
      sql`SELECT count(*)::int AS n FROM properties p
          WHERE abs(p.lat - (SELECT avg(q.lat) FROM properties q WHERE q.city = p.city)) > 1`,
    );
    expect(spread).toBeLessThan(5);
  });

  it('gives every listing 1–3 photos at positions 0… and only amenities of the catalog', async () => {
    const db = first.db;
    const photos = await sql<{ n: number; max_position: number }>`
      SELECT count(*)::int AS n, max(position)::int AS max_position FROM property_photos GROUP BY property_id
    `.execute(db);
    expect(photos.rows).toHaveLength(500);
    for (const row of photos.rows) {
      expect(row.n).toBeGreaterThanOrEqual(1);
      expect(row.n).toBeLessThanOrEqual(3);
      expect(row.max_position).toBe(row.n - 1);
    }
    expect(
      await count(db, sql`SELECT count(DISTINCT property_id)::int AS n FROM property_amenities`),
    ).toBeGreaterThan(490);
  });

  it('holds dates only within the next 365 days, never two overlapping on one property', async () => {
    const db = first.db;
    const outside = sql<{ n: number }>`
      SELECT count(*)::int AS n FROM occupancy
      WHERE start_date < ${TODAY}::date OR end_date > ${TODAY}::date + 365
    `;
    expect(await count(db, outside)).toBe(0);
    const overlapping = sql<{ n: number }>`
      SELECT count(*)::int AS n FROM occupancy a JOIN occupancy b
        ON a.property_id = b.property_id AND a.occupancy_id < b.occupancy_id AND a.during && b.during
    `;
    expect(await count(db, overlapping)).toBe(0);
  });

  it('mixes blocks with confirmed bookings that carry their charge and payout', async () => {
    const db = first.db;
    const bookings = await count(db, sql`SELECT count(*)::int AS n FROM bookings WHERE status = 'confirmed'`);
    expect(bookings).toBe(summary.bookings);
    expect(bookings / summary.holds).toBeGreaterThan(0.2);
    expect(bookings / summary.holds).toBeLessThan(0.45);
    const unpaid = sql<{ n: number }>`
      SELECT count(*)::int AS n FROM bookings b
      LEFT JOIN payments m ON m.booking_id = b.booking_id AND m.kind = 'charge' AND m.status = 'succeeded'
        AND m.amount_cents = b.total_cents
      LEFT JOIN payouts x ON x.booking_id = b.booking_id AND x.release_date = b.start_date + 1
      LEFT JOIN occupancy o ON o.booking_id = b.booking_id AND o.kind = 'booking'
        AND o.start_date = b.start_date AND o.end_date = b.end_date
      JOIN properties p ON p.property_id = b.property_id
      WHERE m.payment_id IS NULL OR x.payout_id IS NULL OR o.occupancy_id IS NULL OR b.guests > p.max_guests
    `;
    expect(await count(db, unpaid)).toBe(0);
  });

  it('makes other rows with another seed', async () => {
    await seedPerf(third.db, { ...options, scale: 20, seed: 8 });
    await seedPerf(fourth.db, { ...options, scale: 20 });
    expect(await checksum(third.db)).not.toBe(await checksum(fourth.db));
  });
});
