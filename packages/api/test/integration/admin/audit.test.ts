import { beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/infra/clock.ts';
import { adminRouter } from '../../../src/routers/admin.router.ts';
import { createBooking, createUser, failureOf, signedIn, useTestDeps } from '../../../src/testing/index.ts';
import { listing } from '../bookings/helpers.ts';
import { invoke } from '../fuzz/procedures.ts';

const clock = new ManualClock('2031-03-01T12:00:00Z');
const deps = await useTestDeps({ clock });

type Admin = Awaited<ReturnType<typeof signedIn>>;

/**
 * A valid call of every admin mutation, with the row it acts on. A mutation added to the admin router
 * without an entry here fails the walk below, and one that writes no audit row fails it too (SPEC §10:
 * every admin action takes a reason and is audited).
 */
const mutationCalls: Record<string, () => Promise<{ input: { reason: string }; targetId: string }>> = {
  suspendUser: async () => {
    const user = await createUser(deps.db);
    return { input: { userId: user.userId, reason: 'Chargebacks' }, targetId: user.userId };
  },
  reinstateUser: async () => {
    const user = await createUser(deps.db, { status: 'suspended' });
    return { input: { userId: user.userId, reason: 'Appeal upheld' }, targetId: user.userId };
  },
  suspendProperty: async () => {
    const { propertyId } = await listing(deps);
    return { input: { propertyId, reason: 'Misleading photos' }, targetId: propertyId };
  },
  cancelBooking: async () => {
    const { propertyId } = await listing(deps);
    const guest = await createUser(deps.db);
    const { bookingId } = await createBooking(deps.db, {
      propertyId,
      guestId: guest.userId,
      startDate: '2031-04-01',
      endDate: '2031-04-03',
      status: 'confirmed',
    });
    return { input: { bookingId, reason: 'Safety review' }, targetId: bookingId };
  },
};

const adminMutations = Object.entries(adminRouter._def.procedures)
  .filter(
    ([, procedure]) => Reflect.get(Object(Reflect.get(Object(procedure), '_def')), 'type') === 'mutation',
  )
  .map(([name]) => name)
  .sort();

const auditRows = (actorId: string) =>
  deps.db
    .selectFrom('admin_audit_log')
    .select(['action', 'target_id', 'reason', 'actor_id'])
    .where('actor_id', '=', actorId)
    .execute();

let admin: Admin;
beforeAll(async () => {
  admin = await signedIn(deps, 'admin');
});

describe('the admin audit log (SPEC §10)', () => {
  it('knows a call for every mutation of the admin router', () => {
    expect(adminMutations.length).toBeGreaterThan(0);
    expect(adminMutations).toEqual(Object.keys(mutationCalls).sort());
  });

  it.each(adminMutations)('writes one audit row with its reason for admin.%s', async (name) => {
    const call = mutationCalls[name];
    if (!call) throw new Error(`admin.${name} has no call in this test: add one (and audit it)`);
    const actor = await signedIn(deps, 'admin');
    const { input, targetId } = await call();

    await invoke(actor.caller, `admin.${name}`, input);

    expect(await auditRows(actor.userId)).toEqual([
      { action: expect.any(String), target_id: targetId, reason: input.reason, actor_id: actor.userId },
    ]);
  });

  it('writes no audit row when the action fails', async () => {
    const actor = await signedIn(deps, 'admin');
    const user = await createUser(deps.db);
    await actor.caller.admin.suspendUser({ userId: user.userId, reason: 'First' });
    const failure = await failureOf(() =>
      actor.caller.admin.suspendUser({ userId: user.userId, reason: 'Again' }),
    );
    expect(failure.reason).toBe('INVALID_TRANSITION');
    expect((await auditRows(actor.userId)).map((row) => row.reason)).toEqual(['First']);
  });

  it('lists actions newest first with their actor, filtered by actor, action, target and time, in keyset pages', async () => {
    const actor = await signedIn(deps, 'admin');
    const targets = [];
    for (const _ of [1, 2, 3]) {
      const user = await createUser(deps.db);
      clock.advance(60_000);
      await actor.caller.admin.suspendUser({ userId: user.userId, reason: 'Spam' });
      targets.push(user.userId);
    }
    clock.advance(60_000);
    const start = clock.now();
    await actor.caller.admin.reinstateUser({ userId: targets[0] ?? '', reason: 'Appeal upheld' });

    const mine = await admin.caller.admin.auditLog({ actorId: actor.userId });
    expect(mine.items.map((item) => [item.action, item.targetId])).toEqual([
      ['reinstate_user', targets[0]],
      ['suspend_user', targets[2]],
      ['suspend_user', targets[1]],
      ['suspend_user', targets[0]],
    ]);
    expect(mine.items[0]).toMatchObject({
      actor: { userId: actor.userId, email: actor.email },
      targetType: 'user',
      reason: 'Appeal upheld',
    });

    const byAction = await admin.caller.admin.auditLog({ actorId: actor.userId, action: 'reinstate_user' });
    expect(byAction.items.map((item) => item.targetId)).toEqual([targets[0]]);
    const byTarget = await admin.caller.admin.auditLog({ targetId: targets[0] });
    expect(byTarget.items.map((item) => item.action)).toEqual(['reinstate_user', 'suspend_user']);
    const byTime = await admin.caller.admin.auditLog({ actorId: actor.userId, to: start });
    expect(byTime.items).toHaveLength(3);
    const since = await admin.caller.admin.auditLog({ actorId: actor.userId, from: start });
    expect(since.items.map((item) => item.action)).toEqual(['reinstate_user']);

    const pages: string[][] = [];
    let cursor: string | null = null;
    do {
      const page = await admin.caller.admin.auditLog({ actorId: actor.userId, cursor, limit: 3 });
      pages.push(page.items.map((item) => item.auditId));
      cursor = page.nextCursor;
    } while (cursor !== null);
    expect(pages.map((page) => page.length)).toEqual([3, 1]);
    expect(pages.flat()).toEqual(mine.items.map((item) => item.auditId));
  });

  it('is for admins only', async () => {
    for (const role of ['guest', 'host'] as const) {
      const { caller } = await signedIn(deps, role);
      expect((await failureOf(() => caller.admin.auditLog())).code).toBe('FORBIDDEN');
    }
  });
});
