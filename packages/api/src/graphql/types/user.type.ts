import type { UserRole as Role, UserStatus as Status } from '@stayhub/db';
import type { z } from 'zod';
import type { meView, publicProfileView } from '../../schemas/users.schemas.ts';
import { builder } from '../builder.ts';

const userRoles = ['guest', 'host', 'admin'] as const satisfies readonly Role[];
const userStatuses = ['active', 'suspended'] as const satisfies readonly Status[];

const UserRole = builder.enumType('UserRole', { values: userRoles });
const UserStatus = builder.enumType('UserStatus', { values: userStatuses });

type PublicProfile = z.infer<typeof publicProfileView>;
type HostStats = NonNullable<PublicProfile['hostStats']>;

const HostStatsType = builder.objectRef<HostStats>('HostStats').implement({
  fields: (t) => ({
    listedProperties: t.exposeInt('listedProperties'),
    reviewCount: t.exposeInt('reviewCount'),
    ratingAvg: t.exposeFloat('ratingAvg', { nullable: true }),
  }),
});

const GuestStatsType = builder.objectRef<PublicProfile['guestStats']>('GuestStats').implement({
  description: 'How hosts rated this user as a guest: published reviews only.',
  fields: (t) => ({
    reviewCount: t.exposeInt('reviewCount'),
    ratingAvg: t.exposeFloat('ratingAvg', { nullable: true }),
  }),
});

/** Anyone's view of a user (users.profile): never email or phone (SPEC §4). */
export const UserType = builder.objectRef<PublicProfile>('User').implement({
  description: "Anyone's view of a user: never email or phone.",
  fields: (t) => ({
    userId: t.exposeID('userId'),
    firstName: t.exposeString('firstName'),
    avatarUrl: t.exposeString('avatarUrl', { nullable: true }),
    bio: t.exposeString('bio', { nullable: true }),
    isHost: t.exposeBoolean('isHost'),
    joinedAt: t.expose('joinedAt', { type: 'DateTime' }),
    hostStats: t.field({ type: HostStatsType, nullable: true, resolve: (user) => user.hostStats }),
    guestStats: t.field({ type: GuestStatsType, resolve: (user) => user.guestStats }),
  }),
});

/** The signed-in user's own view (users.me): the only one with email and phone. */
export const MeType = builder.objectRef<z.infer<typeof meView>>('Me').implement({
  fields: (t) => ({
    userId: t.exposeID('userId'),
    email: t.exposeString('email'),
    firstName: t.exposeString('firstName'),
    lastName: t.exposeString('lastName'),
    phoneNumber: t.exposeString('phoneNumber', { nullable: true }),
    role: t.field({ type: UserRole, resolve: (me) => me.role }),
    status: t.field({ type: UserStatus, resolve: (me) => me.status }),
    bio: t.exposeString('bio', { nullable: true }),
    avatarUrl: t.exposeString('avatarUrl', { nullable: true }),
    emailVerifiedAt: t.expose('emailVerifiedAt', { type: 'DateTime', nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});
