import { builder } from '../builder.ts';

/** Relay-style paging over a keyset page: `endCursor` is the page's `nextCursor`, for `after`. */
export const PageInfo = builder.objectRef<{ nextCursor: string | null }>('PageInfo').implement({
  fields: (t) => ({
    hasNextPage: t.boolean({ resolve: (page) => page.nextCursor !== null }),
    endCursor: t.string({
      nullable: true,
      description: 'Pass as `after` for the next page; null on the last page.',
      resolve: (page) => page.nextCursor,
    }),
  }),
});
