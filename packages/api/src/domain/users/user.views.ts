import type { DB } from '@stayhub/db';
import type { Selectable } from 'kysely';
import type { MeView } from '../../schemas/users.schemas.ts';

/** The columns a MeView needs; select exactly these (never selectAll on users). */
export const meColumns = [
  'user_id',
  'email',
  'first_name',
  'last_name',
  'phone_number',
  'role',
  'status',
  'bio',
  'avatar_url',
  'email_verified_at',
  'created_at',
] as const;

export type MeRow = Pick<Selectable<DB['users']>, (typeof meColumns)[number]>;

export function toMeView(row: MeRow): MeView {
  return {
    userId: row.user_id,
    email: row.email,
    firstName: row.first_name,
    lastName: row.last_name,
    phoneNumber: row.phone_number,
    role: row.role,
    status: row.status,
    bio: row.bio,
    avatarUrl: row.avatar_url,
    emailVerifiedAt: row.email_verified_at,
    createdAt: row.created_at,
  };
}
