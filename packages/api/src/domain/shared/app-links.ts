/**
 * Links from emails into the app (SPEC §10): absolute URLs on PUBLIC_URL, the origin people open the app
 * at. The paths are the app's (examples/web serves /messages/:id and /listings/:id; a frontend that wants
 * the others answers them). Codes travel in the query string so a page can fill in the form for the user.
 */
export interface AppLinks {
  verifyEmail(token: string): string;
  resetPassword(token: string): string;
  confirmEmailChange(code: string): string;
  booking(bookingId: string): string;
  conversation(conversationId: string): string;
  listing(propertyId: string): string;
  trips(): string;
  notificationSettings(): string;
}

/** The links for the app at `publicUrl` (`https://stayhub.example`, or with a path prefix). */
export function appLinks(publicUrl: string): AppLinks {
  const base = publicUrl.endsWith('/') ? publicUrl : `${publicUrl}/`;
  const at = (path: string, query: Record<string, string> = {}) => {
    const url = new URL(path, base);
    for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
    return url.toString();
  };
  return {
    verifyEmail: (token) => at('verify-email', { token }),
    resetPassword: (token) => at('reset-password', { token }),
    confirmEmailChange: (code) => at('confirm-email-change', { code }),
    booking: (bookingId) => at(`bookings/${encodeURIComponent(bookingId)}`),
    conversation: (conversationId) => at(`messages/${encodeURIComponent(conversationId)}`),
    listing: (propertyId) => at(`listings/${encodeURIComponent(propertyId)}`),
    trips: () => at('trips'),
    notificationSettings: () => at('settings/notifications'),
  };
}
