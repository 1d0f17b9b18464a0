import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type ContractChange, diffContracts } from '../../scripts/contract-diff.ts';
import {
  type Bump,
  bumpBetween,
  changesetBump,
  releaseVerdict,
  requiredBump,
} from '../../scripts/contract-release.ts';
import {
  type ContractSnapshot,
  type ProcedureContract,
  type procedureKinds,
  schemaOf,
} from '../../scripts/contract-snapshot.ts';

/**
 * The classifier on planted changes: a released contract made from zod schemas, then one change at a time,
 * each judged by diffContracts and by the bump rules (before 1.0 a breaking change needs minor, from 1.0
 * major; any other contract change a patch changeset).
 */

interface PlantedProcedure {
  kind?: (typeof procedureKinds)[number];
  deprecated?: string;
  input?: z.ZodType | null;
  output: z.ZodType;
}

function contract(procedures: Record<string, PlantedProcedure>, errorReasons: string[]): ContractSnapshot {
  const entries = Object.entries(procedures).map(([path, planted]): [string, ProcedureContract] => [
    path,
    {
      kind: planted.kind ?? 'query',
      ...(planted.deprecated ? { deprecated: planted.deprecated } : {}),
      input: planted.input ? schemaOf(planted.input, 'input', path) : null,
      output: schemaOf(planted.output, 'output', path),
    },
  ]);
  return { errorReasons: [...errorReasons].sort(), procedures: Object.fromEntries(entries) };
}

const reasons = ['NOT_FOUND', 'DATES_UNAVAILABLE'];
const createInput = {
  propertyId: z.uuid(),
  guests: z.number().int().min(1).max(16),
  sort: z.enum(['newest', 'price_asc']).optional(),
  text: z.string().max(200).optional(),
  limit: z.number().int().max(50).default(20),
};
const bookingView = {
  bookingId: z.uuid(),
  status: z.enum(['pending', 'confirmed']),
  totalCents: z.number().int(),
  confirmedAt: z.date().nullable(),
  note: z.string(),
  createdAt: z.date(),
};

type Shapes = { input: typeof createInput; output: typeof bookingView };

/** The released contract, or a variant of it: `edit` changes the shapes, procedures or reasons. */
function plant(
  edit: {
    input?: (shape: Shapes['input']) => z.ZodRawShape;
    output?: (shape: Shapes['output']) => z.ZodRawShape;
    procedures?: (procedures: Record<string, PlantedProcedure>) => Record<string, PlantedProcedure>;
    reasons?: (list: string[]) => string[];
  } = {},
): ContractSnapshot {
  const input = z.object(edit.input ? edit.input(createInput) : createInput);
  const output = z.object(edit.output ? edit.output(bookingView) : bookingView);
  const procedures: Record<string, PlantedProcedure> = {
    'bookings.create': { kind: 'mutation', input, output },
    'bookings.get': { input: z.object({ bookingId: z.uuid() }), output },
    health: { output: z.object({ ok: z.boolean() }) },
  };
  return contract(
    edit.procedures ? edit.procedures(procedures) : procedures,
    (edit.reasons ?? ((r) => r))(reasons),
  );
}

const released = plant();

function edited(
  procedures: Record<string, PlantedProcedure>,
  path: string,
  change: Pick<PlantedProcedure, 'kind' | 'deprecated'>,
): Record<string, PlantedProcedure> {
  const procedure = procedures[path];
  if (!procedure) throw new Error(`the planted contract has no ${path}`);
  return { ...procedures, [path]: { ...procedure, ...change } };
}

function without<T extends object, K extends keyof T>(shape: T, key: K): Omit<T, K> {
  const { [key]: _, ...rest } = shape;
  return rest;
}

const noBump = { changesets: 'none', version: 'none' } as const;
const changeset = (bump: Bump) => ({ changesets: bump, version: 'none' as const });

