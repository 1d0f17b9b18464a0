import {
  listNotifications,
  markNotificationsReadFor,
  unreadNotificationCount,
} from '../domain/notifications/notification.service.ts';
import {
  getNotificationPreferences,
  updateNotificationPreferences,
} from '../domain/notifications/notification-preference.service.ts';
import {
  listNotificationsInput,
  markedReadView,
  markNotificationsReadInput,
  notificationList,
  notificationPreferencesView,
  unreadCountView,
  updateNotificationPreferencesInput,
} from '../schemas/notifications.schemas.ts';
import { router } from '../trpc/init.ts';
import { authedProcedure } from '../trpc/procedures.ts';

/** The signed-in user's own notifications (SPEC §5 notifications). */
export const notificationsRouter = router({
  list: authedProcedure
    .meta({ openapi: { method: 'GET', path: '/notifications', tags: ['notifications'], protect: true } })
    .input(listNotificationsInput)
    .output(notificationList)
    .query(({ ctx, input }) => listNotifications(ctx.deps, ctx.viewer, input)),

  markRead: authedProcedure
    .meta({
      openapi: { method: 'POST', path: '/notifications/read', tags: ['notifications'], protect: true },
    })
    .input(markNotificationsReadInput)
    .output(markedReadView)
    .mutation(({ ctx, input }) => markNotificationsReadFor(ctx.deps, ctx.viewer, input)),

  unreadCount: authedProcedure
    .meta({
      openapi: { method: 'GET', path: '/notifications/unread-count', tags: ['notifications'], protect: true },
    })
    .output(unreadCountView)
    .query(({ ctx }) => unreadNotificationCount(ctx.deps, ctx.viewer)),

  preferences: authedProcedure
    .meta({
      openapi: { method: 'GET', path: '/notifications/preferences', tags: ['notifications'], protect: true },
    })
    .output(notificationPreferencesView)
    .query(({ ctx }) => getNotificationPreferences(ctx.deps, ctx.viewer)),

  updatePreferences: authedProcedure
    .meta({
      openapi: { method: 'PUT', path: '/notifications/preferences', tags: ['notifications'], protect: true },
    })
    .input(updateNotificationPreferencesInput)
    .output(notificationPreferencesView)
    .mutation(({ ctx, input }) => updateNotificationPreferences(ctx.deps, ctx.viewer, input)),
});
