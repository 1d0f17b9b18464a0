import fc from 'fast-check';
import { extremeNumbers, impossibleDatesLike, isPlainObject, type Sample } from './hostile.ts';

/**
 * Page cursors for the fuzz suite. Real ones are harvested from the API (a page of one item of every
 * paged list, as every role), so nothing here knows any list's cursor format: forged cursors are real ones
 * decoded (base64url JSON, the one codec lists share), one value changed to a hostile one of the same
 * shape — an impossible timestamp in the same format, a number beyond int4, another list's sort key — and
 * encoded again; garbage cursors are not cursors at all.
 */

export interface HarvestedPage {
  /** The input that returned the page, with `limit: 1`. */
  input: Record<string, unknown>;
  cursor: string;
}

const typeLimits = [2 ** 31, 2 ** 31 + 1, 2 ** 32, 2 ** 40, Number.MAX_SAFE_INTEGER, 2 ** 15, 2 ** 63];

const encode = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');

function decode(cursor: string): unknown {
  try {
    return JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
}

type Leaf = { path: string[]; value: unknown };

function leavesOf(value: unknown, path: string[] = []): Leaf[] {
  if (isPlainObject(value)) return Object.keys(value).flatMap((key) => leavesOf(value[key], [...path, key]));
  return [{ path, value }];
}

function withLeaf(root: unknown, path: string[], value: unknown): unknown {
  const [head, ...rest] = path;
  if (head === undefined || !isPlainObject(root)) return value;
  return { ...root, [head]: withLeaf(root[head], rest, value) };
}

/** Hostile replacements for one value of a decoded cursor; `seen` are the values real cursors hold. */
function hostileLeaves(value: unknown, seen: { strings: string[]; numbers: number[] }): unknown[] {
  const common: unknown[] = [null, true, [], {}, '', 'x'.repeat(600)];
  // Integers just past the database's integer types come first: JSON has no such limits, Postgres does.
  if (typeof value === 'number')
    return [
      ...typeLimits,
      ...typeLimits,
      ...typeLimits,
      ...extremeNumbers,
      -value,
      value + 0.5,
      String(value),
      ...common,
    ];
  if (typeof value === 'string') {
    return [
      ...impossibleDatesLike(value),
      ...seen.strings.filter((other) => other !== value),
      `${value}\u0000`,
      `${value.slice(0, -1)}\uD800`,
      value.toUpperCase(),
      value.slice(1),
      ...seen.numbers,
      ...extremeNumbers.slice(0, 6),
      ...common,
    ];
  }
  return [...seen.strings, ...seen.numbers, ...common];
}

/** The values real cursors hold, for swapping one cursor's value with another's. */
function valuesSeen(harvested: readonly string[]) {
  const leaves = harvested.map(decode).flatMap((value) => (value === undefined ? [] : leavesOf(value)));
  return {
    keys: [...new Set(leaves.map((l) => l.path.join('.')))],
    strings: [...new Set(leaves.map((l) => l.value).filter((v): v is string => typeof v === 'string'))],
    numbers: [...new Set(leaves.map((l) => l.value).filter((v): v is number => typeof v === 'number'))],
  };
}

/**
 * Cursors made from `bases` (real ones) with one value changed, plus JSON cursors of the wrong shape;
 * `harvested` (every real cursor) supplies the values and keys to swap in.
 */
export function forgedCursors(
  bases: readonly string[],
  harvested: readonly string[] = bases,
): fc.Arbitrary<string> {
  const decoded = bases.map(decode).filter((value) => value !== undefined);
  const seen = valuesSeen(harvested);
  const wrongShapes = fc
    .oneof(
      fc.jsonValue({ maxDepth: 2 }),
      fc.constantFrom<unknown>(null, [], {}, 0, '', '2024-02-30T00:00:00.000000Z'),
      // Every key real cursors use, each with a hostile value: another list's cursor, or an impossible one.
      fc.dictionary(
        fc.constantFrom(...seen.keys, 't', 'i'),
        fc.constantFrom(
          ...hostileLeaves('2024-01-01T00:00:00.000000Z', seen),
          ...seen.strings,
          ...seen.numbers,
        ),
        { minKeys: 1, maxKeys: 4 },
      ),
    )
    .map(encode);
  if (decoded.length === 0) return wrongShapes;
  const oneChanged = fc
    .record({ cursor: fc.constantFrom(...decoded), selector: fc.nat(), variant: fc.nat() })
    .map(({ cursor, selector, variant }) => {
      const cursorLeaves = leavesOf(cursor);
      const leaf = cursorLeaves[selector % cursorLeaves.length];
      if (!leaf) return encode(cursor);
      const options = hostileLeaves(leaf.value, seen);
      return encode(withLeaf(cursor, leaf.path, options[variant % options.length]));
    });
  const extraKey = fc
    .record({ cursor: fc.constantFrom(...decoded), key: fc.constantFrom('__proto__', 'x', 'constructor') })
    .map(({ cursor, key }) => encode(isPlainObject(cursor) ? { ...cursor, [key]: { t: 0 } } : cursor));
  return fc.oneof(
    { arbitrary: oneChanged, weight: 6 },
    { arbitrary: wrongShapes, weight: 2 },
    { arbitrary: extraKey, weight: 1 },
  );
}

/** Strings that are not cursors a page returned: not base64url, not JSON, truncated, oversized… */
export function garbageCursors(harvested: readonly string[]): fc.Arbitrary<string> {
  const real = harvested.length > 0 ? fc.constantFrom(...harvested) : fc.constant(encode({ t: 0 }));
  return fc.oneof(
    fc.string({ maxLength: 40 }),
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.base64String({ maxLength: 60 }),
    fc.uint8Array({ maxLength: 48 }).map((bytes) => Buffer.from(bytes).toString('base64url')),
    fc.constantFrom(
      '',
      ' ',
      '=',
      '====',
      'null',
      'e30',
      'W10',
      '%00',
      '\u0000',
      '\uD800',
      'x'.repeat(100_000),
    ),
    real.map((cursor) => cursor.slice(0, Math.max(1, cursor.length - 3))),
    real.map((cursor) => `${cursor}\u0000`),
    real.map((cursor) => cursor.toUpperCase()),
    fc.constantFrom('{"t":"x"}', '\uFFFD\uFFFD', '\u{1F600}').map(encode),
  );
}

/**
 * Samples for a paged list: a real page's input with its cursor forged (a continuation the list itself
 * handed out, then tampered with), or any valid input with a forged or garbage cursor.
 */
export function cursorSamples(
  own: readonly HarvestedPage[],
  allCursors: readonly string[],
  valid: fc.Arbitrary<unknown>,
): fc.Arbitrary<Sample> {
  const withCursor = (cursors: fc.Arbitrary<string>, inputClass: Sample['inputClass']) =>
    fc.tuple(valid, cursors).map(
      ([input, cursor]): Sample => ({
        inputClass,
        input: isPlainObject(input) ? { ...input, cursor } : { cursor },
      }),
    );
  const options: fc.WeightedArbitrary<Sample>[] = [
    { arbitrary: withCursor(forgedCursors(allCursors), 'forged-cursor'), weight: 1 },
    { arbitrary: withCursor(garbageCursors(allCursors), 'garbage-cursor'), weight: 2 },
  ];
  const pages = [...new Map(own.map((page) => [JSON.stringify(page), page])).values()];
  if (pages.length > 0) {
    options.push({
      // The cursor of this very page, tampered with, so the rest of the input still matches it (a sort order).
      arbitrary: fc
        .constantFrom(...pages)
        .chain((page) =>
          forgedCursors([page.cursor], allCursors).map(
            (cursor): Sample => ({ inputClass: 'forged-cursor', input: { ...page.input, cursor } }),
          ),
        ),
      weight: 4,
    });
  }
  return fc.oneof(...options);
}
