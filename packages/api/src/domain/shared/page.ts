/** One page of a keyset-paged list; `nextCursor` is null on the last page. */
export interface Page<Item> {
  items: Item[];
  nextCursor: string | null;
}

/** What a keyset-paged list is asked for: the previous page's `nextCursor` (none for the first page). */
export interface PageRequest {
  cursor?: string | null;
  limit: number;
}

/** How many items a list returns when not told, and the most it returns when told (page.limits.ts has the usual ones). */
export interface PageSize {
  default: number;
  max: number;
}
