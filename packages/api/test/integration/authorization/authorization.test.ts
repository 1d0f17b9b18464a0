import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/infra/clock.ts';
import { failureOf, outcomeOf, useTestDeps } from '../../../src/testing/index.ts';
import { accessMatrix, type IdMatrixRow, type MatrixRow } from './access-matrix.ts';
import { describeAuthorization } from './authorization-suite.ts';
import { idFieldsOf, inputSchemas, procedureAt, procedurePaths } from './router-walk.ts';
import { buildStrangerRows, buildWorld, type Party, TODAY_INSTANT } from './world.ts';

const deps = await useTestDeps({ clock: new ManualClock(TODAY_INSTANT) });

const rows: [string, MatrixRow][] = Object.entries(accessMatrix);
const ownerRows = rows.filter(
  (entry): entry is [string, IdMatrixRow & { ownerMay: Party }] =>
    entry[1].ids !== undefined && entry[1].ownerMay !== undefined,
);

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

// The cases themselves, over tRPC (authorization-rest.test.ts runs them over REST).
describeAuthorization(deps, {
  attempt: async (who, path, input) => {
    const outcome = await outcomeOf(() => procedureAt(who.caller, path)(input));
    return outcome === 'ok' ? 'ok' : { code: outcome.code, reason: outcome.reason };
  },
  failure: (who, path, input) => failureOf(() => procedureAt(who.caller, path)(input)),
});
