import { createPool, type DB } from '@stayhub/db';
import { CompiledQuery, Kysely, PostgresDialect, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  countUnreadInConversation,
  listConversationRows,
  listMessageRows,
} from '../../../src/domain/messages/message.queries.ts';
import {
  countUnreadNotifications,
  listNotificationRows,
} from '../../../src/domain/notifications/notification.queries.ts';
import { notificationTypes } from '../../../src/domain/notifications/notification.registry.ts';
import { listReviewRows } from '../../../src/domain/reviews/review.queries.ts';
import { decodeKeysetCursor, encodeKeysetCursor } from '../../../src/domain/shared/keyset-cursor.ts';
import { useTestDeps } from '../../../src/testing/index.ts';

/**
 * The inbox, thread, review and notification lists are served by their indexes on realistically sized
 * tables (SPEC §3): 2 000 users, 200 listings, 4 000 reviews, 19 000 conversations with 57 000 messages and
 * 20 000 notifications, analyzed. The exact SQL each query function runs is captured and explained.
 */
const deps = await useTestDeps();

const captured: CompiledQuery[] = [];
const capturePool = createPool({ connectionString: deps.databaseUrl, max: 1, applicationName: 'explain' });
const capturing = new Kysely<DB>({
  dialect: new PostgresDialect({ pool: capturePool }),
  log: (event) => {
    if (event.level === 'query') captured.push(event.query);
  },
});
afterAll(() => capturing.destroy());

let guestId = '';
let hostId = '';
let propertyId = '';
let conversationId = '';

beforeAll(async () => {
  await sql`
    insert into users (email, first_name, last_name, password_hash, role)
    select 'perf-' || g || '@example.test', 'U' || g, 'Perf', 'x',
           (case when g <= 100 then 'host' else 'guest' end)::user_role
    from generate_series(1, 2000) g`.execute(deps.db);
  await sql`
    insert into properties (host_id, name, description, property_type, address, city, country, lat, lng,
      timezone, price_per_night_cents, currency, max_guests, bedrooms, beds, bathrooms, cancellation_policy,
      status, listed_at)
    select h.user_id, 'Place ' || g, 'Perf place', 'apartment', g || ' Perf Street', 'Lisbon', 'PT',
      38.7, -9.1, 'Europe/Lisbon', 10000, 'EUR', 4, 1, 1, 1, 'moderate', 'listed', now()
    from generate_series(0, 199) g
    join (select user_id, row_number() over (order by user_id) - 1 as n from users where role = 'host') h
      on h.n = g % 100`.execute(deps.db);
  await sql`
    with p as (select property_id, row_number() over (order by property_id) - 1 as n from properties),
         u as (select user_id, row_number() over (order by user_id) - 1 as n from users where role = 'guest'),
         b as (
           select p.property_id, u.user_id, date '2030-01-01' + (k * 3) as start_date
           from p cross join generate_series(0, 19) k join u on u.n = (p.n * 20 + k) % 1900
         )
    insert into bookings (property_id, user_id, start_date, end_date, guests, status, nightly_price_cents,
      nights, subtotal_cents, cleaning_fee_cents, service_fee_cents, total_cents, currency, payment_method,
      payment_token, idempotency_key, request_hash)
    select property_id, user_id, start_date, start_date + 2, 1, 'completed', 10000, 2, 20000, 0, 2800,
      22800, 'EUR', 'credit_card', 'tok_visa', gen_random_uuid()::text, 'perf'
    from b`.execute(deps.db);
  await sql`
    insert into reviews (booking_id, property_id, user_id, rating, comment, created_at)
    select booking_id, property_id, user_id, 1 + (random() * 4)::int, 'Perf review',
      now() - random() * interval '700 days'
    from bookings`.execute(deps.db);
  await sql`
    with p as (select property_id, host_id, row_number() over (order by property_id) - 1 as n from properties),
         u as (select user_id, row_number() over (order by user_id) - 1 as n from users where role = 'guest')
    insert into conversations (property_id, guest_id, host_id, last_message_at, created_at)
    select p.property_id, u.user_id, p.host_id, now() - random() * interval '300 days', now() - interval '400 days'
    from u cross join generate_series(0, 9) j join p on p.n = (u.n * 7 + j * 13) % 200`.execute(deps.db);
  await sql`
    insert into messages (conversation_id, sender_id, recipient_id, message_body, sent_at, read_at)
    select c.conversation_id,
      case when k = 1 then c.host_id else c.guest_id end,
      case when k = 1 then c.guest_id else c.host_id end,
      'Perf message ' || k, c.last_message_at - (3 - k) * interval '1 hour',
      case when k = 2 then null else c.last_message_at end
    from conversations c cross join generate_series(0, 2) k`.execute(deps.db);
  await sql`
    insert into notifications (user_id, type, payload, created_at, read_at)
    select user_id, 'review_response', '{}'::jsonb, now() - g * interval '1 day',
      case when g % 3 = 0 then null else now() end
    from users cross join generate_series(1, 10) g`.execute(deps.db);
  await sql`analyze`.execute(deps.db);

  const guest = await deps.db
    .selectFrom('conversations')
    .select(['guest_id', 'host_id', 'property_id', 'conversation_id'])
    .limit(1)
    .executeTakeFirstOrThrow();
  guestId = guest.guest_id;
  hostId = guest.host_id;
  propertyId = guest.property_id;
  conversationId = guest.conversation_id;
}, 120_000);

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  Plans?: PlanNode[];
}
const planNode: z.ZodType<PlanNode> = z.lazy(() =>
  z.object({
    'Node Type': z.string(),
    'Relation Name': z.string().optional(),
    'Index Name': z.string().optional(),
    Plans: z.array(planNode).optional(),
  }),
);
const explainRow = z.object({ 'QUERY PLAN': z.array(z.object({ Plan: planNode })) });

