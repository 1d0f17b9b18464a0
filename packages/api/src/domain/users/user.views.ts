import type { DB, UserRole, UserStatus } from '@stayhub/db';
import type { Selectable } from 'kysely';
import type { Page } from '../shared/page.ts';

/** The signed-in user's own view: the only view with email and phone (SPEC §4 privacy). */
export interface MeView {
  userId: string;
  email: string;
  firstName: string;
  lastName: string;
  phoneNumber: string | null;
  role: UserRole;
  status: UserStatus;
  bio: string | null;
  avatarUrl: string | null;
  emailVerifiedAt: Date | null;
  createdAt: Date;
}

/** What an admin sees of an account: everything the user sees, plus activity and suspension facts. */
export interface AdminUserView extends MeView {
  /** The latest use of any of the user's open sessions; null when they have none (e.g. once suspended). */
  lastSeenAt: Date | null;
  suspendedAt: Date | null;
  suspensionReason: string | null;
}

export type AdminUserList = Page<AdminUserView>;

export interface HostStatsView {
  listedProperties: number;
  reviewCount: number;
  ratingAvg: number | null;
}

/** How hosts rated a user as their guest (SPEC §10): published reviews only. */
export interface GuestStatsView {
  reviewCount: number;
  ratingAvg: number | null;
}

/** Anyone's view of a user: never email or phone. `hostStats` is null for someone who does not host. */
export interface PublicProfileView {
  userId: string;
  firstName: string;
  avatarUrl: string | null;
  bio: string | null;
  isHost: boolean;
  joinedAt: Date;
  hostStats: HostStatsView | null;
  guestStats: GuestStatsView;
}

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

/** An AdminUserView's user columns; `last_seen_at` comes from sessions. */
export const adminUserColumns = [...meColumns, 'suspended_at', 'suspension_reason'] as const;

export type AdminUserRow = Pick<Selectable<DB['users']>, (typeof adminUserColumns)[number]> & {
  last_seen_at: Date | null;
};

export function toAdminUserView(row: AdminUserRow): AdminUserView {
  return {
    ...toMeView(row),
    lastSeenAt: row.last_seen_at,
    suspendedAt: row.suspended_at,
    suspensionReason: row.suspension_reason,
  };
}

export interface ProfileRow {
  user_id: string;
  first_name: string;
  avatar_url: string | null;
  bio: string | null;
  created_at: Date;
  guest_rating_avg: number | null;
  guest_review_count: number;
}

export interface HostStatsRow {
  listed_properties: number | null;
  review_count: number;
  rating_avg: number | null;
}

/** Anyone's view of a user (SPEC §4): built from columns that exclude email and phone by construction. */
export function toPublicProfileView(row: ProfileRow, hostStats: HostStatsRow | null): PublicProfileView {
  return {
    userId: row.user_id,
    firstName: row.first_name,
    avatarUrl: row.avatar_url,
    bio: row.bio,
    isHost: hostStats !== null,
    joinedAt: row.created_at,
    hostStats: hostStats && {
      listedProperties: hostStats.listed_properties ?? 0,
      reviewCount: hostStats.review_count,
      ratingAvg: hostStats.rating_avg,
    },
    guestStats: { reviewCount: row.guest_review_count, ratingAvg: row.guest_rating_avg },
  };
}
