import type { UpdateProfileInput } from './user.commands.ts';

export interface ProfileColumns {
  first_name?: string;
  last_name?: string;
  phone_number?: string | null;
  bio?: string | null;
  avatar_url?: string | null;
}

/** The columns an updateProfile call changes: only the fields it sent (null clears, absent keeps). */
export function profileColumns(patch: UpdateProfileInput): ProfileColumns {
  const columns: ProfileColumns = {};
  if (patch.firstName !== undefined) columns.first_name = patch.firstName;
  if (patch.lastName !== undefined) columns.last_name = patch.lastName;
  if (patch.phoneNumber !== undefined) columns.phone_number = patch.phoneNumber;
  if (patch.bio !== undefined) columns.bio = patch.bio;
  if (patch.avatarUrl !== undefined) columns.avatar_url = patch.avatarUrl;
  return columns;
}

/** Only a guest becomes a host; hosts already are one and admins may act as any host (SPEC §3 roles). */
export function canBecomeHost(role: 'guest' | 'host' | 'admin'): boolean {
  return role === 'guest';
}
