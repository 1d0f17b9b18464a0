import { router } from '../trpc/init.ts';
import { adminRouter } from './admin.router.ts';
import { authRouter } from './auth.router.ts';
import { bookingsRouter } from './bookings.router.ts';
import { healthRouter } from './health.router.ts';
import { messagesRouter } from './messages.router.ts';
import { notificationsRouter } from './notifications.router.ts';
import { paymentsRouter } from './payments.router.ts';
import { propertiesRouter } from './properties.router.ts';
import { reviewsRouter } from './reviews.router.ts';
import { usersRouter } from './users.router.ts';

export const appRouter = router({
  health: healthRouter,
  auth: authRouter,
  users: usersRouter,
  admin: adminRouter,
  properties: propertiesRouter,
  bookings: bookingsRouter,
  payments: paymentsRouter,
  reviews: reviewsRouter,
  messages: messagesRouter,
  notifications: notificationsRouter,
});

export type AppRouter = typeof appRouter;
