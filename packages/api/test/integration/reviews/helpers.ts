import { TRPCError } from '@trpc/server';
import type { Deps } from '../../../src/domain/deps.ts';
import { addDays } from '../../../src/domain/shared/dates.ts';
import { appRouter } from '../../../src/routers/app.router.ts';
import { createBooking, createProperty, createSignedInUser } from '../../../src/testing/index.ts';
import { createContextInner } from '../../../src/trpc/context.ts';
import { describeError } from '../../../src/trpc/errors.ts';
import { createCallerFactory } from '../../../src/trpc/init.ts';

/** Shared by the reviews, messages and notifications integration tests. */

const createCaller = createCallerFactory(appRouter);

export type Caller = ReturnType<typeof createCaller>;

/** The real app router called in-process, as the HTTP adapter would build it (no token = anonymous). */
export function callerFor(deps: Deps, token?: string | null): Caller {
  return createCaller(createContextInner({ deps, token: token ?? null }));
}

export type Role = 'guest' | 'host' | 'admin';

/** A signed-in user of a role, with their caller. */
export async function signedIn(deps: Deps, role: Role, firstName = 'Test') {
  const user = await createSignedInUser(deps, { role, first_name: firstName });
  return { ...user, caller: callerFor(deps, user.token) };
}

export type SignedIn = Awaited<ReturnType<typeof signedIn>>;

export interface Failure {
  code: TRPCError['code'];
  reason: string;
  fieldPaths: string[];
}

/** What a client sees of a call: 'ok', or its error's code, reason and validation paths. */
export async function outcomeOf(call: () => Promise<unknown>): Promise<'ok' | Failure> {
  try {
    await call();
    return 'ok';
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    const { reason, fieldErrors } = describeError(error);
    return { code: error.code, reason, fieldPaths: fieldErrors?.map((field) => field.path) ?? [] };
  }
}

/** What a client sees of a call that must fail. */
export async function failureOf(call: () => Promise<unknown>): Promise<Failure> {
  const outcome = await outcomeOf(call);
  if (outcome === 'ok') throw new Error('expected the call to fail');
  return outcome;
}

/** A signed-in host and one listed place of theirs. */
export async function hostWithListing(deps: Deps, overrides: Parameters<typeof createProperty>[2] = {}) {
  const host = await signedIn(deps, 'host', 'Hana');
  const { propertyId } = await createProperty(deps.db, host.userId, overrides);
  return { host, propertyId };
}

/** `count` back-to-back stays of `nights` nights from `from` (half-open ranges never overlap). */
export function consecutiveStays(from: string, count: number, nights = 1) {
  return Array.from({ length: count }, (_, i) => ({
    startDate: addDays(from, i * nights),
    endDate: addDays(from, (i + 1) * nights),
  }));
}

/** A signed-in guest with a booking of theirs at the place, `completed` unless told otherwise. */
export async function guestWithStay(
  deps: Deps,
  propertyId: string,
  dates: { startDate: string; endDate: string },
  status: 'completed' | 'confirmed' | 'canceled' = 'completed',
  firstName = 'Amara',
) {
  const guest = await signedIn(deps, 'guest', firstName);
  const { bookingId } = await createBooking(deps.db, { propertyId, guestId: guest.userId, ...dates, status });
  return { guest, bookingId };
}

export function propertyRating(deps: Deps, propertyId: string) {
  return deps.db
    .selectFrom('properties')
    .select(['rating_avg', 'review_count'])
    .where('property_id', '=', propertyId)
    .executeTakeFirstOrThrow();
}

export function notificationsOf(deps: Deps, userId: string, type?: string) {
  let query = deps.db
    .selectFrom('notifications')
    .select(['notification_id', 'type', 'payload', 'read_at', 'emailed_at', 'created_at'])
    .where('user_id', '=', userId);
  if (type !== undefined) query = query.where('type', '=', type);
  return query.orderBy('created_at', 'asc').execute();
}

export { runJobsDueBy } from '../../../src/testing/index.ts';
