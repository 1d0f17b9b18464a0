import fc from 'fast-check';
import type { z } from 'zod';
import { addDays } from '../../../src/domain/shared/dates.ts';
import { ID_KINDS, type IdKind, type World } from './world.ts';

/**
 * A fast-check arbitrary for any zod 4 input schema, derived by walking `schema._zod.def`: objects (their
 * required and optional keys), strings with their formats, lengths and patterns, numbers with their bounds,
 * enums, literals, arrays, unions, pipes, defaults, records, dates… Values are mostly valid, so calls get
 * past validation and into the services. Refinements cannot be inverted, so every string node also picks,
 * often, from a pool of plausible strings that the node itself accepts (calendar days around today, country
 * and currency codes, time zones, the world's emails and amenity codes, payment tokens…); id-like fields pick
 * the world's ids of their kind (`bookingId` → a booking). Kinds it does not know fall back to
 * `fc.anything()` and are reported in `fallbacks`.
 */

export interface Derivation {
  arbitrary: fc.Arbitrary<unknown>;
  /** Paths of schema nodes whose kind the walk does not know (they got `fc.anything()`). */
  fallbacks: string[];
}

export interface DerivationHints {
  world: World;
  /** What a field named `cursor` gets: page cursors harvested from the API, forged and garbage ones. */
  cursor: fc.Arbitrary<unknown>;
}

type Schema = z.core.$ZodType;

interface Walk {
  hints: DerivationHints;
  seeds: string[];
  fallbacks: string[];
}

export function deriveArbitrary(schema: Schema, hints: DerivationHints): Derivation {
  const walk: Walk = { hints, seeds: plausibleStrings(hints.world), fallbacks: [] };
  return { arbitrary: derive(schema, walk, { key: '', path: '(input)' }), fallbacks: walk.fallbacks };
}

interface Place {
  /** The nearest object key above this node: it names what an id or a cursor is. */
  key: string;
  path: string;
}

/** Zod 4's own union of first-party schemas: switching on `def.type` narrows `def` to that schema's def. */
function defOf(schema: Schema): z.core.$ZodTypes['_zod']['def'] {
  return (schema as z.core.$ZodTypes)._zod.def;
}

function derive(schema: Schema, walk: Walk, place: Place): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  switch (def.type) {
    case 'string':
      return stringArbitrary(schema, def, walk, place);
    case 'number':
      return numberArbitrary(def);
    case 'bigint':
      return fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n });
    case 'boolean':
      return fc.boolean();
    case 'date':
      return fc.date({ min: new Date('1990-01-01'), max: new Date('2100-01-01'), noInvalidDate: true });
    case 'null':
      return fc.constant(null);
    case 'undefined':
    case 'void':
      return fc.constant(undefined);
    case 'nan':
      return fc.constant(Number.NaN);
    case 'any':
    case 'unknown':
      return fc.jsonValue({ maxDepth: 2 });
    case 'literal':
      return fc.constantFrom(...def.values);
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries));
    case 'optional':
      return fc.option(derive(def.innerType, walk, place), { nil: undefined, freq: 3 });
    case 'nullable':
      return fc.option(derive(def.innerType, walk, place), { nil: null, freq: 4 });
    case 'default':
    case 'prefault':
      return fc.option(derive(def.innerType, walk, place), { nil: undefined, freq: 2 });
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return derive(def.innerType, walk, place);
    case 'lazy':
      return derive(def.getter(), walk, place);
    case 'pipe': {
      // A transform's input is whatever `in` accepts; otherwise `out`'s valid values are usually valid
      // inputs too (a trimmed string piped into an email), and more of them get through.
      if (defOf(def.out).type === 'transform') return derive(def.in, walk, place);
      return fc.oneof(
        { arbitrary: derive(def.out, walk, place), weight: 4 },
        { arbitrary: derive(def.in, walk, place), weight: 1 },
      );
    }
    case 'array': {
      const { min, max } = lengthBounds(def.checks);
      const minLength = min ?? 0;
      return fc.array(derive(def.element, walk, { ...place, path: `${place.path}[]` }), {
        minLength,
        maxLength: Math.max(minLength, Math.min(max ?? 4, minLength + 4)),
      });
    }
    case 'tuple':
      return fc.tuple(
        ...def.items.map((item, i) => derive(item, walk, { ...place, path: `${place.path}[${i}]` })),
      );
    case 'object':
      return objectArbitrary(def.shape, walk, place);
    case 'union':
      return fc.oneof(...def.options.map((option) => derive(option, walk, place)));
    case 'intersection':
      return fc
        .tuple(derive(def.left, walk, place), derive(def.right, walk, place))
        .map(([left, right]) => (isRecord(left) && isRecord(right) ? { ...left, ...right } : left));
    case 'record':
      return fc.dictionary(
        derive(def.keyType, walk, { ...place, path: `${place.path}{key}` }).filter(
          (key): key is string => typeof key === 'string',
        ),
        derive(def.valueType, walk, { ...place, path: `${place.path}{}` }),
        { maxKeys: 3 },
      );
    case 'map':
      return fc
        .array(fc.tuple(derive(def.keyType, walk, place), derive(def.valueType, walk, place)), {
          maxLength: 3,
        })
        .map((entries) => new Map(entries));
    case 'set':
      return fc.array(derive(def.valueType, walk, place), { maxLength: 3 }).map((values) => new Set(values));
    default:
      walk.fallbacks.push(`${place.path}: ${def.type}`);
      return fc.anything();
  }
}

