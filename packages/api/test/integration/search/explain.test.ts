import { seedPerf } from '@stayhub/api/seed';
import { CompiledQuery } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { searchProperties, searchQueryFor } from '../../../src/domain/search/search.service.ts';
import type { PropertySearchInput } from '../../../src/domain/search/search.types.ts';
import { ManualClock } from '../../../src/infra/clock.ts';
import { propertySearchInput } from '../../../src/schemas/search.schemas.ts';
import { useTestDeps } from '../../../src/testing/index.ts';

/**
 * Every search shape is served by an index on a realistically sized table (SPEC §3: every column a hot
 * query filters or sorts on has an index an EXPLAIN shows being used). 20 000 listings around ~50 cities
 * and ~30 000 holds from the perf seed, analyzed; then the exact SQL the service compiles for each shape
 * is explained and the plan must not scan `properties` or `occupancy` sequentially.
 */
const TODAY = '2030-01-10';
const deps = await useTestDeps({ clock: new ManualClock(`${TODAY}T12:00:00Z`) });
const STAY = { startDate: '2030-03-01', endDate: '2030-03-08' };

beforeAll(async () => {
  await seedPerf(deps.db, { scale: 20_000, today: TODAY, passwordHash: 'not-a-login' });
});

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string | undefined;
  'Index Name'?: string | undefined;
  'Actual Loops'?: number | undefined;
  Plans?: PlanNode[] | undefined;
}
const planNode: z.ZodType<PlanNode> = z.lazy(() =>
  z.object({
    'Node Type': z.string(),
    'Relation Name': z.string().optional(),
    'Index Name': z.string().optional(),
    'Actual Loops': z.number().optional(),
    Plans: z.array(planNode).optional(),
  }),
);
const explainRow = z.object({ 'QUERY PLAN': z.array(z.object({ Plan: planNode })) });

function* walk(node: PlanNode): Generator<PlanNode> {
  yield node;
  for (const child of node.Plans ?? []) yield* walk(child);
}

/** The plan tree of exactly the SQL the service runs for `input`. */
async function planTree(input: unknown, analyze = false): Promise<PlanNode> {
  const query = (await searchQueryFor(deps, propertySearchInput.parse(input))).compile();
  const options = analyze ? 'ANALYZE, FORMAT JSON' : 'FORMAT JSON';
  const result = await deps.db.executeQuery(
    CompiledQuery.raw(`EXPLAIN (${options}) ${query.sql}`, [...query.parameters]),
  );
  const root = explainRow.parse(result.rows[0])['QUERY PLAN'][0]?.Plan;
  if (!root) throw new Error('EXPLAIN returned no plan');
  return root;
}

/** The plan as "Node Type on relation (index)" lines. */
async function planOf(input: unknown): Promise<string[]> {
  const root = await planTree(input);
  return [...walk(root)]
    .filter((node) => node['Relation Name'] !== undefined)
    .map(
      (node) =>
        `${node['Node Type']} on ${node['Relation Name']}${node['Index Name'] ? ` (${node['Index Name']})` : ''}`,
    );
}

const sequentialScans = (plan: string[]) =>
  plan.filter((line) => /Seq Scan on (properties|occupancy)$/.test(line));

/** The cursor of the first page, so keyset pages are explained too. */
async function secondPage(input: Partial<PropertySearchInput>): Promise<unknown> {
  const first = await searchProperties(deps, propertySearchInput.parse(input));
  if (!first.nextCursor) throw new Error('expected a second page');
  return { ...input, cursor: first.nextCursor };
}

