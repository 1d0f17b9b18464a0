import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/infra/clock.ts';
import {
  type Caller,
  callerAs,
  callerFor,
  failureOf,
  outcomeOf,
  signedIn,
  useTestDeps,
} from '../../../src/testing/index.ts';
import {
  accessMatrix,
  type Base,
  type IdMatrixRow,
  type MatrixRow,
  type Outcome,
  type Refusal,
} from './access-matrix.ts';
import { type Entity, ownerView } from './owner-views.ts';
import { idFieldsOf, inputSchemas, procedureAt, procedurePaths } from './router-walk.ts';
import {
  buildStrangerRows,
  buildWorld,
  type Party,
  type StrangerKind,
  strangerCaller,
  strangerKinds,
  TODAY_INSTANT,
  type World,
} from './world.ts';

const deps = await useTestDeps({ clock: new ManualClock(TODAY_INSTANT) });

const rows: [string, MatrixRow][] = Object.entries(accessMatrix);
const idRows = rows.filter((entry): entry is [string, IdMatrixRow] => entry[1].ids !== undefined);
const ownerRows = idRows.filter(
  (entry): entry is [string, IdMatrixRow & { ownerMay: Party }] => entry[1].ownerMay !== undefined,
);

/** What a caller saw: success, or the code and reason of the refusal. */
type Seen = 'ok' | Refusal;

async function attempt(caller: Caller, path: string, input: unknown): Promise<Seen> {
  const outcome = await outcomeOf(() => procedureAt(caller, path)(input));
  return outcome === 'ok' ? 'ok' : { code: outcome.code, reason: outcome.reason };
}

const parties: readonly Party[] = ['guest', 'host'];

const seenFor = (outcome: Outcome): Seen => (outcome === 'acts' ? 'ok' : outcome);

const fieldOf = (input: unknown, name: string): unknown =>
  typeof input === 'object' && input !== null ? Reflect.get(input, name) : undefined;

const strangerLabels: Record<StrangerKind, string> = {
  anonymous: 'an anonymous caller',
  guest: 'another guest',
  host: 'another host',
  suspended: 'a suspended admin',
  admin: 'an admin',
};

const isNotFound = (outcome: Outcome) =>
  outcome !== 'ok' && outcome !== 'acts' && outcome.code === 'NOT_FOUND';

/** The input with a fresh uuid (that names nothing) in every id field. */
function withUnknownIds(input: unknown, ids: IdMatrixRow['ids']): unknown {
  if (typeof input !== 'object' || input === null) return input;
  return Object.fromEntries(
    Object.entries(input).map(([field, value]) => {
      if (!(field in ids)) return [field, value];
      return [field, Array.isArray(value) ? value.map(() => randomUUID()) : randomUUID()];
    }),
  );
}

describe('the authorization matrix', () => {
  it('has a row for every procedure of the app router and none for a procedure it lacks', () => {
    expect(Object.keys(accessMatrix).sort()).toEqual(procedurePaths());
  });

  it("names every id field of each procedure's input schema, and nothing else", () => {
    const named = rows.map(([path, row]) => ({ path, ids: Object.keys(row.ids ?? {}).sort() }));
    expect(named).toEqual(rows.map(([path]) => ({ path, ids: idFieldsOf(path) })));
  });

  it('has the call that proves an input good made by an owner of the rows it names', () => {
    const provers = ownerRows.map(([path, row]) => ({
      path,
      ownsTheRows: [row.ownerMay, 'both'].includes(row.owner),
    }));
    expect(provers).toEqual(ownerRows.map(([path]) => ({ path, ownsTheRows: true })));
  });

  it("builds inputs every procedure's schema accepts, so a refusal is never about validation", async () => {
    const world = await buildWorld(deps);
    const theirs = await buildStrangerRows(world);
    for (const [path, row] of rows) {
      const crossed = row.ids === undefined ? undefined : row.crossed;
      const inputs = [row.input(world), ...(crossed ? [crossed.input(world, theirs)] : [])];
      for (const schema of inputSchemas(path)) {
        for (const input of inputs) {
          const parsed = await schema.safeParseAsync(input);
          expect({ path, issues: parsed.error?.issues ?? [] }).toEqual({ path, issues: [] });
        }
      }
    }
  });
});

type BaseCaller = 'anonymous' | 'suspended' | 'guest' | 'host';

/** What the procedure base answers a caller before any service runs; 'passes' lets the service decide. */
function baseAnswer(base: Base, who: BaseCaller): Refusal | 'passes' {
  switch (who) {
    case 'anonymous':
      return base === 'public' || base === 'viewer'
        ? 'passes'
        : { code: 'UNAUTHORIZED', reason: 'UNAUTHENTICATED' };
    case 'suspended':
      return base === 'public' ? 'passes' : { code: 'UNAUTHORIZED', reason: 'ACCOUNT_SUSPENDED' };
    case 'guest':
      return base === 'host' || base === 'admin' ? { code: 'FORBIDDEN', reason: 'FORBIDDEN' } : 'passes';
    case 'host':
      return base === 'admin' ? { code: 'FORBIDDEN', reason: 'FORBIDDEN' } : 'passes';
  }
}