const breakingCases: { name: string; before?: ContractSnapshot; after: ContractSnapshot; where: string }[] = [
  {
    name: 'a procedure removed',
    after: plant({ procedures: (p) => without(p, 'bookings.get') }),
    where: 'bookings.get',
  },
  {
    name: 'a deprecated procedure removed',
    before: plant({
      procedures: (p) => edited(p, 'bookings.get', { deprecated: 'Use bookings.find.' }),
    }),
    after: plant({ procedures: (p) => without(p, 'bookings.get') }),
    where: 'bookings.get',
  },
  {
    name: 'a procedure turned from query into mutation',
    after: plant({ procedures: (p) => edited(p, 'health', { kind: 'mutation' }) }),
    where: 'health',
  },
  {
    name: 'an input field removed',
    after: plant({ input: (s) => without(s, 'text') }),
    where: 'bookings.create input.text',
  },
  {
    name: 'a deprecated input field removed',
    before: plant({ input: (s) => ({ ...s, text: s.text.meta({ deprecated: true }) }) }),
    after: plant({ input: (s) => without(s, 'text') }),
    where: 'bookings.create input.text',
  },
  {
    name: 'an optional input field made required',
    after: plant({ input: (s) => ({ ...s, sort: z.enum(['newest', 'price_asc']) }) }),
    where: 'bookings.create input.sort',
  },
  {
    name: 'a new required input field',
    after: plant({ input: (s) => ({ ...s, currency: z.string() }) }),
    where: 'bookings.create input.currency',
  },
  {
    name: 'an input number bound narrowed',
    after: plant({ input: (s) => ({ ...s, guests: z.number().int().min(1).max(8) }) }),
    where: 'bookings.create input.guests',
  },
  {
    name: 'an input string length narrowed',
    after: plant({ input: (s) => ({ ...s, text: z.string().max(100).optional() }) }),
    where: 'bookings.create input.text',
  },
  {
    name: 'an input enum value removed',
    after: plant({ input: (s) => ({ ...s, sort: z.enum(['newest']).optional() }) }),
    where: 'bookings.create input.sort',
  },
  {
    name: 'an input type changed',
    after: plant({ input: (s) => ({ ...s, guests: z.string() }) }),
    where: 'bookings.create input.guests',
  },
  {
    name: 'an input that no longer accepts null',
    before: plant({ input: (s) => ({ ...s, text: z.string().max(200).nullish() }) }),
    after: plant(),
    where: 'bookings.create input.text',
  },
  {
    name: 'an input default changed',
    after: plant({ input: (s) => ({ ...s, limit: z.number().int().max(50).default(10) }) }),
    where: 'bookings.create input.limit',
  },
  {
    name: 'an output field removed',
    after: plant({ output: (s) => without(s, 'note') }),
    where: 'bookings.create output.note',
  },
  {
    name: 'an output field made nullable',
    after: plant({ output: (s) => ({ ...s, note: z.string().nullable() }) }),
    where: 'bookings.create output.note',
  },
  {
    name: 'an output field made optional',
    after: plant({ output: (s) => ({ ...s, note: z.string().optional() }) }),
    where: 'bookings.create output.note',
  },
  {
    name: 'an output enum value added',
    after: plant({ output: (s) => ({ ...s, status: z.enum(['pending', 'confirmed', 'expired']) }) }),
    where: 'bookings.create output.status',
  },
  {
    name: 'an output Date turned into a string',
    after: plant({ output: (s) => ({ ...s, createdAt: z.iso.datetime() }) }),
    where: 'bookings.create output.createdAt',
  },
  {
    name: 'a reason removed',
    after: plant({ reasons: (r) => r.filter((reason) => reason !== 'DATES_UNAVAILABLE') }),
    where: 'errorReasons',
  },
];

