/**
 * Classifies the difference between two contract snapshots (contract-snapshot.ts) change by change:
 *
 * - breaking: a caller written against the old contract can fail against the new one — a procedure, field
 *   or reason removed (deprecated or not), a procedure's kind changed, an input that accepts less (a new
 *   required field, an optional one made required, a tighter bound, an enum value or type dropped, a
 *   changed default), an output that may say more (a field made optional or nullable, a new enum value or
 *   type), or anything this module does not understand.
 * - compatible: a new procedure, reason, optional input field or output field; an input that accepts more;
 *   an output that says less; a deprecation.
 *
 * Inputs and outputs are judged in opposite directions: an input may only widen, an output only narrow.
 * JSON Schema has no word for `.refine()` checks, so a refinement that rejects old inputs is invisible here.
 */
import type { ContractSnapshot, JsonSchema, JsonValue, ProcedureContract } from './contract-snapshot.ts';

export type ChangeLevel = 'breaking' | 'compatible';

export interface ContractChange {
  level: ChangeLevel;
  /** `reviews.respond input .response`, `errorReasons`… */
  where: string;
  what: string;
}

type Direction = 'input' | 'output';

/** How one schema difference moves the set of accepted values: more of them, fewer, or different ones. */
type Movement = 'wider' | 'narrower' | 'changed';

/** Inputs may widen, outputs may narrow; a change that is neither breaks both. */
function levelOf(direction: Direction, movement: Movement): ChangeLevel {
  if (movement === 'changed') return 'breaking';
  if (direction === 'input') return movement === 'wider' ? 'compatible' : 'breaking';
  return movement === 'narrower' ? 'compatible' : 'breaking';
}

class SchemaComparison {
  constructor(
    private readonly direction: Direction,
    private readonly changes: ContractChange[],
  ) {}

  private moved(where: string, movement: Movement, what: string): void {
    this.changes.push({ level: levelOf(this.direction, movement), where, what });
  }

  private record(where: string, level: ChangeLevel, what: string): void {
    this.changes.push({ level, where, what });
  }

  compare(before: JsonSchema, after: JsonSchema, where: string): void {
    if (sameJson(before, after)) return;
    const old = withoutNull(before);
    const next = withoutNull(after);
    if (old.nullable !== next.nullable) {
      this.moved(where, old.nullable ? 'narrower' : 'wider', old.nullable ? 'no longer null' : 'may be null');
    }
    this.compareCore(old.core, next.core, where);
  }

  private compareCore(before: JsonSchema, after: JsonSchema, where: string): void {
    if (sameJson(before, after)) return;
    const seen = new Set<string>();
    const handled = (...keys: string[]) => {
      for (const key of keys) seen.add(key);
    };

    handled('description', 'title', 'examples');
    handled('deprecated');
    if (before.deprecated !== true && after.deprecated === true) {
      this.record(where, 'compatible', 'deprecated');
    } else if (before.deprecated === true && after.deprecated !== true) {
      this.record(where, 'compatible', 'no longer deprecated');
    }

    handled('default');
    if (this.direction === 'input' && !sameJson(before.default, after.default)) {
      this.record(
        where,
        'breaking',
        `default changed from ${show(before.default)} to ${show(after.default)} (callers that omit it get another value)`,
      );
    }

    if (before.anyOf !== undefined || after.anyOf !== undefined) {
      handled('anyOf');
      this.compareVariants(variantsOf(before), variantsOf(after), where);
      // A union's members carry their own types; the bare schema around a union says nothing more.
      if (before.anyOf !== undefined && after.anyOf !== undefined) {
        this.compareRest(before, after, where, seen);
      }
      return;
    }

    handled('type');
    this.compareTypes(typesOf(before), typesOf(after), where);

    handled('enum', 'const');
    this.compareValues(valuesOf(before), valuesOf(after), where);

    handled('minimum', 'exclusiveMinimum', 'minLength', 'minItems', 'minProperties');
    for (const key of ['minimum', 'exclusiveMinimum', 'minLength', 'minItems', 'minProperties']) {
      this.compareBound(before[key], after[key], 'min', key, where);
    }
    handled('maximum', 'exclusiveMaximum', 'maxLength', 'maxItems', 'maxProperties');
    for (const key of ['maximum', 'exclusiveMaximum', 'maxLength', 'maxItems', 'maxProperties']) {
      this.compareBound(before[key], after[key], 'max', key, where);
    }

    handled('x-superjson');
    if (!sameJson(before['x-superjson'], after['x-superjson'])) {
      // A Date over superjson is not a string on the wire, nor in the SDK's types: neither side is wider.
      this.moved(where, 'changed', before['x-superjson'] === 'Date' ? 'no longer a Date' : 'now a Date');
    }
    handled('pattern', 'format', 'multipleOf');
    for (const key of ['pattern', 'format', 'multipleOf']) {
      this.compareRestriction(before[key], after[key], key, where);
    }

    handled('items');
    const beforeItems = schemaAt(before, 'items');
    const afterItems = schemaAt(after, 'items');
    if (beforeItems && afterItems) this.compare(beforeItems, afterItems, `${where}[]`);
    else if (beforeItems || afterItems) this.moved(where, 'changed', 'items changed');

    handled('properties', 'required', 'additionalProperties', 'propertyNames');
    this.compareObject(before, after, where);

    this.compareRest(before, after, where, seen);
  }