function objectArbitrary(shape: Record<string, Schema>, walk: Walk, place: Place): fc.Arbitrary<unknown> {
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  const requiredKeys: string[] = [];
  for (const [key, field] of Object.entries(shape)) {
    const path = place.path === '(input)' ? key : `${place.path}.${key}`;
    model[key] = key === 'cursor' ? walk.hints.cursor : derive(field, walk, { key, path });
    // `optin` is zod's own word for "may be absent from the input" (optional, default, prefault…).
    if (field._zod.optin !== 'optional') requiredKeys.push(key);
  }
  return fc.record(model, { requiredKeys });
}

type StringDef = Extract<z.core.$ZodTypes['_zod']['def'], { type: 'string' }>;

function stringArbitrary(schema: Schema, def: StringDef, walk: Walk, place: Place): fc.Arbitrary<string> {
  const { min, max } = lengthBounds(def.checks);
  const minLength = min ?? 0;
  const maxLength = Math.max(minLength, Math.min(max ?? 60, minLength + 40));
  const candidates: fc.WeightedArbitrary<string>[] = [];
  const kind = idKindOf(place.key);
  const format = 'format' in def ? def.format : undefined;
  if (format === 'uuid' || format === 'guid' || kind) {
    const ids = kind ? walk.hints.world.ids[kind] : [];
    const all = Object.values(walk.hints.world.ids).flat();
    if (ids.length > 0) candidates.push({ arbitrary: fc.constantFrom(...ids), weight: 8 });
    if (all.length > 0) candidates.push({ arbitrary: fc.constantFrom(...all), weight: 2 });
    candidates.push({ arbitrary: fc.uuid(), weight: 1 });
  }
  if (format === 'email') candidates.push({ arbitrary: fc.emailAddress(), weight: 3 });
  if (format === 'url') {
    candidates.push({
      arbitrary: fc.webUrl({ validSchemes: ['https'], withQueryParameters: true }),
      weight: 3,
    });
  }
  if (format === 'datetime') {
    candidates.push({
      arbitrary: fc
        .date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
        .map((date) => date.toISOString()),
      weight: 3,
    });
  }
  const pattern = patternOf(def.checks);
  if (pattern) candidates.push({ arbitrary: fc.stringMatching(pattern), weight: 3 });
  // Plausible strings the node accepts as they are (refinements included), then anything of a fitting length.
  const accepted = walk.seeds.filter((seed) => accepts(schema, seed));
  if (accepted.length > 0) candidates.push({ arbitrary: fc.constantFrom(...accepted), weight: 5 });
  candidates.push({ arbitrary: fc.string({ minLength, maxLength }), weight: 2 });
  candidates.push({ arbitrary: fc.string({ unit: 'grapheme', minLength, maxLength }), weight: 1 });
  return fc.oneof(...candidates);
}

function accepts(schema: Schema, value: unknown): boolean {
  const result = schema['~standard'].validate(value);
  return !(result instanceof Promise) && result.issues === undefined;
}

