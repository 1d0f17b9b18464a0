/**
 * A consumer of the packed tarball (copied into a project outside the workspace by
 * test/integration/packed.test.ts). It must type-check with only the tarball and its dependencies
 * installed. It touches every router and every procedure the API had when it was written; the test fails
 * when the API grows a router this file does not call, so add a call here for each new router.
 */
import {
  createStayHubClient,
  errorReason,
  fieldErrors,
  isStayHubError,
  type RouterInputs,
  type RouterOutputs,
  type StayHubClient,
  type StayHubErrorReason,
  type StayHubFieldError,
} from '@stayhub/sdk';

let token: string | null = null;
const client: StayHubClient = createStayHubClient({
  url: 'http://localhost:3000',
  token: () => token,
  headers: { 'x-request-id': 'consumer-check' },
  maxBatchSize: 10,
});

const propertyId = '00000000-0000-4000-8000-000000000001';
const userId = '00000000-0000-4000-8000-000000000002';
const stay = { propertyId, startDate: '2030-06-01', endDate: '2030-06-04', guests: 2 };

/** Every top-level router, so a router added to the API without a call below fails to compile here. */
export const routersCovered = {
  health: true,
  auth: true,
  users: true,
  admin: true,
  properties: true,
  bookings: true,
  payments: true,
  reviews: true,
  messages: true,
  notifications: true,
} satisfies Record<keyof RouterInputs, true>;

export async function health(): Promise<Date> {
  const status = await client.health.query();
  const state: 'ok' | 'degraded' = status.status;
  return state === 'ok' ? status.time : new Date(0);
}

export async function accounts(): Promise<void> {
  const registered = await client.auth.register.mutate({
    email: 'guest@example.test',
    password: 'lantern-meadow-orbit-7',
    firstName: 'Gail',
    lastName: 'Guest',
    phoneNumber: '+351912345678',
  });
  token = registered.token;
  const { user } = await client.auth.login.mutate({ email: 'guest@example.test', password: 'x' });
  const createdAt: Date = user.createdAt;
  createdAt.toISOString();
  const sessions = await client.auth.sessions.query({ limit: 10 });
  for (const session of sessions.items)
    await client.auth.revokeSession.mutate({ sessionId: session.sessionId });
  await client.auth.changePassword.mutate({ currentPassword: 'a', newPassword: 'lantern-meadow-orbit-8' });
  await client.auth.requestPasswordReset.mutate({ email: 'guest@example.test' });
  await client.auth.resetPassword.mutate({ token: 'code', newPassword: 'lantern-meadow-orbit-9' });
  await client.auth.requestEmailVerification.mutate();
  await client.auth.verifyEmail.mutate({ token: 'code' });
  await client.auth.requestEmailChange.mutate({ newEmail: 'new@example.test', password: 'x' });
  await client.auth.confirmEmailChange.mutate({ code: 'code' });
  await client.auth.logoutAll.mutate();
  const { ok }: { ok: boolean } = await client.auth.logout.mutate();
  if (!ok) token = null;
}

export async function users(): Promise<void> {
  const me = await client.users.me.query();
  const role: 'guest' | 'host' | 'admin' = me.role;
  await client.users.updateProfile.mutate({ bio: `a ${role}`, avatarUrl: null });
  await client.users.becomeHost.mutate();
  const exported = await client.users.exportData.query();
  exported.exportedAt.toISOString();
  exported.bookingsAsGuest.length.toFixed();
  await client.users.deleteAccount.mutate({ password: 'x' });
  const profile = await client.users.profile.query({ userId });
  profile.firstName.toUpperCase();
}

export async function hosting(): Promise<void> {
  const created = await client.properties.create.mutate({
    name: 'Alfama loft',
    propertyType: 'apartment',
    city: 'Lisbon',
    country: 'PT',
    lat: 38.71,
    lng: -9.13,
    timezone: 'Europe/Lisbon',
    pricePerNightCents: 10_000,
    currency: 'EUR',
    maxGuests: 4,
    bedrooms: 2,
    beds: 2,
    bathrooms: 1,
    cancellationPolicy: 'moderate',
    instantBook: true,
  });
  await client.properties.update.mutate({ propertyId: created.propertyId, cleaningFeeCents: 2_500 });
  const photo = await client.properties.addPhoto.mutate({ propertyId, url: 'https://img.example/1.jpg' });
  await client.properties.reorderPhotos.mutate({ propertyId, photoIds: [photo.photoId] });
  await client.properties.removePhoto.mutate({ propertyId, photoId: photo.photoId });
  await client.properties.setStatus.mutate({ propertyId, status: 'listed' });
  await client.properties.blockDates.mutate({ propertyId, startDate: '2030-07-01', endDate: '2030-07-03' });
  await client.properties.unblockDates.mutate({ propertyId, startDate: '2030-07-01', endDate: '2030-07-03' });
  const calendar = await client.properties.calendar.query({
    propertyId,
    from: '2030-07-01',
    to: '2030-07-31',
  });
  const day = calendar.days[0];
  if (day) {
    const status: 'available' | 'booked' | 'blocked' = day.status;
    status.toString();
  }
  const mine = await client.properties.listMine.query({ status: 'listed' });
  mine.nextCursor?.toString();
}

