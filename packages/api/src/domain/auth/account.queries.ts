import type { Executor } from '@stayhub/db';
import { meColumns } from '../users/user.views.ts';

/** Users as the auth use cases see them. Columns are listed; the hash is selected only where it is checked. */

export function insertUser(
  db: Executor,
  values: {
    email: string;
    password_hash: string;
    first_name: string;
    last_name: string;
    phone_number: string | null;
  },
) {
  return db.insertInto('users').values(values).returning(meColumns).executeTakeFirstOrThrow();
}

/** The account a login names (citext: any case matches), with what the login checks. */
export function findLoginAccountByEmail(db: Executor, email: string) {
  return db
    .selectFrom('users')
    .select([...meColumns, 'password_hash'])
    .where('email', '=', email)
    .executeTakeFirst();
}

export function findPasswordHash(db: Executor, userId: string) {
  return db.selectFrom('users').select(['password_hash']).where('user_id', '=', userId).executeTakeFirst();
}

export function findActiveUserIdByEmail(db: Executor, email: string) {
  return db
    .selectFrom('users')
    .select(['user_id'])
    .where('email', '=', email)
    .where('status', '=', 'active')
    .executeTakeFirst();
}

/** Whether any account (active or not) uses the address; citext: any case matches. */
export async function isEmailInUse(db: Executor, email: string): Promise<boolean> {
  const row = await db.selectFrom('users').select('user_id').where('email', '=', email).executeTakeFirst();
  return row !== undefined;
}

/** Moves the account to a new address, verified (the code reached it). users_email_key keeps it unique. */
export function setEmail(db: Executor, userId: string, email: string, verifiedAt: Date) {
  return db
    .updateTable('users')
    .set({ email, email_verified_at: verifiedAt })
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

/** The account's address, row-locked: an email change and a deletion of one account serialize. */
export function lockEmailOf(db: Executor, userId: string) {
  return db
    .selectFrom('users')
    .select(['email', 'first_name', 'status'])
    .where('user_id', '=', userId)
    .forUpdate()
    .executeTakeFirst();
}

/** What a mail to the user, and the checks before sending it, need. */
export function findMailRecipient(db: Executor, userId: string) {
  return db
    .selectFrom('users')
    .select(['user_id', 'email', 'first_name', 'status', 'email_verified_at'])
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

export function setPasswordHash(db: Executor, userId: string, passwordHash: string, changedAt: Date) {
  return db
    .updateTable('users')
    .set({ password_hash: passwordHash, password_changed_at: changedAt })
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

/** Sets email_verified_at once; a second verification keeps the first time. */
export function markEmailVerified(db: Executor, userId: string, verifiedAt: Date) {
  return db
    .updateTable('users')
    .set({ email_verified_at: verifiedAt })
    .where('user_id', '=', userId)
    .where('email_verified_at', 'is', null)
    .executeTakeFirst();
}
