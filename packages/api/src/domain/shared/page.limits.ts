/** Keyset pages (`{ items, nextCursor }`): the most items one page returns, and what a caller gets by default. */
export const MAX_PAGE_SIZE = 50;
export const DEFAULT_PAGE_SIZE = 20;

/** Longer than any cursor a page returns; a longer one is refused before it is decoded. */
export const MAX_CURSOR_LENGTH = 512;
