import { changePassword, login, register } from '../domain/auth/account.service.ts';
import { listSessions, logout, logoutAll, revokeSession } from '../domain/auth/account-sessions.service.ts';
import { confirmEmailChange, requestEmailChange } from '../domain/auth/email-change.service.ts';
import { requestEmailVerification, verifyEmail } from '../domain/auth/email-verification.service.ts';
import { requestPasswordReset, resetPassword } from '../domain/auth/password-reset.service.ts';
import {
  authResult,
  changePasswordInput,
  confirmEmailChangeInput,
  loginInput,
  registerInput,
  requestEmailChangeInput,
  requestPasswordResetInput,
  resetPasswordInput,
  revokedView,
  revokeSessionInput,
  sessionPage,
  sessionsInput,
  verifyEmailInput,
} from '../schemas/auth.schemas.ts';
import { okView } from '../schemas/shared.schemas.ts';
import { router } from '../trpc/init.ts';
import { authedProcedure, publicProcedure } from '../trpc/procedures.ts';

/** SPEC §5 `auth`: accounts, sign-in, sessions, password and email codes. Rules live in domain/auth. */
export const authRouter = router({
  register: publicProcedure
    .meta({ openapi: { method: 'POST', path: '/auth/register', tags: ['auth'] } })
    .input(registerInput)
    .output(authResult)
    .mutation(({ ctx, input }) => register(ctx.deps, input, ctx.meta)),
  login: publicProcedure
    .meta({ openapi: { method: 'POST', path: '/auth/login', tags: ['auth'] } })
    .input(loginInput)
    .output(authResult)
    .mutation(({ ctx, input }) => login(ctx.deps, input, ctx.meta)),
  logout: authedProcedure
    .meta({ openapi: { method: 'POST', path: '/auth/logout', tags: ['auth'], protect: true } })
    .output(okView)
    .mutation(({ ctx }) => logout(ctx.deps, ctx.viewer)),
  logoutAll: authedProcedure
    .meta({ openapi: { method: 'POST', path: '/auth/logout-all', tags: ['auth'], protect: true } })
    .output(revokedView)
    .mutation(({ ctx }) => logoutAll(ctx.deps, ctx.viewer)),
  sessions: authedProcedure
    .meta({ openapi: { method: 'GET', path: '/auth/sessions', tags: ['auth'], protect: true } })
    .input(sessionsInput)
    .output(sessionPage)
    .query(({ ctx, input }) => listSessions(ctx.deps, ctx.viewer, input)),
  revokeSession: authedProcedure
    .meta({
      openapi: { method: 'DELETE', path: '/auth/sessions/{sessionId}', tags: ['auth'], protect: true },
    })
    .input(revokeSessionInput)
    .output(okView)
    .mutation(({ ctx, input }) => revokeSession(ctx.deps, ctx.viewer, input.sessionId)),
  changePassword: authedProcedure
    .meta({ openapi: { method: 'POST', path: '/auth/change-password', tags: ['auth'], protect: true } })
    .input(changePasswordInput)
    .output(revokedView)
    .mutation(({ ctx, input }) => changePassword(ctx.deps, ctx.viewer, input)),
  requestPasswordReset: publicProcedure
    .meta({ openapi: { method: 'POST', path: '/auth/password-reset/request', tags: ['auth'] } })
    .input(requestPasswordResetInput)
    .output(okView)
    .mutation(({ ctx, input }) => requestPasswordReset(ctx.deps, input, ctx.meta)),
  resetPassword: publicProcedure
    .meta({ openapi: { method: 'POST', path: '/auth/password-reset', tags: ['auth'] } })
    .input(resetPasswordInput)
    .output(okView)
    .mutation(({ ctx, input }) => resetPassword(ctx.deps, input)),
  requestEmailVerification: authedProcedure
    .meta({
      openapi: { method: 'POST', path: '/auth/email-verification/request', tags: ['auth'], protect: true },
    })
    .output(okView)
    .mutation(({ ctx }) => requestEmailVerification(ctx.deps, ctx.viewer)),
  verifyEmail: publicProcedure
    .meta({ openapi: { method: 'POST', path: '/auth/email-verification', tags: ['auth'] } })
    .input(verifyEmailInput)
    .output(okView)
    .mutation(({ ctx, input }) => verifyEmail(ctx.deps, input)),
  requestEmailChange: authedProcedure
    .meta({ openapi: { method: 'POST', path: '/auth/email-change/request', tags: ['auth'], protect: true } })
    .input(requestEmailChangeInput)
    .output(okView)
    .mutation(({ ctx, input }) => requestEmailChange(ctx.deps, ctx.viewer, input)),
  confirmEmailChange: authedProcedure
    .meta({ openapi: { method: 'POST', path: '/auth/email-change', tags: ['auth'], protect: true } })
    .input(confirmEmailChangeInput)
    .output(okView)
    .mutation(({ ctx, input }) => confirmEmailChange(ctx.deps, ctx.viewer, input)),
});
