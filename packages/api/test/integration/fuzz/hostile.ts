import fc from 'fast-check';

/**
 * Hostile mutations of otherwise valid inputs, each labelled with its class so a finding says what kind of
 * input caused it: text with NUL, lone UTF-16 surrogates, huge or odd strings in every string; impossible
 * calendar days and timestamps; type swaps; extreme numbers; extra, `__proto__` and missing keys; garbage
 * instead of the whole input. Every value here can cross the wire: the suite sends inputs through superjson
 * and JSON like the HTTP adapter does (so Dates, bigints, NaN, Map and Set are fair game; functions are not).
 */

export const INPUT_CLASSES = [
  'valid',
  'nul',
  'lone-surrogate',
  'huge-string',
  'odd-unicode',
  'hostile-string',
  'impossible-date',
  'type-swap',
  'extreme-number',
  'extra-key',
  '__proto__',
  'missing-key',
  'garbage-input',
  'garbage-cursor',
  'forged-cursor',
] as const;
export type InputClass = (typeof INPUT_CLASSES)[number];

export interface Sample {
  inputClass: InputClass;
  input: unknown;
}

/** The key `__proto__` payloads carry: if it ever shows up on Object.prototype, the input polluted it. */
export const POLLUTION_MARK = 'fuzzPolluted';

const NUL = '\u0000';
const injections: Record<'nul' | 'lone-surrogate' | 'odd-unicode', string[]> = {
  nul: [NUL, `x${NUL}`, `${NUL}${NUL}`],
  'lone-surrogate': ['\uD800', '\uDFFF', '\uDC00\uD800', '\uDBFF'],
  'odd-unicode': ['\u202E', '\u200B\uFEFF', '\u0301', '\u{1F600}', '\u2028', '\uFFFE', '\u00A0', '\r\n\t'],
};
const hugeLengths = [5_001, 70_000, 1_048_577];
const hostileStrings = [
  '',
  ' ',
  '\t\n',
  "'",
  '"',
  '\\',
  '%',
  '_',
  '%_%',
  "'; DROP TABLE users; --",
  '$1',
  '$' + '{x}', // a template placeholder, literally
  '<script>alert(1)</script>',
  '../../../etc/passwd',
  'null',
  'undefined',
  'NaN',
  '-1',
  '1e309',
  '0x10',
  'true',
  '[]',
  '{}',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '00000000-0000-0000-0000-000000000000',
  'https://',
  'javascript:alert(1)',
  'a@b',
];

/** Calendar days and timestamps that look right and are not (Feb 30, year 0, month 13, hour 24…). */
export const impossibleDays = [
  '2025-02-29',
  '2024-02-30',
  '0000-01-01',
  '2024-13-01',
  '2024-00-10',
  '2024-04-31',
];
const impossibleTimes = ['24:00:00', '23:59:60', '99:99:99'];

/** `value` with its calendar day (and time of day, if any) replaced by impossible ones, same format. */
export function impossibleDatesLike(value: string): string[] {
  const match = /^(-?\d{4,6})-(\d{2})-(\d{2})(T(\d{2}:\d{2}:\d{2})(.*))?$/.exec(value);
  if (!match) return [...impossibleDays, `${impossibleDays[1]}T00:00:00.000000Z`, '0000-01-01T00:00:00Z'];
  const [, , , , timePart, , rest = ''] = match;
  const days = impossibleDays.map((day) => (timePart ? `${day}${value.slice(10)}` : day));
  const times = timePart ? impossibleTimes.map((time) => `${value.slice(0, 11)}${time}${rest}`) : [];
  return [...days, ...times, '10000-01-01', '-0001-01-01'];
}

export const extremeNumbers = [
  2 ** 31,
  2 ** 31 - 1,
  -(2 ** 31) - 1,
  2 ** 32,
  2 ** 53,
  2 ** 53 + 2,
  -(2 ** 53) - 2,
  1e21,
  1e308,
  Number.MAX_VALUE,
  -Number.MAX_VALUE,
  Number.MIN_VALUE,
  -0,
  0.1,
  1e-7,
  -1,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
];

const swaps: unknown[] = [
  0,
  -1,
  1.5,
  '',
  'x',
  true,
  false,
  null,
  undefined,
  [],
  {},
  [1, 'a'],
  { a: 1 },
  new Date(Number.NaN),
  new Date(8.64e15),
  new Date(0),
  10n ** 30n,
  Number.NaN,
  new Map([['a', 1]]),
  new Set([1]),
];

const extraKeys = [
  'extra',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'role',
  'status',
  'hostId',
  'userId',
  '',
];

type Key = string | number;
interface Node {
  path: Key[];
  value: unknown;
}

