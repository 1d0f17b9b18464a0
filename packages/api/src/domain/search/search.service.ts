import type { Deps } from '../deps.ts';
import { ValidationError } from '../errors.ts';
import { SEARCH_PAGE_TTL_SECONDS } from '../properties/listing-cache.ts';
import { todayIn } from '../shared/dates.ts';
import { findAmenitiesByCodes, searchPageQuery } from './search.queries.ts';
import { planSearch, type SearchPlan } from './search.rules.ts';
import type { PropertySearchInput } from './search.types.ts';
import { cursorAfter, type PropertySearchPage, toSearchResult } from './search.views.ts';
import { searchPageKey } from './search-cache.ts';
import { encodeSearchCursor } from './search-cursor.rules.ts';

/** The amenity ids of the plan's codes; an unknown code is a BAD_REQUEST naming it (a typo, not "no results"). */
async function amenityIdsOf(deps: Pick<Deps, 'db'>, plan: SearchPlan): Promise<string[]> {
  if (plan.amenityCodes.length === 0) return [];
  const found = await findAmenitiesByCodes(deps.db, plan.amenityCodes);
  const idByCode = new Map(found.map((row) => [row.code, row.amenity_id]));
  return plan.amenityCodes.map((code) => {
    const id = idByCode.get(code);
    if (id === undefined) throw new ValidationError(`unknown amenity: ${code}`, ['amenities']);
    return id;
  });
}

async function queryOf(deps: Pick<Deps, 'db'>, plan: SearchPlan) {
  return searchPageQuery(deps.db, { ...plan.criteria, amenityIds: await amenityIdsOf(deps, plan) });
}

/**
 * The query one search input runs, after its rules pass (for the EXPLAIN test, which must see exactly the
 * SQL the service runs).
 */
export async function searchQueryFor(deps: Pick<Deps, 'db' | 'clock'>, input: PropertySearchInput) {
  return queryOf(deps, planSearch(input, todayIn('UTC', deps.clock.now())));
}

/**
 * properties.search (SPEC §5): one keyset page of listed places. Pages are cached under the listing (and,
 * with dates, availability) generations, so a read after a committed listing change or hold never sees the
 * page from before it.
 */
/** Where the page `input` asks for is cached right now (search-cache.ts): the key `searchProperties` uses. */
export async function searchPageKeyOf(deps: Deps, input: PropertySearchInput): Promise<string> {
  const plan = planSearch(input, todayIn('UTC', deps.clock.now()));
  return searchPageKey(deps, plan.canonical, plan.dependsOnAvailability);
}

export async function searchProperties(deps: Deps, input: PropertySearchInput): Promise<PropertySearchPage> {
  const plan = planSearch(input, todayIn('UTC', deps.clock.now()));
  const key = await searchPageKey(deps, plan.canonical, plan.dependsOnAvailability);
  const cached = await deps.cache.get<PropertySearchPage>(key);
  if (cached) return cached;

  const rows = await (await queryOf(deps, plan)).execute();
  const page = rows.slice(0, plan.pageSize);
  const last = page.at(-1);
  const result: PropertySearchPage = {
    items: page.map(toSearchResult),
    nextCursor:
      rows.length > plan.pageSize && last ? encodeSearchCursor(cursorAfter(last, plan.criteria.sort)) : null,
  };
  await deps.cache.set(key, result, SEARCH_PAGE_TTL_SECONDS);
  return result;
}
