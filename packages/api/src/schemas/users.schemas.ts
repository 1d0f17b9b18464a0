import { z } from 'zod';
import { schemaFor } from '../domain/shared/schema-for.ts';
import type { AccountExport } from '../domain/users/account-export.types.ts';
import {
  AVATAR_URL_MAX_LENGTH,
  BIO_MAX_LENGTH,
  type DeleteAccountInput,
  NAME_MAX_LENGTH,
  type UpdateProfileInput,
} from '../domain/users/user.commands.ts';
import type { MeView, PublicProfileView } from '../domain/users/user.views.ts';
import { httpsUrl, text } from './text.ts';

/** The signed-in user's own view: the only view with email and phone (SPEC §4 privacy). */
export const meView = schemaFor<MeView>()(
  z.object({
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
  }),
);

/** Anyone's view of a user: never email or phone. */
export const publicProfileView = schemaFor<PublicProfileView>()(
  z.object({
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
    /** How hosts rated this user as a guest (SPEC §10): published reviews only. */
    guestStats: z.object({
      reviewCount: z.number().int(),
      ratingAvg: z.number().nullable(),
    }),
  }),
);

/**
 * E.164-ish: a leading + and 7–15 digits. Spaces, dots, dashes and parentheses that people type are
 * dropped first, so '+351 912-345-678' is stored as '+351912345678'.
 */
export const phoneNumberInput = text({ max: 100 })
  .transform((value) => value.replace(/[\s().-]/g, ''))
  .pipe(z.string().regex(/^\+[1-9]\d{6,14}$/, 'use the international format, e.g. +351912345678'));

export const nameInput = text({ min: 1, max: NAME_MAX_LENGTH });

/**
 * What a user may change about themselves. Email, role and status are not here (auth and admin own
 * them); an unknown key is refused rather than silently ignored. `null` clears an optional field, and
 * an empty bio counts as none.
 */
export const updateProfileInput = schemaFor<UpdateProfileInput>()(
  z.strictObject({
    firstName: nameInput.optional(),
    lastName: nameInput.optional(),
    phoneNumber: phoneNumberInput.nullable().optional(),
    bio: text({ max: BIO_MAX_LENGTH })
      .transform((value) => value || null)
      .nullable()
      .optional(),
    avatarUrl: httpsUrl(AVATAR_URL_MAX_LENGTH).nullable().optional(),
  }),
);

export const profileInput = z.object({ userId: z.uuid() });

/** A stored row as JSON: every column but the secrets (SPEC §10 export). */
const exportRecord = z.record(z.string(), z.unknown());
const exportRecords = z.array(exportRecord);

/** users.exportData: everything StayHub holds about the caller, one section per kind of record. */
export const accountExportView = schemaFor<AccountExport>()(
  z.object({
    exportedAt: z.date(),
    user: exportRecord,
    sessions: exportRecords,
    codes: exportRecords,
    notificationPreferences: exportRecords,
    properties: exportRecords,
    propertyPhotos: exportRecords,
    propertyAmenities: exportRecords,
    calendarBlocks: exportRecords,
    bookingsAsGuest: exportRecords,
    bookingsAsHost: exportRecords,
    payments: exportRecords,
    payouts: exportRecords,
    reviewsBy: exportRecords,
    reviewsAbout: exportRecords,
    guestReviewsBy: exportRecords,
    guestReviewsAbout: exportRecords,
    conversations: exportRecords,
    messages: exportRecords,
    notifications: exportRecords,
    wishlists: exportRecords,
    wishlistProperties: exportRecords,
  }),
);

/** The current password: whatever was set once (the service checks it). */
export const deleteAccountInput = schemaFor<DeleteAccountInput>()(
  z.object({ password: text({ min: 1, max: 4_096, trim: false, normalize: false }) }),
);
