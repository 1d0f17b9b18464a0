import { TRPCError } from '@trpc/server';
import type { Deps } from '../domain/deps.ts';
import { appRouter } from '../routers/app.router.ts';
import { createContextInner } from '../trpc/context.ts';
import { describeError, type ErrorData } from '../trpc/errors.ts';
import { createCallerFactory } from '../trpc/init.ts';
import { createSignedInUser, type TestUser } from './factories.ts';

/** Callers of the real app router in-process, and what a client sees of the calls that fail. */

const createCaller = createCallerFactory(appRouter);

export type Caller = ReturnType<typeof createCaller>;

let ipSequence = 0;

/** A loopback address of its own per call, so one test's per-IP limits never touch another's. */
export function nextIp(): string {
  ipSequence += 1;
  return `127.20.${(ipSequence >> 8) & 255}.${ipSequence & 255}`;
}

/**
 * The app router as the HTTP adapter would build it for a client with this bearer token (none = anonymous),
 * calling from `ip` (a fresh loopback address unless told) with user agent `vitest`.
 */
export function callerFor(deps: Deps, options: { token?: string | null; ip?: string } = {}): Caller {
  return createCaller(
    createContextInner({
      deps,
      token: options.token ?? null,
      meta: { ip: options.ip ?? nextIp(), userAgent: 'vitest' },
    }),
  );
}

export type SignedIn = Awaited<ReturnType<typeof createSignedInUser>> & { caller: Caller };

/** A signed-in user of a role (the factory's defaults, or `overrides`, otherwise) with their caller. */
export async function signedIn(
  deps: Deps,
  role: TestUser['role'],
  overrides: Parameters<typeof createSignedInUser>[1] = {},
): Promise<SignedIn> {
  const user = await createSignedInUser(deps, { ...overrides, role });
  return { ...user, caller: callerFor(deps, { token: user.token }) };
}

/** Every kind of caller an access rule may tell apart. */
export type CallerRole = 'anonymous' | TestUser['role'] | 'suspended';

/** A caller of each kind, with its bearer token (for other surfaces than tRPC): anonymous has none; suspended is an admin whose account is suspended (suspension beats any role). */
export async function callerAs(
  deps: Deps,
  role: CallerRole,
): Promise<{ caller: Caller; userId: string | null; token: string | null }> {
  if (role === 'anonymous') return { caller: callerFor(deps), userId: null, token: null };
  const user =
    role === 'suspended'
      ? await signedIn(deps, 'admin', { status: 'suspended' })
      : await signedIn(deps, role);
  return { caller: user.caller, userId: user.userId, token: user.token };
}

/** What a client sees of a failed call: its code, message and the error formatter's data. */
export interface Failure extends ErrorData {
  code: TRPCError['code'];
  message: string;
  /** The paths of `fieldErrors`; [] when there are none. */
  fieldPaths: string[];
}

/** The Failure a client sees for an error already caught (e.g. a rejected result of Promise.allSettled). */
export function failureFrom(error: TRPCError): Failure {
  const data = describeError(error);
  return { code: error.code, ...data, fieldPaths: data.fieldErrors?.map((field) => field.path) ?? [] };
}

/** The TRPCError a call that must fail throws, as it is (its `cause` is the service's DomainError, if any). */
export async function trpcErrorOf(call: () => Promise<unknown>): Promise<TRPCError> {
  try {
    await call();
  } catch (error) {
    if (error instanceof TRPCError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

/** What a client sees of a call that must fail. */
export async function failureOf(call: () => Promise<unknown>): Promise<Failure> {
  return failureFrom(await trpcErrorOf(call));
}

/** What a client sees of a call: 'ok', or its Failure. */
export async function outcomeOf(call: () => Promise<unknown>): Promise<'ok' | Failure> {
  try {
    await call();
    return 'ok';
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    return failureFrom(error);
  }
}