export async function searching(): Promise<RouterOutputs['properties']['search']['items']> {
  const page = await client.properties.search.query({
    text: 'lisbon',
    near: { lat: 38.72, lng: -9.14, radiusKm: 10 },
    startDate: stay.startDate,
    endDate: stay.endDate,
    guests: 2,
    amenities: ['wifi'],
    sort: 'distance',
    limit: 20,
  });
  const next = page.nextCursor ? await client.properties.search.query({ cursor: page.nextCursor }) : page;
  const amenities = await client.properties.amenities.query();
  amenities.items.length.toFixed();
  amenities.nextCursor?.trim();
  const listing = await client.properties.get.query({ propertyId });
  listing.name.trim();
  return next.items;
}

export async function booking(): Promise<void> {
  const quote = await client.bookings.quote.query(stay);
  const total: number = quote.totalCents;
  const input: RouterInputs['bookings']['create'] = {
    ...stay,
    paymentMethod: 'credit_card',
    paymentToken: 'tok_visa',
    idempotencyKey: crypto.randomUUID(),
  };
  const created = await client.bookings.create.mutate(input);
  let current = created;
  while (current.status === 'pending')
    current = await client.bookings.get.query({ bookingId: created.bookingId });
  const confirmedAt: Date | null = current.confirmedAt;
  confirmedAt?.getTime();
  const preview = await client.bookings.cancellationPreview.query({ bookingId: created.bookingId });
  const tier: 'full' | 'partial' | 'none' = preview.tier;
  tier.toString();
  await client.bookings.cancel.mutate({ bookingId: created.bookingId, reason: `${total}` });
  await client.bookings.listMine.query({ scope: 'upcoming' });
  const requests = await client.bookings.listForHost.query({ scope: 'requests' });
  for (const request of requests.items) {
    await client.bookings.accept.mutate({ bookingId: request.bookingId });
    await client.bookings.decline.mutate({ bookingId: request.bookingId });
  }
}

export async function money(bookingId: string): Promise<void> {
  const payments = await client.payments.listForBooking.query({ bookingId });
  const charged = payments.items
    .filter((p) => p.kind === 'charge')
    .reduce((sum, p) => sum + p.amountCents, 0);
  charged.toFixed();
  await client.payments.listPayouts.query({ status: 'scheduled' });
}

export async function reviews(bookingId: string): Promise<void> {
  const review = await client.reviews.create.mutate({ bookingId, rating: 5, comment: 'Lovely stay.' });
  await client.reviews.respond.mutate({ reviewId: review.reviewId, hostResponse: 'Thank you!' });
  await client.reviews.listForProperty.query({ propertyId, limit: 10 });
}

export async function messaging(): Promise<void> {
  const started = await client.messages.start.mutate({ propertyId, messageBody: 'Is parking free?' });
  const { conversationId } = started.conversation;
  await client.messages.send.mutate({ conversationId, messageBody: 'Thanks!' });
  await client.messages.list.query({ conversationId, limit: 50 });
  await client.messages.markRead.mutate({ conversationId });
  await client.messages.conversations.query();
}

export async function notifications(): Promise<number> {
  const page = await client.notifications.list.query({ unreadOnly: true });
  await client.notifications.markRead.mutate({ notificationIds: page.items.map((n) => n.notificationId) });
  await client.notifications.markRead.mutate({ all: true });
  const { count } = await client.notifications.unreadCount.query();
  const preferences = await client.notifications.preferences.query();
  const mailed = preferences.items.filter((item) => item.emailAvailable).map((item) => item.type);
  await client.notifications.updatePreferences.mutate({ email: { message_received: false } });
  return count + mailed.length;
}

/** A notification narrows on `type`: each type's payload has its own keys (SPEC §10). */
export function notificationLine(item: RouterOutputs['notifications']['list']['items'][number]): string {
  switch (item.type) {
    case 'message_received':
      return `${item.payload.senderFirstName}: ${item.payload.preview}`;
    case 'review_received':
      return `${item.payload.authorFirstName} rated ${item.payload.propertyName} ${item.payload.rating.toFixed()}`;
    case 'booking_canceled':
      return `${item.payload.propertyName} canceled by ${item.payload.canceledBy ?? 'StayHub'}`;
    default:
      return item.type;
  }
}

export async function administration(): Promise<void> {
  const page = await client.admin.users.query({ text: 'gail', role: 'guest' });
  for (const user of page.items) {
    await client.admin.suspendUser.mutate({ userId: user.userId, reason: 'spam' });
    await client.admin.reinstateUser.mutate({ userId: user.userId, reason: 'appeal upheld' });
  }
  await client.admin.suspendProperty.mutate({ propertyId, reason: 'fake listing' });
  await client.admin.cancelBooking.mutate({
    bookingId: '00000000-0000-4000-8000-000000000003',
    reason: 'fraud',
  });
}

/** The typed error helpers: reasons are a closed union, field errors carry dotted paths. */
export function describe(error: unknown): string {
  if (!isStayHubError(error)) return 'network or unknown error';
  const httpStatus: number = error.data.httpStatus;
  const reason: StayHubErrorReason | undefined = errorReason(error);
  const fields: StayHubFieldError[] = fieldErrors(error);
  switch (reason) {
    case 'DATES_UNAVAILABLE':
      return 'those dates were just taken';
    case 'VALIDATION_FAILED':
      return fields.map((field) => `${field.path}: ${field.message}`).join('\n');
    case 'RATE_LIMITED':
      return `try again in ${error.data.retryAfterMs ?? 0} ms`;
    default:
      return `${httpStatus} ${reason ?? 'unknown'}`;
  }
}
