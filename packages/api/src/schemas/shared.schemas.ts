import { z } from 'zod';
import type { OkView } from '../domain/shared/ok-view.ts';
import type { PageSize } from '../domain/shared/page.ts';
import { parsesTo } from './parses-to.ts';

/**
 * `nextCursor` of the previous page, as returned (null or absent for the first page). The length only
 * keeps absurd strings away from the decoder; a cursor this service issued is far shorter.
 */
export const keysetCursorInput = z.string().max(512).nullish();

/** How many items to return: `size.default` when absent, at most `size.max`. */
export function pageLimitInput(size: PageSize) {
  return z.number().int().min(1).max(size.max).default(size.default);
}

/** One page of `item`s and the cursor of the next page (null on the last). */
export function pageOf<Item extends z.ZodType>(item: Item) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

/** The answer of a command that has nothing else to say. */
export const okView = parsesTo<OkView>()(z.object({ ok: z.literal(true) }));
