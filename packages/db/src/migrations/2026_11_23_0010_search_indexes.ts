import { type Kysely, sql } from 'kysely';

/**
 * Indexes for properties.search, chosen by EXPLAIN (ANALYZE) on the perf data set: 100 000 listings,
 * 150 000 holds (packages/db/src/seed/perf). Timings are one query, warm, on 2 shared cores.
 *
 * sort=rating (and minRating): the search orders by coalesce(rating_avg, 0) DESC, property_id ASC —
 * ratings are 1–5 (CHECK), so 0 puts unrated listings last — and pages with a keyset on that expression.
 * The index of 0003 (rating_avg DESC NULLS LAST, property_id) cannot bound such a keyset ("after (r, id)"
 * would be `rating_avg < r OR … OR rating_avg IS NULL`); the planner seq-scanned and sorted the table
 * (~170 ms a page). On the expression index a page is a bounded index scan (< 2 ms). Partial on
 * status = 'listed', which every search has. The old index has no other reader, so it goes.
 *
 * sort=price_* with `currency` (prices compare only within a currency): walking (price, property_id)
 * skips every listing of the other currencies first — all of them, for currencies with large minor-unit
 * amounts (KRW, INR): ~40 ms. With currency leading, the walk starts at the right place (< 1 ms).
 *
 * Map searches (bbox, near): a city-sized window holds ~3 000 listings scattered over ~2 200 heap pages,
 * all read to filter and order them (~5 ms unloaded, 15–30 ms on a busy machine). This covering index
 * replaces 0003's (lat, lng): partial on listed rows, and holding every column the search filters or
 * orders on, so the search reads the window index-only and visits the heap for just the page's 21 rows
 * (~1 ms). Text (name, city) and amenities are the only filters it leaves to the table and the join.
 *
 * Dates: "free for [s, e)" is NOT EXISTS a hold with start_date < e AND end_date > s. The EXCLUDE GiST index
 * (property_id, during) answers that probe in ~7 µs; this btree in ~1.5 µs, index-only, and ordered by
 * end_date it skips a property's past holds. A location + dates search that probes every listing in a
 * city-sized box (~2 500 probes) went from 22 ms to 9 ms (the search now probes a map area in page order,
 * ~22 probes, so this matters most for text and plain date searches that probe as they walk).
 *
 * Text keeps 0003's trigram GIN indexes as they are. After a bulk load their pending lists (fastupdate)
 * cost a text search ~10 ms per index until a vacuum merges them, which is why the perf seed ends with
 * VACUUM; a trickle of new listings keeps the lists short, and autovacuum/autoanalyze merge them.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and never import app types.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE INDEX properties_listed_rating_idx ON properties ((coalesce(rating_avg, 0)) DESC, property_id)
    WHERE status = 'listed'
  `.execute(db);
  await sql`DROP INDEX properties_rating_idx`.execute(db);
  await sql`
    CREATE INDEX properties_listed_currency_price_idx
    ON properties (currency, price_per_night_cents, property_id) WHERE status = 'listed'
  `.execute(db);
  await sql`
    CREATE INDEX properties_listed_location_idx ON properties (lat, lng)
    INCLUDE (created_at, property_id, price_per_night_cents, currency, max_guests, min_nights, max_nights,
             property_type, instant_book, rating_avg, country)
    WHERE status = 'listed'
  `.execute(db);
  await sql`DROP INDEX properties_location_idx`.execute(db);
  await sql`
    CREATE INDEX occupancy_property_id_end_date_idx ON occupancy (property_id, end_date) INCLUDE (start_date)
  `.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see up.
export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP INDEX occupancy_property_id_end_date_idx`.execute(db);
  await sql`CREATE INDEX properties_location_idx ON properties (lat, lng)`.execute(db);
  await sql`DROP INDEX properties_listed_location_idx`.execute(db);
  await sql`DROP INDEX properties_listed_currency_price_idx`.execute(db);
  await sql`
    CREATE INDEX properties_rating_idx ON properties (rating_avg DESC NULLS LAST, property_id)
  `.execute(db);
  await sql`DROP INDEX properties_listed_rating_idx`.execute(db);
}
