/**
 * users.exportData (SPEC §10, GDPR): everything StayHub holds about the caller, one section per kind of
 * record, each row with every stored column as JSON (timestamps as ISO strings) except secrets: the
 * password hash, session and code hashes, and the payment method token a booking was paid with.
 */
export type ExportRecord = Record<string, unknown>;

export interface AccountExport {
  exportedAt: Date;
  /** The account row. */
  user: ExportRecord;
  sessions: ExportRecord[];
  /** Single-use codes mailed to the user (purpose, times, an email change's address). */
  codes: ExportRecord[];
  notificationPreferences: ExportRecord[];
  /** Listings the user hosts, their photos, amenities and the nights they closed. */
  properties: ExportRecord[];
  propertyPhotos: ExportRecord[];
  propertyAmenities: ExportRecord[];
  calendarBlocks: ExportRecord[];
  bookingsAsGuest: ExportRecord[];
  /** Bookings of the user's listings. */
  bookingsAsHost: ExportRecord[];
  /** Charges and refunds of the user's bookings as a guest. */
  payments: ExportRecord[];
  /** Payouts to the user as a host. */
  payouts: ExportRecord[];
  /** Reviews the user wrote as a guest, and reviews of the user's listings. */
  reviewsBy: ExportRecord[];
  reviewsAbout: ExportRecord[];
  /** Reviews of guests the user wrote as a host, and hosts' reviews of the user as a guest. */
  guestReviewsBy: ExportRecord[];
  guestReviewsAbout: ExportRecord[];
  /** Conversations the user takes part in, and every message in them. */
  conversations: ExportRecord[];
  messages: ExportRecord[];
  notifications: ExportRecord[];
  /** The user's wishlists and the listings saved in them. */
  wishlists: ExportRecord[];
  wishlistProperties: ExportRecord[];
}