const compatibleCases: { name: string; before?: ContractSnapshot; after: ContractSnapshot; where: string }[] =
  [
    {
      name: 'a new optional input field',
      after: plant({ input: (s) => ({ ...s, currency: z.string().optional() }) }),
      where: 'bookings.create input.currency',
    },
    {
      name: 'a new input field with a default',
      after: plant({ input: (s) => ({ ...s, instantOnly: z.boolean().default(false) }) }),
      where: 'bookings.create input.instantOnly',
    },
    {
      name: 'a new output field',
      after: plant({ output: (s) => ({ ...s, nights: z.number().int() }) }),
      where: 'bookings.create output.nights',
    },
    {
      name: 'a new procedure',
      after: plant({
        procedures: (p) => ({ ...p, 'bookings.listMine': { output: z.array(z.object(bookingView)) } }),
      }),
      where: 'bookings.listMine',
    },
    {
      name: 'a new reason',
      after: plant({ reasons: (r) => [...r, 'STAY_TOO_LONG'] }),
      where: 'errorReasons',
    },
    {
      name: 'an input bound and enum widened',
      after: plant({
        input: (s) => ({
          ...s,
          guests: z.number().int().min(1).max(32),
          sort: z.enum(['newest', 'price_asc', 'rating']).optional(),
        }),
      }),
      where: 'bookings.create input.guests',
    },
    {
      name: 'an output field that is never null any more',
      after: plant({ output: (s) => ({ ...s, confirmedAt: z.date() }) }),
      where: 'bookings.create output.confirmedAt',
    },
    {
      name: 'a field marked deprecated',
      after: plant({ input: (s) => ({ ...s, text: s.text.meta({ deprecated: true }) }) }),
      where: 'bookings.create input.text',
    },
    {
      name: 'a procedure marked deprecated',
      after: plant({
        procedures: (p) => edited(p, 'bookings.get', { deprecated: 'Use bookings.find.' }),
      }),
      where: 'bookings.get',
    },
  ];

const breakingOnly = (changes: ContractChange[]) => changes.filter((change) => change.level === 'breaking');

describe('the contract classifier: breaking changes', () => {
  it.each(breakingCases)('labels $name breaking', ({ before, after, where }) => {
    const changes = diffContracts(before ?? released, after);
    expect(breakingOnly(changes).map((change) => change.where)).toContain(where);
  });

  it.each(breakingCases)(
    'fails $name without a bump, passes with a minor one before 1.0',
    ({ before, after }) => {
      const changes = diffContracts(before ?? released, after);
      expect(releaseVerdict(changes, '0.1.0', noBump).ok).toBe(false);
      expect(releaseVerdict(changes, '0.1.0', changeset('patch')).ok).toBe(false);
      expect(releaseVerdict(changes, '0.1.0', changeset('minor')).ok).toBe(true);
      // The version already moved (after `changeset version`, before the released snapshot advanced).
      expect(
        releaseVerdict(changes, '0.1.0', { changesets: 'none', version: bumpBetween('0.1.0', '0.2.0') }).ok,
      ).toBe(true);
    },
  );

  it.each(breakingCases)(
    'fails $name with a minor bump from 1.0 on, passes with a major one',
    ({ before, after }) => {
      const changes = diffContracts(before ?? released, after);
      expect(releaseVerdict(changes, '1.2.0', changeset('minor')).ok).toBe(false);
      expect(releaseVerdict(changes, '1.2.0', changeset('major')).ok).toBe(true);
    },
  );
});

describe('the contract classifier: compatible changes', () => {
  it.each(compatibleCases)('labels $name compatible', ({ before, after, where }) => {
    const changes = diffContracts(before ?? released, after);
    expect(changes.map((change) => change.where)).toContain(where);
    expect(breakingOnly(changes)).toEqual([]);
  });

  it.each(compatibleCases)(
    'passes $name with a patch changeset, before and after 1.0',
    ({ before, after }) => {
      const changes = diffContracts(before ?? released, after);
      expect(requiredBump(changes, '0.1.0')).toBe('patch');
      expect(releaseVerdict(changes, '0.1.0', changeset('patch')).ok).toBe(true);
      expect(releaseVerdict(changes, '1.2.0', changeset('patch')).ok).toBe(true);
    },
  );

  it('still asks for a changeset: a compatible change with none fails, saying which bump', () => {
    const [compatible] = compatibleCases;
    if (!compatible) throw new Error('no compatible case');
    const verdict = releaseVerdict(diffContracts(released, compatible.after), '0.1.0', noBump);
    expect(verdict.ok).toBe(false);
    expect(verdict.report).toContain('need a patch bump of @stayhub/sdk');
    expect(verdict.report).toContain('node scripts/pnpm.mjs changeset');
  });

  it('needs nothing when nothing in the contract changed', () => {
    expect(diffContracts(released, plant())).toEqual([]);
    expect(releaseVerdict([], '0.1.0', noBump)).toMatchObject({ ok: true, required: 'none' });
  });
});

