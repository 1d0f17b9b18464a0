import type { DB, JsonObject, JsonValue } from '@stayhub/db';
import type { Selectable } from 'kysely';
import type { notificationColumns } from './notification.queries.ts';
import type { NotificationView } from './notification.types.ts';

export type NotificationRow = Pick<Selectable<DB['notifications']>, (typeof notificationColumns)[number]>;

/** The column's CHECK keeps payloads objects; anything else (never expected) shows as an empty one. */
function asObject(value: JsonValue): JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : {};
}

export function toNotificationView(row: NotificationRow): NotificationView {
  return {
    notificationId: row.notification_id,
    type: row.type,
    payload: asObject(row.payload),
    readAt: row.read_at,
    createdAt: row.created_at,
  };
}
