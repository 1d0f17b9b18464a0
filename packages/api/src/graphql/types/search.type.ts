import type { z } from 'zod';
import { searchSorts } from '../../domain/search/search.types.ts';
import type { Page } from '../../domain/shared/page.ts';
import type { propertySearchResult } from '../../schemas/search.schemas.ts';
import { builder } from '../builder.ts';
import { PageInfo } from './page.ts';
import { PropertyType, PropertyTypeEnum } from './property.type.ts';
import { hiddenAsNull } from './review.type.ts';

type SearchResult = z.infer<typeof propertySearchResult>;

export const SearchSort = builder.enumType('SearchSort', { values: searchSorts });

/** One result: the listing itself (loaded in one batch with the rest of the page) and where it is from `near`. */
const SearchEdge = builder.objectRef<SearchResult>('PropertySearchEdge').implement({
  fields: (t) => ({
    node: t.field({
      type: PropertyType,
      nullable: true,
      description: 'Null only if the listing stopped being visible since the page was read.',
      resolve: (item, _args, ctx) => ctx.loaders.property.load(item.propertyId).catch(hiddenAsNull),
    }),
    distanceKm: t.exposeFloat('distanceKm', {
      nullable: true,
      description: 'Kilometres from `near` (approximate position, 0.1 km steps); null without `near`.',
    }),
  }),
});

export const PropertySearchConnection = builder
  .objectRef<Page<SearchResult>>('PropertySearchConnection')
  .implement({
    fields: (t) => ({
      edges: t.field({ type: [SearchEdge], resolve: (page) => page.items }),
      pageInfo: t.field({ type: PageInfo, resolve: (page) => page }),
    }),
  });

export const BoundingBox = builder.inputType('BoundingBox', {
  description: 'A map window; minLng > maxLng crosses the antimeridian.',
  fields: (t) => ({
    minLat: t.float({ required: true }),
    minLng: t.float({ required: true }),
    maxLat: t.float({ required: true }),
    maxLng: t.float({ required: true }),
  }),
});

export const Near = builder.inputType('Near', {
  fields: (t) => ({
    lat: t.float({ required: true }),
    lng: t.float({ required: true }),
    radiusKm: t.float({ required: true }),
  }),
});

export { PropertyTypeEnum };
