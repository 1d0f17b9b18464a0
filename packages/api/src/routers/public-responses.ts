import type { Deps } from '../domain/deps.ts';
import { propertyViewKey } from '../domain/properties/listing-cache.ts';
import { searchPageKeyOf } from '../domain/search/search.service.ts';
import { propertyIdInput } from '../schemas/properties.schemas.ts';
import { propertySearchInput } from '../schemas/search.schemas.ts';

/**
 * Queries whose answer to an anonymous caller is the same for everyone until a committed write retires it,
 * so a host may keep the answer's serialized bytes and send them again without calling the procedure (issue
 * 12: no zod, no superjson, no view mapping on a hit). Each names where its answer lives right now: the
 * key of the cache entry the procedure itself reads, under the generation a write replaces
 * (listing-cache.ts). A host computes the key *before* calling the procedure, as the services do, so an
 * answer read before a write is filed under the generation that write retired.
 *
 * Only for callers without a bearer token: what a signed-in viewer sees may be theirs alone (exact
 * location after a stay, their own listings in any status). Only successful answers are kept.
 */
export interface PublicResponse {
  /** The key for this input, or undefined when the input does not parse (the procedure refuses it). */
  key(deps: Deps, rawInput: unknown): Promise<string | undefined>;
}

export const publicResponses: Readonly<Record<string, PublicResponse>> = {
  'properties.get': {
    async key(deps, rawInput) {
      const input = propertyIdInput.safeParse(rawInput);
      return input.success ? `${await propertyViewKey(deps, input.data.propertyId)}:anonymous` : undefined;
    },
  },
  'properties.search': {
    async key(deps, rawInput) {
      const input = propertySearchInput.safeParse(rawInput);
      return input.success ? `${await searchPageKeyOf(deps, input.data)}:anonymous` : undefined;
    },
  },
};