describe('every procedure admits exactly the callers its base admits', () => {
  let world: World;
  beforeAll(async () => {
    world = await buildWorld(deps);
  });

  it.each(rows)('%s: its base decides who gets past it', async (path, row) => {
    const callers: [BaseCaller, Caller][] = [
      ['anonymous', callerFor(deps)],
      ['suspended', (await callerAs(deps, 'suspended')).caller],
      ['guest', (await signedIn(deps, 'guest')).caller],
      ['host', (await signedIn(deps, 'host')).caller],
    ];
    for (const [who, caller] of callers) {
      const seen = await attempt(caller, path, row.input(world));
      const answer = baseAnswer(row.base, who);
      if (answer === 'passes') {
        // Past the base, nobody is refused for who they are: someone else's row is NOT_FOUND, not FORBIDDEN.
        const refusedForWho = seen !== 'ok' && (seen.code === 'UNAUTHORIZED' || seen.code === 'FORBIDDEN');
        expect({ who, seen, refusedForWho }).toMatchObject({ who, refusedForWho: false });
      } else {
        expect({ who, seen }).toEqual({ who, seen: answer });
      }
    }
  });
});

/** Everything the owners see of the rows a call names (and watches), read through their own procedures. */
function watchedView(world: World, row: IdMatrixRow): () => Promise<Partial<Record<Entity, unknown>>> {
  const input = row.input(world);
  const named = Object.entries(row.ids).flatMap(([field, entity]) => {
    if (entity === undefined) return [];
    const id = fieldOf(input, field);
    return [{ entity, id: typeof id === 'string' ? id : undefined }];
  });
  const watched = [...named, ...(row.watches ?? []).map((entity) => ({ entity, id: undefined }))];
  return async () => {
    const view: Partial<Record<Entity, unknown>> = {};
    for (const { entity, id } of watched) view[entity] ??= await ownerView(world, entity, id);
    return view;
  };
}

interface Try {
  who: string;
  caller: Caller;
  input: () => unknown;
  expect: Outcome;
}

describe("an id-taking procedure called with the owners' ids", () => {
  it.each(idRows)(
    "%s: answers everyone else as the matrix says and leaves the owners' view as it was",
    async (path, row) => {
      const world = await buildWorld(deps);
      const theirs = row.crossed ? await buildStrangerRows(world) : undefined;
      const tries: Try[] = strangerKinds
        .filter((kind) => kind !== 'admin')
        .map((kind) => ({
          who: strangerLabels[kind],
          caller: strangerCaller(world, kind),
          input: () => row.input(world),
          expect: row.access[kind],
        }));
      if (row.crossed && theirs) {
        const { by, input, expect: refusal } = row.crossed;
        tries.push({
          who: `${strangerLabels[by]} naming a row of their own`,
          caller: strangerCaller(world, by),
          input: () => input(world, theirs),
          expect: refusal,
        });
      }
      for (const party of parties) {
        const refusal = row.parties?.[party];
        if (refusal === undefined) continue;
        tries.push({
          who: `the owners' own ${party}`,
          caller: world[party].caller,
          input: () => row.input(world),
          expect: refusal,
        });
      }
      // Last: an admin may act, after which the owners' view may change.
      tries.push({
        who: strangerLabels.admin,
        caller: strangerCaller(world, 'admin'),
        input: () => row.input(world),
        expect: row.access.admin,
      });

      const view = watchedView(world, row);
      await view(); // the first read fills the caches the later ones come from
      const before = await view();
      for (const attemptBy of tries) {
        const { who } = attemptBy;
        const seen = await attempt(attemptBy.caller, path, attemptBy.input());
        expect({ who, seen }).toEqual({ who, seen: seenFor(attemptBy.expect) });
        if (attemptBy.expect !== 'acts') expect({ who, view: await view() }).toEqual({ who, view: before });
      }
    },
  );

  it.each(idRows.filter(([, row]) => strangerKinds.some((kind) => isNotFound(row.access[kind]))))(
    "%s: answers an id that names nothing exactly as it answers someone else's, so existence never leaks",
    async (path, row) => {
      const world = await buildWorld(deps);
      for (const kind of strangerKinds) {
        if (!isNotFound(row.access[kind])) continue;
        const call = (input: unknown) =>
          failureOf(() => procedureAt(strangerCaller(world, kind), path)(input));
        const someoneElses = await call(row.input(world));
        const unknown = await call(withUnknownIds(row.input(world), row.ids));
        expect({ who: strangerLabels[kind], failure: unknown }).toEqual({
          who: strangerLabels[kind],
          failure: someoneElses,
        });
      }
    },
  );

  it.each(ownerRows)('%s: lets the owner named in the matrix make the same call', async (path, row) => {
    const world = await buildWorld(deps);
    expect(await attempt(world[row.ownerMay].caller, path, row.input(world))).toBe('ok');
  });
});
