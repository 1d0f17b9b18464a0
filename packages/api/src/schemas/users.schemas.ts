import { z } from 'zod';

/** The signed-in user's own view: the only view with email and phone (SPEC §4 privacy). */
export const meView = z.object({
  userId: z.uuid(),
  email: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  phoneNumber: z.string().nullable(),
  role: z.enum(['guest', 'host', 'admin']),
  status: z.enum(['active', 'suspended']),
  bio: z.string().nullable(),
  avatarUrl: z.string().nullable(),
  emailVerifiedAt: z.date().nullable(),
  createdAt: z.date(),
});
export type MeView = z.infer<typeof meView>;

/** Anyone's view of a user: never email or phone. */
export const publicProfileView = z.object({
  userId: z.uuid(),
  firstName: z.string(),
  avatarUrl: z.string().nullable(),
  bio: z.string().nullable(),
  isHost: z.boolean(),
  joinedAt: z.date(),
  hostStats: z
    .object({
      listedProperties: z.number().int(),
      reviewCount: z.number().int(),
      ratingAvg: z.number().nullable(),
    })
    .nullable(),
});
export type PublicProfileView = z.infer<typeof publicProfileView>;
