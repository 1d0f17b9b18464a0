import type { Executor } from '@stayhub/db';
import type { Viewer } from '../auth/viewer.ts';
import type { Deps } from '../deps.ts';
import { ValidationError } from '../errors.ts';
import { type NotificationType, notificationRegistry, notificationTypes } from './notification.registry.ts';
import type {
  NotificationPreferencesView,
  UpdateNotificationPreferencesInput,
} from './notification.types.ts';
import {
  findEmailPreference,
  listEmailPreferences,
  upsertEmailPreferences,
} from './notification-preference.queries.ts';

/** Whether a type's rule ever sends email; only those have a choice to make. */
export function isEmailAvailable(type: NotificationType): boolean {
  return notificationRegistry[type].email.kind !== 'none';
}

/** Every type with the viewer's choice; types they never chose for are mailed as their rule says. */
export async function getNotificationPreferences(
  deps: Deps,
  viewer: Viewer,
): Promise<NotificationPreferencesView> {
  const chosen = new Map(
    (await listEmailPreferences(deps.db, viewer.userId)).map((row) => [row.type, row.email_enabled]),
  );
  return {
    items: notificationTypes.map((type) => {
      const emailAvailable = isEmailAvailable(type);
      return { type, emailAvailable, email: emailAvailable && (chosen.get(type) ?? true) };
    }),
  };
}

/**
 * Sets the viewer's email choice for the types given. A type that is never mailed has no choice to make:
 * naming it is a VALIDATION_FAILED on `email.<type>` and nothing changes.
 */
export async function updateNotificationPreferences(
  deps: Deps,
  viewer: Viewer,
  input: UpdateNotificationPreferencesInput,
): Promise<NotificationPreferencesView> {
  const choices: { type: NotificationType; emailEnabled: boolean }[] = [];
  for (const type of notificationTypes) {
    const emailEnabled = input.email[type];
    if (emailEnabled === undefined) continue;
    if (!isEmailAvailable(type)) {
      throw new ValidationError(`${type} notifications are never emailed`, ['email', type]);
    }
    choices.push({ type, emailEnabled });
  }
  await upsertEmailPreferences(deps.db, viewer.userId, choices, deps.clock.now());
  return getNotificationPreferences(deps, viewer);
}

/** Whether the user wants email for this type: their choice, or yes when they made none. */
export async function wantsEmail(db: Executor, userId: string, type: NotificationType): Promise<boolean> {
  return (await findEmailPreference(db, userId, type)) ?? true;
}