  /** Keywords no rule above covers: any difference is reported as breaking, never guessed compatible. */
  private compareRest(before: JsonSchema, after: JsonSchema, where: string, seen: Set<string>): void {
    const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
    for (const key of [...keys].sort()) {
      if (seen.has(key) || sameJson(before[key], after[key])) continue;
      this.moved(
        where,
        'changed',
        `unclassified change to \`${key}\`: ${show(before[key])} → ${show(after[key])}`,
      );
    }
  }

  private compareVariants(before: JsonSchema[], after: JsonSchema[], where: string): void {
    const removed = before.filter((variant) => !after.some((other) => sameJson(variant, other)));
    const added = after.filter((variant) => !before.some((other) => sameJson(variant, other)));
    if (removed.length === added.length) {
      // The same number of variants changed: most likely edited in place, so compare them pairwise.
      removed.forEach((variant, i) => {
        const counterpart = added[i];
        if (counterpart) this.compareCore(variant, counterpart, `${where}|${i + 1}`);
      });
      return;
    }
    for (const variant of removed) this.moved(where, 'narrower', `variant removed: ${show(variant)}`);
    for (const variant of added) this.moved(where, 'wider', `variant added: ${show(variant)}`);
  }

  private compareTypes(before: string[] | null, after: string[] | null, where: string): void {
    if (sameJson(before, after)) return;
    if (before === null || after === null) {
      this.moved(where, before === null ? 'narrower' : 'wider', `type ${show(before)} → ${show(after)}`);
      return;
    }
    // `integer` is a subset of `number`.
    const covers = (types: string[], type: string) =>
      types.includes(type) || (type === 'integer' && types.includes('number'));
    const lost = before.filter((type) => !covers(after, type));
    const gained = after.filter((type) => !covers(before, type));
    if (lost.length > 0 && gained.length > 0) {
      this.moved(where, 'changed', `type ${before.join('|')} → ${after.join('|')}`);
    } else if (lost.length > 0) {
      this.moved(where, 'narrower', `type ${before.join('|')} → ${after.join('|')}`);
    } else if (gained.length > 0 || !sameJson(before, after)) {
      this.moved(where, 'wider', `type ${before.join('|')} → ${after.join('|')}`);
    }
  }

  private compareValues(before: JsonValue[] | null, after: JsonValue[] | null, where: string): void {
    if (sameJson(before, after)) return;
    if (before === null || after === null) {
      this.moved(
        where,
        before === null ? 'narrower' : 'wider',
        before === null ? `now limited to ${show(after)}` : `no longer limited to ${show(before)}`,
      );
      return;
    }
    const lost = before.filter((value) => !after.some((other) => sameJson(value, other)));
    const gained = after.filter((value) => !before.some((other) => sameJson(value, other)));
    if (lost.length > 0)
      this.moved(where, 'narrower', `value${plural(lost)} removed: ${lost.map(show).join(', ')}`);
    if (gained.length > 0)
      this.moved(where, 'wider', `value${plural(gained)} added: ${gained.map(show).join(', ')}`);
  }

