import { randomUUID } from 'node:crypto';
import { createPool, type DB } from '@stayhub/db';
import { Kysely, PostgresDialect } from 'kysely';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCache } from '../../../src/infra/cache/create-cache.ts';
import {
  createBooking,
  createProperty,
  createUser,
  insertPhotos,
  signedIn,
  useTestDeps,
} from '../../../src/testing/index.ts';
import { runGraphQL } from './support.ts';

/**
 * SPEC §8 "no N+1": a page of search results with each listing's host, photos and first reviews (and
 * their authors) costs a fixed number of SQL statements, whatever the page size — the per-request
 * DataLoaders batch every listing, profile and review page of one tick through one service call each.
 * Statements are counted by a Kysely `log` hook on the database the services use; each run gets a cold,
 * in-process cache of its own so nothing is served from an earlier run.
 */
const deps = await useTestDeps();
const statements: string[] = [];
const pool = createPool({ connectionString: deps.databaseUrl, max: 4, applicationName: 'graphql-count' });
const counting = new Kysely<DB>({
  dialect: new PostgresDialect({ pool }),
  log: (event) => {
    if (event.level === 'query') statements.push(event.query.sql);
  },
});
afterAll(() => counting.destroy());

const PLACES = 25;
const REVIEWS_PER_PLACE = 4;

beforeAll(async () => {
  for (let place = 0; place < PLACES; place += 1) {
    const host = await createUser(deps.db, { role: 'host', first_name: `Host${place}`, bio: 'Hosting' });
    const { propertyId } = await createProperty(deps.db, host.userId);
    await insertPhotos(deps, propertyId, 2);
    for (let review = 0; review < REVIEWS_PER_PLACE; review += 1) {
      const guest = await createUser(deps.db, { first_name: `Guest${place}x${review}` });
      const day = String(1 + review * 3).padStart(2, '0');
      const { bookingId } = await createBooking(deps.db, {
        propertyId,
        guestId: guest.userId,
        startDate: `2030-01-${day}`,
        endDate: `2030-01-${String(3 + review * 3).padStart(2, '0')}`,
        status: 'completed',
      });
      await deps.db
        .insertInto('reviews')
        .values({
          booking_id: bookingId,
          property_id: propertyId,
          user_id: guest.userId,
          rating: 4,
          comment: `Review ${review}`,
          created_at: new Date(Date.UTC(2030, 1, 1 + review)),
          published_at: new Date(Date.UTC(2030, 1, 1 + review)),
        })
        .execute();
    }
  }
});

const pageQuery = `
  query Page($first: Int!) {
    search(first: $first) {
      edges {
        node {
          propertyId
          name
          address
          host { userId firstName bio hostStats { listedProperties reviewCount } }
          photos { url position }
          amenities { code }
          reviews(first: 3) {
            nodes { rating comment author { firstName } }
            pageInfo { hasNextPage endCursor }
          }
        }
      }
      pageInfo { hasNextPage }
    }
  }`;

interface PageNode {
  host: { firstName: string } | null;
  photos: unknown[];
  reviews: { nodes: { author: { firstName: string } | null }[]; pageInfo: { hasNextPage: boolean } };
}

/** One cold run of the page query: the statements it sent and the listings it answered. */
async function countedPage(first: number, token: string | null) {
  const runDeps = {
    ...deps,
    db: counting,
    cache: createCache({ prefix: `count-${randomUUID()}:`, logger: pino({ level: 'silent' }), db: deps.db }),
  };
  statements.length = 0;
  const answer = await runGraphQL(runDeps, pageQuery, { variables: { first }, token });
  expect(answer.errors).toEqual([]);
  const search = answer.data?.search as { edges: { node: PageNode }[] };
  return { count: statements.length, sql: [...statements], nodes: search.edges.map((edge) => edge.node) };
}

describe('a page of search results over GraphQL', () => {
  it('answers every listing with its host, photos and first three reviews with their authors', async () => {
    const { nodes } = await countedPage(20, null);
    expect(nodes).toHaveLength(20);
    for (const node of nodes) {
      expect(node.host?.firstName).toMatch(/^Host\d+$/);
      expect(node.photos).toHaveLength(2);
      expect(node.reviews.nodes).toHaveLength(3);
      expect(node.reviews.nodes.every((review) => review.author?.firstName.startsWith('Guest'))).toBe(true);
      expect(node.reviews.pageInfo.hasNextPage).toBe(true);
    }
  });

  it('costs the same few SQL statements for 5 listings as for 20, anonymously', async () => {
    const five = await countedPage(5, null);
    const twenty = await countedPage(20, null);
    expect(twenty.count).toBe(five.count);
    // search; listing views; profiles + host stats; review access + the reviews' first pages.
    // The search; the listings' views (photos and amenities included); the hosts' profiles and their
    // stats; the listings' access and their reviews' first pages; the review authors' profiles.
    expect(twenty.count).toBeLessThanOrEqual(7);
  });

  it('costs the same few SQL statements for 5 listings as for 20, signed in', async () => {
    const viewer = await signedIn(deps, 'guest');
    const five = await countedPage(5, viewer.token);
    const twenty = await countedPage(20, viewer.token);
    expect(twenty.count).toBe(five.count);
    // The anonymous statements, the session lookup (and its sliding-expiry touch) and the viewer's stays.
    expect(twenty.count).toBeLessThanOrEqual(10);
  });
});
