import { router } from '../trpc/init.ts';
import { adminRouter } from './admin.router.ts';
import { authRouter } from './auth.router.ts';
import { healthRouter } from './health.router.ts';
import { propertiesRouter } from './properties.router.ts';
import { usersRouter } from './users.router.ts';

export const appRouter = router({
  health: healthRouter,
  auth: authRouter,
  users: usersRouter,
  admin: adminRouter,
  properties: propertiesRouter,
});

export type AppRouter = typeof appRouter;