describe('renaming a field behind a deprecated alias (reviews.respond: response → hostResponse)', () => {
  const reviewView = z.object({ reviewId: z.uuid(), hostResponse: z.string().nullable() });
  const text = z.string().trim().min(1).max(5000);
  /** A contract with reviews.respond taking `input`. */
  const respondTaking = (input: z.ZodType) =>
    contract({ 'reviews.respond': { kind: 'mutation', input, output: reviewView } }, reasons);
  const old = respondTaking(z.object({ reviewId: z.uuid(), response: text }));
  const aliased = z
    .object({
      reviewId: z.uuid(),
      hostResponse: text.optional(),
      response: text.optional().meta({ deprecated: true, description: 'Use `hostResponse`.' }),
    })
    .refine((input) => (input.hostResponse === undefined) !== (input.response === undefined), {
      message: 'exactly one of hostResponse and response',
    });
  const withAlias = respondTaking(aliased);

  it('is compatible: the old name became optional and deprecated, the new one is optional', () => {
    // The refinement (exactly one of the two) has no JSON Schema: old callers, who send `response`, pass it.
    expect(diffContracts(old, withAlias)).toEqual([
      { level: 'compatible', where: 'reviews.respond input.hostResponse', what: 'new optional field' },
      { level: 'compatible', where: 'reviews.respond input.response', what: 'now optional' },
      { level: 'compatible', where: 'reviews.respond input.response', what: 'deprecated' },
    ]);
    expect(releaseVerdict(diffContracts(old, withAlias), '0.1.0', changeset('patch')).ok).toBe(true);
  });

  it('is breaking when the alias is finally removed', () => {
    const removed = respondTaking(z.object({ reviewId: z.uuid(), hostResponse: text }));
    const changes = diffContracts(withAlias, removed);
    expect(breakingOnly(changes)).toEqual([
      { level: 'breaking', where: 'reviews.respond input.hostResponse', what: 'now required' },
      { level: 'breaking', where: 'reviews.respond input.response', what: 'deprecated field removed' },
    ]);
    expect(releaseVerdict(changes, '0.2.0', changeset('patch')).ok).toBe(false);
    expect(releaseVerdict(changes, '0.2.0', changeset('minor')).ok).toBe(true);
  });

  it('is breaking when the new name is made required while the old one stays', () => {
    const both = respondTaking(
      z.object({ reviewId: z.uuid(), hostResponse: text, response: text.optional() }),
    );
    expect(breakingOnly(diffContracts(old, both))).toEqual([
      { level: 'breaking', where: 'reviews.respond input.hostResponse', what: 'new required field' },
    ]);
  });
});

describe('the declared bump', () => {
  it('takes the highest bump the changesets ask for the SDK, ignoring other packages', () => {
    const changesets = [
      { releases: [{ name: '@stayhub/sdk', type: 'patch' as const }] },
      {
        releases: [
          { name: '@stayhub/api', type: 'major' as const },
          { name: '@stayhub/sdk', type: 'minor' as const },
        ],
      },
      { releases: [{ name: '@stayhub/api', type: 'major' as const }] },
    ];
    expect(changesetBump(changesets, '@stayhub/sdk')).toBe('minor');
    expect(changesetBump(changesets.slice(2), '@stayhub/sdk')).toBe('none');
  });

  it('reads the bump between two versions, and refuses a version older than the released one', () => {
    expect(bumpBetween('0.1.0', '0.1.0')).toBe('none');
    expect(bumpBetween('0.1.0', '0.1.3')).toBe('patch');
    expect(bumpBetween('0.1.3', '0.2.0')).toBe('minor');
    expect(bumpBetween('0.9.1', '1.0.0')).toBe('major');
    expect(() => bumpBetween('0.2.0', '0.1.9')).toThrow(/older than the released 0\.2\.0/);
  });
});