  private compareBound(
    before: JsonValue | undefined,
    after: JsonValue | undefined,
    side: 'min' | 'max',
    key: string,
    where: string,
  ): void {
    if (sameJson(before, after)) return;
    const what = `${key} ${show(before)} → ${show(after)}`;
    if (typeof before !== 'number' && typeof after !== 'number') {
      this.moved(where, 'changed', what);
    } else if (typeof before !== 'number') {
      this.moved(where, 'narrower', what);
    } else if (typeof after !== 'number') {
      this.moved(where, 'wider', what);
    } else {
      const tighter = side === 'min' ? after > before : after < before;
      this.moved(where, tighter ? 'narrower' : 'wider', what);
    }
  }

  /** A restriction (pattern, format…): adding one narrows, dropping one widens, changing one is neither. */
  private compareRestriction(
    before: JsonValue | undefined,
    after: JsonValue | undefined,
    key: string,
    where: string,
  ): void {
    if (sameJson(before, after)) return;
    const what = `${key} ${show(before)} → ${show(after)}`;
    if (before === undefined) this.moved(where, 'narrower', what);
    else if (after === undefined) this.moved(where, 'wider', what);
    else this.moved(where, 'changed', what);
  }

  private compareObject(before: JsonSchema, after: JsonSchema, where: string): void {
    const beforeProperties = schemaAt(before, 'properties') ?? {};
    const afterProperties = schemaAt(after, 'properties') ?? {};
    const beforeRequired = stringsAt(before, 'required');
    const afterRequired = stringsAt(after, 'required');
    const names = new Set([...Object.keys(beforeProperties), ...Object.keys(afterProperties)]);
    for (const name of [...names].sort()) {
      const at = `${where}.${name}`;
      const old = schemaAt(beforeProperties, name);
      const next = schemaAt(afterProperties, name);
      const wasRequired = beforeRequired.includes(name);
      const isRequired = afterRequired.includes(name);
      if (old && !next) {
        const deprecated = old.deprecated === true ? 'deprecated ' : '';
        this.record(at, 'breaking', `${deprecated}field removed`);
      } else if (!old && next) {
        if (this.direction === 'output') this.record(at, 'compatible', 'new field');
        else if (isRequired) this.record(at, 'breaking', 'new required field');
        else this.record(at, 'compatible', 'new optional field');
      } else if (old && next) {
        if (wasRequired && !isRequired) {
          this.moved(at, 'wider', this.direction === 'input' ? 'now optional' : 'may now be absent');
        } else if (!wasRequired && isRequired) {
          this.moved(at, 'narrower', this.direction === 'input' ? 'now required' : 'now always present');
        }
        this.compare(old, next, at);
      }
    }

    const beforeExtra = before.additionalProperties;
    const afterExtra = after.additionalProperties;
    if (!sameJson(beforeExtra, afterExtra)) {
      const oldExtra = schemaAt(before, 'additionalProperties');
      const newExtra = schemaAt(after, 'additionalProperties');
      if (oldExtra && newExtra) this.compare(oldExtra, newExtra, `${where}{}`);
      else if (afterExtra === false) this.moved(where, 'narrower', 'unknown fields now refused');
      else if (beforeExtra === false) this.moved(where, 'wider', 'unknown fields now allowed');
      else this.moved(where, 'changed', `additionalProperties ${show(beforeExtra)} → ${show(afterExtra)}`);
    }
    const oldNames = schemaAt(before, 'propertyNames');
    const newNames = schemaAt(after, 'propertyNames');
    if (oldNames && newNames) this.compare(oldNames, newNames, `${where}{keys}`);
    else if (oldNames || newNames)
      this.moved(where, oldNames ? 'wider' : 'narrower', 'key constraint changed');
  }
}

