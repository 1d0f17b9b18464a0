import { describe, expect, it } from 'vitest';
import { insertNotification } from '../../../src/domain/notifications/notification.queries.ts';
import { ManualClock } from '../../../src/infra/clock.ts';
import {
  type Caller,
  callerFor,
  failureOf,
  type SignedIn,
  signedIn,
  useTestDeps,
} from '../../../src/testing/index.ts';

const clock = new ManualClock('2031-04-01T09:00:00Z');
const deps = await useTestDeps({ clock });

/** `count` review-response notifications for the user, a minute apart (or at one instant), oldest first. */
async function notificationsFor(user: SignedIn, count: number, options: { apart?: boolean } = {}) {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    if (options.apart !== false) clock.advance(60_000);
    const { notification_id } = await insertNotification(
      deps.db,
      {
        userId: user.userId,
        type: 'review_response',
        payload: {
          reviewId: crypto.randomUUID(),
          propertyId: crypto.randomUUID(),
          propertyName: `Place ${i}`,
        },
      },
      { createdAt: clock.now() },
    );
    ids.push(notification_id);
  }
  return ids;
}

async function allPages(caller: Caller, limit: number, unreadOnly = false) {
  const pages: string[][] = [];
  let cursor: string | null = null;
  do {
    const page = await caller.notifications.list({ cursor, limit, unreadOnly });
    pages.push(page.items.map((item) => item.notificationId));
    cursor = page.nextCursor;
  } while (cursor !== null);
  return pages;
}

describe('notifications.list', () => {
  it("lists the caller's own notifications, newest first, with type and payload", async () => {
    const me = await signedIn(deps, 'guest');
    const someoneElse = await signedIn(deps, 'guest');
    await notificationsFor(someoneElse, 2);
    const ids = await notificationsFor(me, 2);

    const page = await me.caller.notifications.list();

    expect(page.items.map((item) => item.notificationId)).toEqual([ids[1], ids[0]]);
    expect(page.items[0]).toMatchObject({
      type: 'review_response',
      payload: { propertyName: 'Place 1' },
      readAt: null,
      createdAt: clock.now(),
    });
    expect(page.nextCursor).toBeNull();
  });

  it('pages through every notification exactly once, ties in time included', async () => {
    const me = await signedIn(deps, 'guest');
    const ids = [...(await notificationsFor(me, 3)), ...(await notificationsFor(me, 4, { apart: false }))];
    const pages = await allPages(me.caller, 3);
    expect(pages.map((page) => page.length)).toEqual([3, 3, 1]);
    expect(pages.flat().sort()).toEqual([...ids].sort());
    expect(pages.at(-1)).toEqual([ids[0]]);
  });

  it('lists only unread ones with unreadOnly', async () => {
    const me = await signedIn(deps, 'guest');
    const ids = await notificationsFor(me, 4);
    await me.caller.notifications.markRead({ notificationIds: [ids[1] ?? '', ids[3] ?? ''] });
    expect(await allPages(me.caller, 1, true)).toEqual([[ids[2]], [ids[0]]]);
  });

  it('refuses a cursor that no page returned', async () => {
    const me = await signedIn(deps, 'guest');
    const failure = await failureOf(() => me.caller.notifications.list({ cursor: 'garbage' }));
    expect(failure).toMatchObject({ code: 'BAD_REQUEST', reason: 'INVALID_CURSOR', fieldPaths: ['cursor'] });
  });
});

describe('notifications.list types', () => {
  it('gives each notification its type’s payload, so checking type narrows it, and drops keys no schema has', async () => {
    const me = await signedIn(deps, 'guest');
    const bookingId = crypto.randomUUID();
    await deps.db
      .insertInto('notifications')
      .values({
        user_id: me.userId,
        type: 'booking_declined',
        payload: JSON.stringify({
          bookingId,
          propertyName: 'Casa Azul',
          startDate: '2031-06-01',
          endDate: '2031-06-04',
          addedByALaterRelease: true,
        }),
        created_at: clock.now(),
      })
      .execute();
    const [item] = (await me.caller.notifications.list()).items;
    if (item?.type !== 'booking_declined') throw new Error(`expected booking_declined, got ${item?.type}`);
    // Narrowed: the payload's keys are the booking payload's, typed.
    const { propertyName, startDate }: { propertyName: string; startDate: string } = item.payload;
    expect({ propertyName, startDate }).toEqual({ propertyName: 'Casa Azul', startDate: '2031-06-01' });
    expect(item.payload).toEqual({
      bookingId,
      propertyName: 'Casa Azul',
      startDate: '2031-06-01',
      endDate: '2031-06-04',
    });
  });

  it('leaves out rows of a type this release does not know, and pages stay full', async () => {
    const me = await signedIn(deps, 'guest');
    const known = await notificationsFor(me, 2);
    clock.advance(60_000);
    await deps.db
      .insertInto('notifications')
      .values({ user_id: me.userId, type: 'from_a_newer_release', payload: '{}', created_at: clock.now() })
      .execute();
    const page = await me.caller.notifications.list({ limit: 2 });
    expect(page.items.map((item) => item.notificationId)).toEqual([...known].reverse());
    expect(page.items.map((item) => item.type)).toEqual(['review_response', 'review_response']);
  });
});

describe('notifications.markRead and unreadCount', () => {
  it('counts unread notifications and marks the listed ones read, ignoring ids that are not the caller’s', async () => {
    const me = await signedIn(deps, 'guest');
    const someoneElse = await signedIn(deps, 'guest');
    const mine = await notificationsFor(me, 3);
    const theirs = await notificationsFor(someoneElse, 1);
    expect(await me.caller.notifications.unreadCount()).toEqual({ count: 3 });

    const result = await me.caller.notifications.markRead({
      notificationIds: [mine[0] ?? '', theirs[0] ?? ''],
    });

    expect(result).toEqual({ markedRead: 1, unreadCount: 2 });
    expect(await someoneElse.caller.notifications.unreadCount()).toEqual({ count: 1 });
    const page = await me.caller.notifications.list();
    expect(page.items.find((item) => item.notificationId === mine[0])?.readAt).toEqual(clock.now());
  });

  it('marks every unread notification read with all: true, keeping earlier read times', async () => {
    const me = await signedIn(deps, 'guest');
    const ids = await notificationsFor(me, 3);
    await me.caller.notifications.markRead({ notificationIds: [ids[0] ?? ''] });
    const firstReadAt = clock.now();
    clock.advance(60_000);

    expect(await me.caller.notifications.markRead({ all: true })).toEqual({ markedRead: 2, unreadCount: 0 });
    expect(await me.caller.notifications.unreadCount()).toEqual({ count: 0 });
    const page = await me.caller.notifications.list();
    expect(page.items.map((item) => item.readAt)).toEqual([clock.now(), clock.now(), firstReadAt]);
  });

  it.each([{ notificationIds: [] }, { all: false }, {}])('refuses %o', async (input) => {
    const me = await signedIn(deps, 'guest');
    // @ts-expect-error: inputs the schema refuses
    const failure = await failureOf(() => me.caller.notifications.markRead(input));
    expect(failure.code).toBe('BAD_REQUEST');
  });

  it('asks an anonymous caller to sign in', async () => {
    const anonymous = callerFor(deps);
    for (const call of [
      () => anonymous.notifications.list(),
      () => anonymous.notifications.unreadCount(),
      () => anonymous.notifications.markRead({ all: true }),
    ]) {
      expect((await failureOf(call)).code).toBe('UNAUTHORIZED');
    }
  });
});
