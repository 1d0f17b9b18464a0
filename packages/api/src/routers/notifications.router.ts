import {
  listNotifications,
  markNotificationsReadFor,
  unreadNotificationCount,
} from '../domain/notifications/notification.service.ts';
import {
  listNotificationsInput,
  markedReadView,
  markNotificationsReadInput,
  notificationList,
  unreadCountView,
} from '../schemas/notifications.schemas.ts';
import { router } from '../trpc/init.ts';
import { authedProcedure } from '../trpc/procedures.ts';

/** The signed-in user's own notifications (SPEC §5 notifications). */
export const notificationsRouter = router({
  list: authedProcedure
    .input(listNotificationsInput)
    .output(notificationList)
    .query(({ ctx, input }) => listNotifications(ctx.deps, ctx.viewer, input)),

  markRead: authedProcedure
    .input(markNotificationsReadInput)
    .output(markedReadView)
    .mutation(({ ctx, input }) => markNotificationsReadFor(ctx.deps, ctx.viewer, input)),

  unreadCount: authedProcedure
    .output(unreadCountView)
    .query(({ ctx }) => unreadNotificationCount(ctx.deps, ctx.viewer)),
});
