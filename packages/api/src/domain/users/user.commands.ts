/** First and last names: what a person types, trimmed, never empty. */
export const NAME_MAX_LENGTH = 100;
export const BIO_MAX_LENGTH = 1000;
export const AVATAR_URL_MAX_LENGTH = 2048;

/**
 * What a user may change about themselves (users.updateProfile): only the fields sent change; `null` clears
 * an optional one. Email, role and status are not here (auth and admin own them). The phone number is in
 * international form (+ and 7–15 digits); an empty bio is stored as none.
 */
export interface UpdateProfileInput {
  firstName?: string;
  lastName?: string;
  phoneNumber?: string | null;
  bio?: string | null;
  avatarUrl?: string | null;
}

/** SPEC §10: the current password, as proof that the account's owner asks. */
export interface DeleteAccountInput {
  password: string;
}