/** Every node of a plain value tree (objects, arrays and their leaves), the root first. */
function nodesOf(value: unknown, path: Key[] = [], into: Node[] = []): Node[] {
  into.push({ path, value });
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) nodesOf(item, [...path, i], into);
  } else if (isPlainObject(value))
    for (const key of Object.keys(value)) nodesOf(value[key], [...path, key], into);
  return into;
}

/** `root` with the node at `path` replaced by `replace(old)`; copies along the path, shares the rest. */
function replaceAt(root: unknown, path: readonly Key[], replace: (old: unknown) => unknown): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return replace(root);
  if (Array.isArray(root)) {
    const copy = [...root];
    copy[Number(head)] = replaceAt(root[Number(head)], rest, replace);
    return copy;
  }
  if (isPlainObject(root)) {
    const copy = { ...root };
    defineOwn(copy, String(head), replaceAt(root[String(head)], rest, replace));
    return copy;
  }
  return root;
}

/** Sets an own enumerable property, even `__proto__` (plain assignment would set the prototype instead). */
function defineOwn(target: Record<string, unknown>, key: string, value: unknown) {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function pick<T>(items: readonly T[], selector: number): T | undefined {
  return items.length === 0 ? undefined : items[selector % items.length];
}

function mapStrings(value: unknown, fn: (text: string) => string): unknown {
  if (typeof value === 'string') return fn(value);
  if (Array.isArray(value)) return value.map((item) => mapStrings(item, fn));
  if (isPlainObject(value)) {
    const copy: Record<string, unknown> = {};
    for (const key of Object.keys(value)) defineOwn(copy, key, mapStrings(value[key], fn));
    return copy;
  }
  return value;
}

const insertAt = (text: string, piece: string, at: number) => {
  const cut = text.length === 0 ? 0 : at % (text.length + 1);
  return text.slice(0, cut) + piece + text.slice(cut);
};

type Mutation = (valid: unknown) => fc.Arbitrary<Sample>;

/** Text injected into the strings of the input: all of them at once, or one. */
function injected(inputClass: 'nul' | 'lone-surrogate' | 'odd-unicode'): Mutation {
  return (valid) =>
    fc
      .record({
        piece: fc.constantFrom(...injections[inputClass]),
        at: fc.nat(),
        one: fc.boolean(),
        selector: fc.nat(),
      })
      .map(({ piece, at, one, selector }) => {
        const strings = nodesOf(valid).filter((node) => typeof node.value === 'string');
        const target = one ? pick(strings, selector) : undefined;
        const input = target
          ? replaceAt(valid, target.path, (old) => insertAt(String(old), piece, at))
          : mapStrings(valid, (text) => insertAt(text, piece, at));
        return { inputClass, input };
      });
}

const huge: Mutation = (valid) =>
  fc
    .record({
      length: fc.constantFrom(...hugeLengths),
      char: fc.constantFrom('a', ' ', '\u00e9', '%'),
      selector: fc.nat(),
    })
    .map(({ length, char, selector }) => {
      const strings = nodesOf(valid).filter((node) => typeof node.value === 'string');
      const target = pick(strings, selector) ?? pick(nodesOf(valid), selector);
      const text = char.repeat(length);
      return { inputClass: 'huge-string', input: target ? replaceAt(valid, target.path, () => text) : text };
    });

const hostileString: Mutation = (valid) =>
  fc.record({ text: fc.constantFrom(...hostileStrings), selector: fc.nat() }).map(({ text, selector }) => {
    const strings = nodesOf(valid).filter((node) => typeof node.value === 'string');
    const target = pick(strings, selector) ?? pick(nodesOf(valid), selector);
    return { inputClass: 'hostile-string', input: target ? replaceAt(valid, target.path, () => text) : text };
  });

const impossibleDate: Mutation = (valid) =>
  fc
    .record({ selector: fc.nat(), variant: fc.nat(), asDate: fc.boolean() })
    .map(({ selector, variant, asDate }) => {
      const nodes = nodesOf(valid);
      const dated = nodes.filter(
        (node) =>
          (typeof node.value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(node.value)) ||
          node.value instanceof Date,
      );
      const target =
        pick(dated, selector) ??
        pick(
          nodes.filter((node) => typeof node.value === 'string'),
          selector,
        );
      const replacement = (old: unknown) => {
        if (old instanceof Date || asDate)
          return pick([new Date(Number.NaN), new Date(8.64e15), new Date(-8.64e15)], variant);
        return pick(impossibleDatesLike(String(old)), variant);
      };
      return {
        inputClass: 'impossible-date',
        input: target ? replaceAt(valid, target.path, replacement) : pick(impossibleDays, variant),
      };
    });

const typeSwap: Mutation = (valid) =>
  fc.record({ selector: fc.nat(), swap: fc.nat() }).map(({ selector, swap }) => {
    const target = pick(nodesOf(valid), selector);
    const other = (old: unknown) => {
      const options = swaps.filter((candidate) => typeof candidate !== typeof old || Array.isArray(old));
      return pick(options, swap);
    };
    return {
      inputClass: 'type-swap',
      input: target ? replaceAt(valid, target.path, other) : pick(swaps, swap),
    };
  });

const extremeNumber: Mutation = (valid) =>
  fc.record({ selector: fc.nat(), n: fc.constantFrom(...extremeNumbers) }).map(({ selector, n }) => {
    const nodes = nodesOf(valid);
    const numbers = nodes.filter((node) => typeof node.value === 'number');
    const target = pick(numbers, selector) ?? pick(nodes, selector);
    return { inputClass: 'extreme-number', input: target ? replaceAt(valid, target.path, () => n) : n };
  });

const objectsOf = (valid: unknown) => nodesOf(valid).filter((node) => isPlainObject(node.value));

const extraKey: Mutation = (valid) =>
  fc
    .record({
      selector: fc.nat(),
      key: fc.constantFrom(...extraKeys),
      value: fc.constantFrom<unknown>(1, 'x', null, {}, 'admin'),
    })
    .map(({ selector, key, value }) => {
      const target = pick(objectsOf(valid), selector);
      const add = (old: unknown) => {
        const copy = { ...(isPlainObject(old) ? old : {}) };
        defineOwn(copy, key, value);
        return copy;
      };
      return { inputClass: 'extra-key', input: target ? replaceAt(valid, target.path, add) : add({}) };
    });

const protoKey: Mutation = (valid) =>
  fc.record({ selector: fc.nat(), nested: fc.boolean() }).map(({ selector, nested }) => {
    const target = pick(objectsOf(valid), selector);
    const mark = { [POLLUTION_MARK]: true };
    const add = (old: unknown) => {
      const copy = { ...(isPlainObject(old) ? old : {}) };
      defineOwn(copy, '__proto__', mark);
      if (nested) defineOwn(copy, 'constructor', { prototype: mark });
      return copy;
    };
    return { inputClass: '__proto__', input: target ? replaceAt(valid, target.path, add) : add({}) };
  });

const missingKey: Mutation = (valid) =>
  fc.nat().map((selector) => {
    const keyed = nodesOf(valid).filter(
      (node) => node.path.length > 0 && typeof node.path.at(-1) === 'string',
    );
    const target = pick(keyed, selector);
    if (!target) return { inputClass: 'missing-key', input: undefined };
    const parentPath = target.path.slice(0, -1);
    const key = String(target.path.at(-1));
    const input = replaceAt(valid, parentPath, (parent) => {
      const copy = { ...(isPlainObject(parent) ? parent : {}) };
      delete copy[key];
      return copy;
    });
    return { inputClass: 'missing-key', input };
  });

const garbage: fc.Arbitrary<Sample> = fc
  .oneof(
    fc.anything({
      maxDepth: 2,
      withBigInt: true,
      withDate: true,
      withMap: true,
      withSet: true,
      withNullPrototype: true,
    }),
    fc.constantFrom<unknown>(undefined, null, '', 0, [], {}, 'x'.repeat(1_048_577), Number.NaN),
  )
  .map((input) => ({ inputClass: 'garbage-input', input }));

const mutations: { mutation: Mutation; weight: number }[] = [
  { mutation: injected('nul'), weight: 4 },
  { mutation: injected('lone-surrogate'), weight: 4 },
  { mutation: injected('odd-unicode'), weight: 1 },
  { mutation: huge, weight: 1 },
  { mutation: hostileString, weight: 2 },
  { mutation: impossibleDate, weight: 2 },
  { mutation: typeSwap, weight: 2 },
  { mutation: extremeNumber, weight: 2 },
  { mutation: extraKey, weight: 1 },
  { mutation: protoKey, weight: 1 },
  { mutation: missingKey, weight: 1 },
];

/**
 * Samples for one procedure: valid inputs (about one in five), hostile mutations of valid inputs, garbage,
 * and — for a paged list — continuations of real pages with forged or garbage cursors (`cursorSamples`).
 */
export function hostileSamples(
  valid: fc.Arbitrary<unknown>,
  cursorSamples?: fc.Arbitrary<Sample>,
): fc.Arbitrary<Sample> {
  const mutated = fc.tuple(valid, fc.nat()).chain(([input, choice]) => {
    const total = mutations.reduce((sum, m) => sum + m.weight, 0);
    let rest = choice % total;
    for (const { mutation, weight } of mutations) {
      if (rest < weight) return mutation(input);
      rest -= weight;
    }
    return fc.constant<Sample>({ inputClass: 'valid', input });
  });
  return fc.oneof(
    { arbitrary: valid.map((input): Sample => ({ inputClass: 'valid', input })), weight: 3 },
    { arbitrary: mutated, weight: 10 },
    { arbitrary: garbage, weight: 1 },
    ...(cursorSamples ? [{ arbitrary: cursorSamples, weight: 4 }] : []),
  );
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
