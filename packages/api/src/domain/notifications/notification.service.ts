import type { Viewer } from '../auth/viewer.ts';
import type { Deps } from '../deps.ts';
import { keysetPage, readKeysetCursor } from '../shared/keyset-cursor.ts';
import {
  countUnreadNotifications,
  listNotificationRows,
  markNotificationsRead,
} from './notification.queries.ts';
import { notificationTypes } from './notification.registry.ts';
import type {
  ListNotificationsInput,
  MarkedReadView,
  MarkNotificationsReadInput,
  NotificationList,
  UnreadCountView,
} from './notification.types.ts';
import { toNotificationView } from './notification.views.ts';

/** The viewer's own notifications, newest first, optionally only unread ones; keyset-paged. */
export async function listNotifications(
  deps: Deps,
  viewer: Viewer,
  input: ListNotificationsInput,
): Promise<NotificationList> {
  const rows = await listNotificationRows(deps.db, {
    userId: viewer.userId,
    unreadOnly: input.unreadOnly,
    types: notificationTypes,
    after: readKeysetCursor(input.cursor),
    limit: input.limit + 1,
  });
  const { page, nextCursor } = keysetPage(rows, input.limit, (row) => ({
    at: row.position_key,
    id: row.notification_id,
  }));
  const items = page.map(toNotificationView).filter((view) => view !== undefined);
  return { items, nextCursor };
}

/** Marks the listed notifications (only the viewer's) or all of them read; already-read ones keep their time. */
export async function markNotificationsReadFor(
  deps: Deps,
  viewer: Viewer,
  input: MarkNotificationsReadInput,
): Promise<MarkedReadView> {
  const markedRead = await markNotificationsRead(deps.db, viewer.userId, input, deps.clock.now());
  return { markedRead, unreadCount: await countUnreadNotifications(deps.db, viewer.userId) };
}

export async function unreadNotificationCount(deps: Deps, viewer: Viewer): Promise<UnreadCountView> {
  return { count: await countUnreadNotifications(deps.db, viewer.userId) };
}
