import { TRPCError } from '@trpc/server';
import { failureFrom } from '../../../src/testing/index.ts';

/**
 * The property every call must keep, whatever its input and caller: it succeeds, or it fails with a
 * TRPCError that is not INTERNAL_SERVER_ERROR; what a client sees of a failure (message, reason, field
 * errors) names no stack frame, SQL, SQLSTATE or file path; and a call that failed committed nothing.
 */

export type ViolationKind =
  | 'internal'
  | 'not-a-trpc-error'
  | 'leak'
  | 'wrote-on-error'
  | 'prototype-pollution';

export interface Violation {
  kind: ViolationKind;
  detail: string;
}

export type Outcome = { ok: true } | { ok: false; error: unknown };

/** What the report shows of a failure: code, the SQLSTATE and message of a database error behind it. */
export interface ErrorSummary {
  code: string;
  message: string;
  sqlState: string | null;
  cause: string | null;
}

const leaks: { name: string; pattern: RegExp }[] = [
  { name: 'stack frame', pattern: /\n\s+at |\bat \S+ \(\S+:\d+:\d+\)/ },
  { name: 'file path', pattern: /\/work\/|node_modules|\.[cm]?[jt]s:\d|file:\/\/|\/home\/|\/usr\/lib/ },
  {
    name: 'SQL',
    pattern:
      /\bselect\s[\s\S]*\sfrom\s|\binsert\s+into\b|\bupdate\s+\S+\s+set\b|\bdelete\s+from\b|\breturning\s+"/i,
  },
  {
    name: 'database error text',
    pattern:
      /violates|duplicate key|syntax error at|relation "|column "|invalid input syntax|out of range for type|invalid byte sequence|unsupported Unicode escape|date\/time field value|null value in column|current transaction is aborted/i,
  },
  {
    name: 'SQLSTATE',
    pattern: /\bSQLSTATE\b|\b[0-9]{2}P[0-9]{2}\b|\b(?:22|23|25|40|42|53|54|55|57|58)[0-9]{3}\b/,
  },
];

/** The causes of an error, outermost first. */
function causesOf(error: unknown): unknown[] {
  const chain: unknown[] = [];
  let current: unknown = error;
  while (current instanceof Error && chain.length < 8) {
    chain.push(current);
    current = current.cause;
  }
  return chain;
}

/** A Postgres error's SQLSTATE and message, if one is behind `error`. */
function databaseErrorOf(error: unknown): { code: string; message: string } | null {
  for (const cause of causesOf(error)) {
    if (!(cause instanceof Error)) continue;
    const code: unknown = Reflect.get(cause, 'code');
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return { code, message: cause.message };
  }
  return null;
}

export function summarize(error: unknown): ErrorSummary {
  const database = databaseErrorOf(error);
  const innermost = causesOf(error).at(-1);
  const cause =
    innermost instanceof Error && innermost !== error ? `${innermost.name}: ${innermost.message}` : null;
  return {
    code: error instanceof TRPCError ? error.code : 'NOT_A_TRPC_ERROR',
    message: error instanceof Error ? error.message : String(error),
    sqlState: database?.code ?? null,
    cause: cause?.slice(0, 300) ?? null,
  };
}

export function judge(outcome: Outcome, writes: ReadonlyMap<string, number>, polluted: boolean): Violation[] {
  const violations: Violation[] = [];
  if (polluted) violations.push({ kind: 'prototype-pollution', detail: 'Object.prototype gained a key' });
  if (outcome.ok) return violations;
  const { error } = outcome;
  if (!(error instanceof TRPCError)) {
    violations.push({ kind: 'not-a-trpc-error', detail: String(error) });
    return violations;
  }
  if (error.code === 'INTERNAL_SERVER_ERROR') {
    violations.push({ kind: 'internal', detail: 'answered INTERNAL_SERVER_ERROR' });
  }
  // What the error formatter puts on the wire for this error.
  const seen = failureFrom(error);
  const answer = JSON.stringify(seen);
  for (const { name, pattern } of leaks) {
    if (pattern.test(answer))
      violations.push({ kind: 'leak', detail: `${name} in the answer: ${answer.slice(0, 300)}` });
  }
  const database = databaseErrorOf(error);
  if (database && (answer.includes(database.code) || answer.includes(database.message))) {
    violations.push({ kind: 'leak', detail: `the database error ${database.code} is in the answer` });
  }
  if (writes.size > 0) {
    const written = [...writes].map(([name, n]) => `${name} ×${n}`).join(', ');
    violations.push({
      kind: 'wrote-on-error',
      detail: `failed with ${error.code} after committing ${written}`,
    });
  }
  return violations;
}

/** An input as a counterexample shows it: JSON with every non-ASCII and control character escaped. */
export function showInput(input: unknown): string {
  const seen = new WeakSet<object>();
  const json = JSON.stringify(input, function replacer(this: unknown, key, value: unknown) {
    const raw: unknown = this && typeof this === 'object' ? Reflect.get(this, key) : value;
    if (raw === undefined) return '<undefined>';
    if (typeof raw === 'bigint') return `<bigint ${raw}>`;
    if (typeof raw === 'number' && !Number.isFinite(raw)) return `<${raw}>`;
    if (Object.is(raw, -0)) return '<-0>';
    if (raw instanceof Date) return `<Date ${Number.isNaN(raw.getTime()) ? 'Invalid' : raw.getTime()}>`;
    if (raw instanceof Map) return { '<Map>': [...raw] };
    if (raw instanceof Set) return { '<Set>': [...raw] };
    if (typeof raw === 'string' && raw.length > 120) return `${raw.slice(0, 40)}…<${raw.length} chars>`;
    if (typeof raw === 'object' && raw !== null) {
      if (seen.has(raw)) return '<cycle>';
      seen.add(raw);
    }
    return value;
  });
  // JSON.stringify already escapes control characters and lone surrogates; escape the rest of non-ASCII.
  return (json ?? '<undefined>').replace(
    /[^ -~]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
