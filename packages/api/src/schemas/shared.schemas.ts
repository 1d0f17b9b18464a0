import { z } from 'zod';
import type { OkView } from '../domain/shared/ok-view.ts';
import { DEFAULT_PAGE_SIZE, MAX_CURSOR_LENGTH, MAX_PAGE_SIZE } from '../domain/shared/page.limits.ts';
import type { PageSize } from '../domain/shared/page.ts';
import { schemaFor } from '../domain/shared/schema-for.ts';

/** `nextCursor` of the previous page, as returned (null or absent for the first page). */
export const keysetCursorInput = z.string().max(MAX_CURSOR_LENGTH).nullish();

/** How many items to return: `size.default` when absent, at most `size.max` (the keyset page limits unless told). */
export function pageLimitInput(size: PageSize = { default: DEFAULT_PAGE_SIZE, max: MAX_PAGE_SIZE }) {
  return z.number().int().min(1).max(size.max).default(size.default);
}

/** One page of `item`s and the cursor of the next page (null on the last). */
export function pageOf<Item extends z.ZodType>(item: Item) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

/** The answer of a command that has nothing else to say. */
export const okView = schemaFor<OkView>()(z.object({ ok: z.literal(true) }));