const shapes: [string, unknown][] = [
  ['newest (no filter)', {}],
  ['city text', { text: 'Lisbon' }],
  ['neighbourhood text', { text: 'Shibuya', guests: 2 }],
  ['country', { country: 'JP' }],
  ['bounding box', { bbox: { minLat: 38.6, minLng: -9.3, maxLat: 38.8, maxLng: -9.0 } }],
  ['near, by distance', { near: { lat: 48.8566, lng: 2.3522, radiusKm: 10 }, sort: 'distance' }],
  ['dates + guests', { ...STAY, guests: 2 }],
  ['city + dates + guests', { text: 'Paris', ...STAY, guests: 3 }],
  ['bounding box + dates', { bbox: { minLat: 40.6, minLng: -74.1, maxLat: 40.9, maxLng: -73.8 }, ...STAY }],
  ['price sort in one currency', { sort: 'price_asc', currency: 'EUR' }],
  ['price sort in a currency of large amounts', { sort: 'price_asc', currency: 'KRW' }],
  [
    'price sort, descending, price range',
    { sort: 'price_desc', minPriceCents: 10_000, maxPriceCents: 30_000 },
  ],
  ['amenities', { amenities: ['wifi', 'pool'] }],
  ['rare amenities', { amenities: ['ev_charger', 'hot_tub'] }],
  ['rating sort', { sort: 'rating' }],
  ['rating sort, minimum rating, dates', { sort: 'rating', minRating: 4.5, ...STAY }],
];

describe('EXPLAIN of every search shape on 20 000 listings', () => {
  it.each(shapes)('%s uses indexes, not a sequential scan', async (_, input) => {
    const plan = await planOf(input);
    expect(sequentialScans(plan), plan.join('\n')).toEqual([]);
  });

  it.each([
    ['newest', {}],
    ['price_asc', { sort: 'price_asc' }],
    ['price_desc', { sort: 'price_desc' }],
    ['rating', { sort: 'rating' }],
    ['distance', { near: { lat: 35.68, lng: 139.65, radiusKm: 30 }, sort: 'distance' }],
  ] as const)('pages of sort=%s after a cursor use indexes too', async (_, input) => {
    const plan = await planOf(await secondPage(input));
    expect(sequentialScans(plan), plan.join('\n')).toEqual([]);
  });

  it('probes holds through an index on occupancy for the date filter', async () => {
    const plan = await planOf({ text: 'Rome', ...STAY, guests: 2 });
    expect(plan.filter((line) => line.includes('on occupancy'))).toEqual([
      expect.stringMatching(/^Index (Only )?Scan on occupancy \(occupancy_/),
    ]);
  });

  it('walks prices within one currency on properties_listed_currency_price_idx', async () => {
    expect(await planOf({ sort: 'price_asc', currency: 'KRW' })).toContain(
      'Index Scan on properties (properties_listed_currency_price_idx)',
    );
  });

  it('reads a map area through properties_listed_location_idx and the table only for the rows of the page', async () => {
    const root = await planTree({
      bbox: { minLat: 38.6, minLng: -9.3, maxLat: 38.8, maxLng: -9.0 },
      guests: 2,
    });
    const scans = [...walk(root)].filter((node) => node['Index Name'] !== undefined || node['Relation Name']);
    // Index-only once a vacuum has marked the pages all-visible (the perf seed vacuums, but a concurrent
    // autovacuum can hold the horizon back); otherwise a bitmap scan of the same index.
    expect(scans.find((node) => node['Index Name'] === 'properties_listed_location_idx')).toBeDefined();
    const tableReads = scans.filter((node) => node['Relation Name'] === 'properties');
    expect(tableReads.map((node) => node['Index Name'] ?? node['Node Type'])).toContain('properties_pkey');
    expect(
      sequentialScans(await planOf({ bbox: { minLat: 38.6, minLng: -9.3, maxLat: 38.8, maxLng: -9.0 } })),
    ).toEqual([]);
  });

  it('probes holds in a map search only for the rows it returns, not for every listing in the area', async () => {
    const newYork = { bbox: { minLat: 40.6, minLng: -74.1, maxLat: 40.9, maxLng: -73.8 } };
    const area = await searchProperties(deps, propertySearchInput.parse({ ...newYork, limit: 50 }));
    expect(area.nextCursor).not.toBeNull();

    const root = await planTree({ ...newYork, ...STAY, guests: 2, limit: 20 }, true);
    const probes = [...walk(root)].filter((node) => node['Relation Name'] === 'occupancy');
    expect(probes.map((node) => node['Actual Loops'] ?? 0).reduce((a, b) => a + b, 0)).toBeLessThan(60);
  });

  it('serves sort=rating in index order (properties_listed_rating_idx)', async () => {
    expect(await planOf({ sort: 'rating' })).toContain(
      'Index Scan on properties (properties_listed_rating_idx)',
    );
  });
});
