import { router } from '../trpc/init.ts';
import { healthRouter } from './health.router.ts';

export const appRouter = router({
  health: healthRouter,
});

export type AppRouter = typeof appRouter;
