import { TRPCError } from '@trpc/server';
import type { Deps } from '../../../src/domain/deps.ts';
import { appRouter } from '../../../src/routers/app.router.ts';
import { createSignedInUser } from '../../../src/testing/index.ts';
import { createContextInner } from '../../../src/trpc/context.ts';
import { describeError, type ErrorData } from '../../../src/trpc/errors.ts';
import { createCallerFactory } from '../../../src/trpc/init.ts';

const createCaller = createCallerFactory(appRouter);

/** The app router as a caller with this bearer token (none = anonymous), as the HTTP adapter would build it. */
export function callerFor(deps: Deps, token?: string | null) {
  return createCaller(createContextInner({ deps, token: token ?? null }));
}

export interface Failure extends ErrorData {
  code: TRPCError['code'];
}

/** Runs a call that must fail and returns what a client sees: the code plus the formatter's error data. */
export async function failureOf(call: () => Promise<unknown>): Promise<Failure> {
  try {
    await call();
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    const { reason, fieldErrors, retryAfterMs } = describeError(error);
    return { code: error.code, reason, fieldErrors, retryAfterMs };
  }
  throw new Error('expected the call to fail');
}

export type Role = 'anonymous' | 'guest' | 'host' | 'admin' | 'suspended';

/** A caller of each kind: anonymous has no token; suspended is an admin whose account is suspended (suspension beats any role). */
export async function callerAs(deps: Deps, role: Role) {
  if (role === 'anonymous') return { caller: callerFor(deps), userId: null };
  const user =
    role === 'suspended'
      ? await createSignedInUser(deps, { role: 'admin', status: 'suspended' })
      : await createSignedInUser(deps, { role });
  return { caller: callerFor(deps, user.token), userId: user.userId };
}
