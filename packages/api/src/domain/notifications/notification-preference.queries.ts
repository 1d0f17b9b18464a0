import type { Executor } from '@stayhub/db';

/** A user's explicit email choices (notification_email_preferences); a type without a row has none. */
export function listEmailPreferences(db: Executor, userId: string) {
  return db
    .selectFrom('notification_email_preferences')
    .select(['type', 'email_enabled'])
    .where('user_id', '=', userId)
    .execute();
}

/** The user's choice for one type, or undefined when they made none (primary key lookup). */
export async function findEmailPreference(
  db: Executor,
  userId: string,
  type: string,
): Promise<boolean | undefined> {
  const row = await db
    .selectFrom('notification_email_preferences')
    .select('email_enabled')
    .where('user_id', '=', userId)
    .where('type', '=', type)
    .executeTakeFirst();
  return row?.email_enabled;
}

/** Sets the choices given in one statement; the last write of a type wins. */
export async function upsertEmailPreferences(
  db: Executor,
  userId: string,
  choices: readonly { type: string; emailEnabled: boolean }[],
  now: Date,
): Promise<void> {
  if (choices.length === 0) return;
  await db
    .insertInto('notification_email_preferences')
    .values(
      choices.map((choice) => ({
        user_id: userId,
        type: choice.type,
        email_enabled: choice.emailEnabled,
        updated_at: now,
      })),
    )
    .onConflict((oc) =>
      oc.columns(['user_id', 'type']).doUpdateSet((eb) => ({
        email_enabled: eb.ref('excluded.email_enabled'),
        updated_at: eb.ref('excluded.updated_at'),
      })),
    )
    .execute();
}
