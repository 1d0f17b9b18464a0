import { createHash } from 'node:crypto';
import type { Deps } from '../deps.ts';
import { currentGeneration } from '../properties/listing-cache.ts';

/**
 * Where a search page is cached (listing-cache.ts): a hash of the canonical input and of the current
 * generation tokens — `listings` for every page, `availability` too for pages with dates. A writer bumps a
 * generation after its commit, which orphans every page computed before it.
 *
 * The service must call this *before* it reads the database: a page read from a snapshot older than a
 * commit is then stored under the generation that commit's bump replaced, where no later reader looks.
 * (Read the generation after the query and a slow reader could file a stale page under the new one.)
 */
export async function searchPageKey(
  deps: Pick<Deps, 'cache'>,
  canonicalInput: string,
  dependsOnAvailability: boolean,
): Promise<string> {
  const [listings, availability] = await Promise.all([
    currentGeneration(deps, 'listings'),
    dependsOnAvailability ? currentGeneration(deps, 'availability') : Promise.resolve('-'),
  ]);
  const digest = createHash('sha256')
    .update(`${listings}\n${availability}\n${canonicalInput}`)
    .digest('base64url');
  return `search-page:${digest}`;
}