type NumberDef = Extract<z.core.$ZodTypes['_zod']['def'], { type: 'number' }>;

function numberArbitrary(def: NumberDef): fc.Arbitrary<number> {
  let min: number | undefined;
  let max: number | undefined;
  let minExcluded = false;
  let maxExcluded = false;
  let step: number | undefined;
  let integer = false;
  for (const check of checksOf(def.checks)) {
    if (check.check === 'greater_than') {
      min = Number(check.value);
      minExcluded = !check.inclusive;
    } else if (check.check === 'less_than') {
      max = Number(check.value);
      maxExcluded = !check.inclusive;
    } else if (check.check === 'multiple_of') {
      step = Number(check.value);
    } else if (check.check === 'number_format') {
      integer ||= check.format === 'safeint' || check.format === 'int32' || check.format === 'uint32';
    }
  }
  if (integer || step !== undefined) {
    const unit = step ?? 1;
    const lo = Math.ceil((min ?? -1_000_000) / unit) + (minExcluded ? 1 : 0);
    const hi = Math.floor((max ?? 1_000_000) / unit) - (maxExcluded ? 1 : 0);
    if (lo > hi) return fc.constant(lo * unit);
    return fc
      .oneof(
        { arbitrary: fc.integer({ min: lo, max: Math.min(hi, lo + 12) }), weight: 3 },
        { arbitrary: fc.integer({ min: lo, max: hi }), weight: 1 },
      )
      .map((k) => k * unit);
  }
  return fc.double({
    min: min ?? -1e6,
    max: max ?? 1e6,
    minExcluded,
    maxExcluded,
    noNaN: true,
    noDefaultInfinity: true,
  });
}

type Check = z.core.$ZodChecks['_zod']['def'];

function checksOf(checks: readonly z.core.$ZodCheck[] | undefined): Check[] {
  // Zod's union of first-party checks, as `defOf` does for schemas; refinements (`custom`) match none.
  return (checks ?? []).map((check) => (check as z.core.$ZodChecks)._zod.def);
}

function lengthBounds(checks: readonly z.core.$ZodCheck[] | undefined): { min?: number; max?: number } {
  const bounds: { min?: number; max?: number } = {};
  for (const check of checksOf(checks)) {
    if (check.check === 'min_length') bounds.min = check.minimum;
    if (check.check === 'max_length') bounds.max = check.maximum;
    if (check.check === 'length_equals') {
      bounds.min = check.length;
      bounds.max = check.length;
    }
  }
  return bounds;
}

function patternOf(checks: readonly z.core.$ZodCheck[] | undefined): RegExp | undefined {
  for (const check of checksOf(checks)) {
    if (check.check === 'string_format' && check.format === 'regex' && check.pattern) return check.pattern;
  }
  return undefined;
}

/** `bookingId`, `photoIds`, `upToMessageId` → the kind of id the field names. */
export function idKindOf(key: string): IdKind | undefined {
  const name = key.toLowerCase();
  if (!/ids?$/.test(name)) return undefined;
  return ID_KINDS.find((kind) => name.endsWith(`${kind}id`) || name.endsWith(`${kind}ids`));
}

/** Strings that refinements tend to want, and the world's own values. */
function plausibleStrings(world: World): string[] {
  const days = [
    -400, -30, -10, -3, -1, 0, 1, 2, 3, 5, 7, 10, 11, 14, 20, 21, 30, 45, 60, 90, 200, 364, 366, 400,
  ];
  return [
    ...days.map((n) => addDays(world.today, n)),
    ...['PT', 'ES', 'US', 'JP', 'gb', ' pt '],
    ...['EUR', 'USD', 'JPY', 'gbp'],
    ...['Europe/Lisbon', 'UTC', 'America/New_York', 'asia/tokyo'],
    ...['wifi', 'pool', 'kitchen', 'parking'],
    ...['tok_visa', 'tok_chargeDeclined', 'tok_processingError'],
    ...['+351912345678', '+1 (555) 010-9999'],
    ...['https://photos.example.test/a.jpg', 'http://photos.example.test/b.jpg'],
    ...['Lisbon', 'Porto', 'Madrid', 'A quiet flat', 'Hello!', ' padded ', 'x'],
    ...['correct horse battery staple', 'password', 'N3w-pa55word-long-enough'],
    ...world.words,
  ];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
