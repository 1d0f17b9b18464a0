import { searchProperties } from '../domain/search/search.service.ts';
import { propertySearchInput, propertySearchPage } from '../schemas/search.schemas.ts';
import { publicProcedure } from '../trpc/procedures.ts';

/** properties.search (SPEC §5): public; mounted as `search` in the properties router. */
export const searchProcedure = publicProcedure
  .input(propertySearchInput)
  .output(propertySearchPage)
  .query(({ ctx, input }) => searchProperties(ctx.deps, input));
