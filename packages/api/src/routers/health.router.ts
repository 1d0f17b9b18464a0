import { z } from 'zod';
import { checkHealth } from '../domain/health/health.service.ts';
import { publicProcedure } from '../trpc/procedures.ts';

const healthView = z.object({
  status: z.enum(['ok', 'degraded']),
  database: z.boolean(),
  cache: z.boolean(),
  time: z.date(),
});

export const healthRouter = publicProcedure
  .meta({ openapi: { method: 'GET', path: '/health', tags: ['health'] } })
  .output(healthView)
  .query(({ ctx }) => checkHealth(ctx.deps));
