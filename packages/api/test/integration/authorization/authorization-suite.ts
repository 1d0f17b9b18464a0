import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { callerAs, callerFor, signedIn, type TestDeps } from '../../../src/testing/index.ts';
import {
  accessMatrix,
  type Base,
  type IdMatrixRow,
  type MatrixRow,
  type Outcome,
  type Refusal,
} from './access-matrix.ts';
import { type Entity, ownerView } from './owner-views.ts';
import {
  buildStrangerRows,
  buildWorld,
  type Party,
  type Principal,
  type StrangerKind,
  stranger,
  strangerKinds,
  type World,
} from './world.ts';

/**
 * The authorization matrix's cases (SPEC §4 privacy: NOT_FOUND for what a caller may not see), run over a
 * surface: tRPC (authorization.test.ts) or REST (authorization-rest.test.ts). One authorization truth:
 * every surface must give every caller the same answers.
 */

/** What a caller saw: success, or the code and reason of the refusal. */
export type Seen = 'ok' | Refusal;

export interface Surface {
  /** Calls the procedure at `path` as `who`: success, or the refusal's code and reason. */
  attempt(who: Principal, path: string, input: unknown): Promise<Seen>;
  /** Everything a client sees of a call that must fail (to compare two failures whole). */
  failure(who: Principal, path: string, input: unknown): Promise<unknown>;
}

const rows: [string, MatrixRow][] = Object.entries(accessMatrix);
const idRows = rows.filter((entry): entry is [string, IdMatrixRow] => entry[1].ids !== undefined);
const ownerRows = idRows.filter(
  (entry): entry is [string, IdMatrixRow & { ownerMay: Party }] => entry[1].ownerMay !== undefined,
);

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
  caller: Principal;
  input: () => unknown;
  expect: Outcome;
}

export function describeAuthorization(deps: TestDeps, surface: Surface): void {
  const { attempt } = surface;
  describe('every procedure admits exactly the callers its base admits', () => {
    let world: World;
    beforeAll(async () => {
      world = await buildWorld(deps);
    });

    it.each(rows)('%s: its base decides who gets past it', async (path, row) => {
      const callers: [BaseCaller, Principal][] = [
        ['anonymous', { caller: callerFor(deps), token: null }],
        ['suspended', await callerAs(deps, 'suspended')],
        ['guest', await signedIn(deps, 'guest')],
        ['host', await signedIn(deps, 'host')],
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
            caller: stranger(world, kind),
            input: () => row.input(world),
            expect: row.access[kind],
          }));
        if (row.crossed && theirs) {
          const { by, input, expect: refusal } = row.crossed;
          tries.push({
            who: `${strangerLabels[by]} naming a row of their own`,
            caller: stranger(world, by),
            input: () => input(world, theirs),
            expect: refusal,
          });
        }
        for (const party of parties) {
          const refusal = row.parties?.[party];
          if (refusal === undefined) continue;
          tries.push({
            who: `the owners' own ${party}`,
            caller: world[party],
            input: () => row.input(world),
            expect: refusal,
          });
        }
        // Last: an admin may act, after which the owners' view may change.
        tries.push({
          who: strangerLabels.admin,
          caller: stranger(world, 'admin'),
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
          const call = (input: unknown) => surface.failure(stranger(world, kind), path, input);
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
      expect(await attempt(world[row.ownerMay], path, row.input(world))).toBe('ok');
    });
  });
}