function* walk(node: PlanNode): Generator<PlanNode> {
  yield node;
  for (const child of node.Plans ?? []) yield* walk(child);
}

/** Runs `run` on the capturing executor and explains the one statement it ran: "Node Type on relation (index)". */
async function planOf(run: (db: Kysely<DB>) => Promise<unknown>): Promise<string[]> {
  captured.length = 0;
  await run(capturing);
  expect(captured).toHaveLength(1);
  const [query] = captured;
  if (!query) throw new Error('no statement captured');
  const result = await deps.db.executeQuery(
    CompiledQuery.raw(`EXPLAIN (FORMAT JSON) ${query.sql}`, [...query.parameters]),
  );
  const root = explainRow.parse(result.rows[0])['QUERY PLAN'][0]?.Plan;
  if (!root) throw new Error('EXPLAIN returned no plan');
  return [...walk(root)]
    .filter((node) => node['Relation Name'] !== undefined || node['Index Name'] !== undefined)
    .map(
      (node) =>
        `${node['Node Type']} on ${node['Relation Name'] ?? ''}${node['Index Name'] ? ` (${node['Index Name']})` : ''}`,
    );
}

/**
 * Sequential scans of the tables these lists read from. Joined lookups of a page's users and listings
 * (a few dozen rows) may be hashed from a small table; at this size that is the planner's cheaper choice.
 */
const seqScans = (plan: string[]) =>
  plan.filter((line) => /^Seq Scan on (conversations|messages|reviews|notifications)$/.test(line));
const middle = encodeKeysetCursor({
  at: '2026-01-01T00:00:00.000000Z',
  id: '80000000-0000-4000-8000-000000000000',
});
const after = decodeKeysetCursor(middle);

describe('EXPLAIN of the messaging, review and notification queries', () => {
  it.each([
    ['as guest', () => guestId],
    ['as host', () => hostId],
  ])('serves an inbox page (%s) in one statement from the indexes', async (_, userOf) => {
    for (const page of [undefined, after]) {
      const plan = await planOf((db) =>
        listConversationRows(db, { userId: userOf(), after: page, limit: 21 }),
      );
      expect(seqScans(plan)).toEqual([]);
      const lines = plan.join('\n');
      // The guest side may start from either index that leads with guest_id.
      expect(lines).toMatch(/\((conversations_guest_id_idx|conversations_guest_property_booking_key)\)/);
      expect(lines).toContain('(conversations_host_id_idx)');
      expect(lines).toContain('(messages_conversation_id_idx)');
      expect(lines).toMatch(/\(messages_(unread|conversation_id)_idx\)/);
    }
  });

  it("serves a thread page and a thread's unread count from the messages indexes", async () => {
    for (const page of [undefined, after]) {
      const plan = await planOf((db) => listMessageRows(db, { conversationId, after: page, limit: 21 }));
      expect(seqScans(plan)).toEqual([]);
      expect(plan.join()).toContain('(messages_conversation_id_idx)');
    }
    const unread = await planOf((db) => countUnreadInConversation(db, conversationId, hostId));
    expect(seqScans(unread)).toEqual([]);
    expect(unread.join()).toContain('(messages_unread_idx)');
  });

  // Lists show published reviews only (blind reviews, migration 0040): the partial index made for them.
  it("serves a listing's review page from reviews_published_property_idx", async () => {
    for (const page of [undefined, after]) {
      const plan = await planOf((db) => listReviewRows(db, { propertyId, after: page, limit: 21 }));
      expect(seqScans(plan)).toEqual([]);
      expect(plan).toEqual(
        expect.arrayContaining([expect.stringContaining('(reviews_published_property_idx)')]),
      );
    }
  });

  it('serves notification pages and the unread count from the notifications indexes', async () => {
    for (const unreadOnly of [false, true]) {
      const plan = await planOf((db) =>
        listNotificationRows(db, { userId: guestId, unreadOnly, types: notificationTypes, after, limit: 21 }),
      );
      expect(seqScans(plan)).toEqual([]);
      expect(plan.join()).toMatch(/notifications_(user_id|unread)_idx/);
    }
    const count = await planOf((db) => countUnreadNotifications(db, guestId));
    expect(count.join()).toMatch(/notifications_(user_id|unread)_idx/);
    expect(seqScans(count)).toEqual([]);
  });
});