function sameJson(a: JsonValue | undefined, b: JsonValue | undefined): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** A value for a change's description, shortened: patterns and nested schemas can be long. */
function show(value: JsonValue | undefined): string {
  if (value === undefined) return 'none';
  const text = JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

function plural(list: readonly unknown[]): string {
  return list.length === 1 ? '' : 's';
}

function isSchema(value: JsonValue | undefined): value is JsonSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function schemaAt(schema: JsonSchema, key: string): JsonSchema | undefined {
  const value = schema[key];
  return isSchema(value) ? value : undefined;
}

function stringsAt(schema: JsonSchema, key: string): string[] {
  const value = schema[key];
  return Array.isArray(value) ? value.filter((item) => typeof item === 'string') : [];
}

function typesOf(schema: JsonSchema): string[] | null {
  const type = schema.type;
  if (typeof type === 'string') return [type];
  if (Array.isArray(type)) return type.filter((item) => typeof item === 'string').sort();
  return null;
}

function valuesOf(schema: JsonSchema): JsonValue[] | null {
  if (Array.isArray(schema.enum)) return schema.enum;
  if (schema.const !== undefined) return [schema.const];
  return null;
}

function variantsOf(schema: JsonSchema): JsonSchema[] {
  const anyOf = schema.anyOf;
  if (!Array.isArray(anyOf)) return [schema];
  return anyOf.filter(isSchema);
}

/**
 * Splits "may be null" from the rest, whichever way zod wrote it: `type: ['string', 'null']`, or
 * `anyOf: [X, { type: 'null' }]`.
 */
function withoutNull(schema: JsonSchema): { nullable: boolean; core: JsonSchema } {
  const type = schema.type;
  if (Array.isArray(type) && type.includes('null')) {
    const rest = type.filter((item) => item !== 'null');
    const [only] = rest;
    return {
      nullable: true,
      core: { ...schema, type: rest.length === 1 && only !== undefined ? only : rest },
    };
  }
  const anyOf = schema.anyOf;
  if (Array.isArray(anyOf)) {
    const isNull = (variant: JsonValue) => isSchema(variant) && sameJson(variant, { type: 'null' });
    if (anyOf.some(isNull)) {
      const rest = anyOf.filter((variant) => !isNull(variant));
      const [only] = rest;
      const { anyOf: _, ...around } = schema;
      const core = rest.length === 1 && isSchema(only) ? { ...around, ...only } : { ...around, anyOf: rest };
      return { nullable: true, core };
    }
  }
  return { nullable: false, core: schema };
}

function compareProcedure(
  path: string,
  before: ProcedureContract,
  after: ProcedureContract,
  changes: ContractChange[],
): void {
  if (before.kind !== after.kind) {
    changes.push({ level: 'breaking', where: path, what: `kind ${before.kind} → ${after.kind}` });
  }
  if (!before.deprecated && after.deprecated) {
    changes.push({ level: 'compatible', where: path, what: `deprecated: ${after.deprecated}` });
  } else if (before.deprecated && !after.deprecated) {
    changes.push({ level: 'compatible', where: path, what: 'no longer deprecated' });
  }
  for (const direction of ['input', 'output'] as const) {
    const old = before[direction];
    const next = after[direction];
    const where = `${path} ${direction}`;
    if (old && next) new SchemaComparison(direction, changes).compare(old, next, where);
    else if (old && !next) {
      changes.push(
        direction === 'input'
          ? { level: 'compatible', where, what: 'takes no input any more (what callers send is ignored)' }
          : { level: 'breaking', where, what: 'returns nothing any more' },
      );
    } else if (!old && next) {
      changes.push(
        direction === 'input'
          ? { level: 'breaking', where, what: 'now takes an input (callers send none)' }
          : { level: 'compatible', where, what: 'now returns a value' },
      );
    }
  }
}

/** Every difference between the released contract and the current one, in a stable order. */
export function diffContracts(released: ContractSnapshot, current: ContractSnapshot): ContractChange[] {
  const changes: ContractChange[] = [];
  for (const reason of released.errorReasons) {
    if (!current.errorReasons.includes(reason)) {
      changes.push({ level: 'breaking', where: 'errorReasons', what: `reason removed: ${reason}` });
    }
  }
  for (const reason of current.errorReasons) {
    if (!released.errorReasons.includes(reason)) {
      changes.push({ level: 'compatible', where: 'errorReasons', what: `new reason: ${reason}` });
    }
  }
  const paths = new Set([...Object.keys(released.procedures), ...Object.keys(current.procedures)]);
  for (const path of [...paths].sort()) {
    const before = released.procedures[path];
    const after = current.procedures[path];
    if (before && !after) {
      const deprecated = before.deprecated ? 'deprecated ' : '';
      changes.push({ level: 'breaking', where: path, what: `${deprecated}procedure removed` });
    } else if (!before && after) {
      changes.push({ level: 'compatible', where: path, what: `new ${after.kind}` });
    } else if (before && after) {
      compareProcedure(path, before, after, changes);
    }
  }
  return changes;
}
