/**
 * Calls the packed SDK must refuse at compile time. Each line that must fail ends with `// error: TSnnnn`;
 * test/integration/packed.test.ts asserts that tsc reports exactly those codes on exactly those lines.
 */
import { createStayHubClient, errorReason, type RouterInputs, type RouterOutputs } from '@stayhub/sdk';

const client = createStayHubClient({ url: 'http://localhost:3000' });
const stay = { propertyId: 'p', startDate: '2030-06-01', endDate: '2030-06-04', guests: 2 };
const paid = {
  ...stay,
  paymentMethod: 'credit_card',
  paymentToken: 'tok_visa',
  idempotencyKey: 'k',
} as const;

export async function wrongInputs(): Promise<void> {
  await client.auth.register.mutate({ email: 'a@example.test', password: 'lantern-meadow-orbit-7' }); // error: TS2345
  await client.bookings.create.mutate({ ...paid, guests: 'two' }); // error: TS2322
  await client.bookings.create.mutate({ ...paid, paymentMethod: 'cash' }); // error: TS2322
  await client.properties.search.query({ city: 'Lisbon' }); // error: TS2353
  await client.properties.search.query({ sort: 'cheapest_first' }); // error: TS2322
  await client.properties.get.query({ id: 'p' }); // error: TS2353
  await client.bookings.get.query(); // error: TS2554
  await client.bookings.delete.mutate({ bookingId: 'b' }); // error: TS2339
  await client.properties.search.mutate({}); // error: TS2339
  await client.auth.login.query({ email: 'a@example.test', password: 'x' }); // error: TS2339
}

export async function wrongOutputs(): Promise<void> {
  const me = await client.users.me.query();
  const age: number = me.email; // error: TS2322
  const page = await client.properties.search.query({});
  const first: string = page.items[0].name; // error: TS2532
  const created: string = (await client.bookings.get.query({ bookingId: 'b' })).createdAt; // error: TS2322
  age.toFixed(first.length + created.length);
}

export function wrongNotifications(item: RouterOutputs['notifications']['list']['items'][number]): void {
  if (item.type === 'message_received') item.payload.rating.toFixed(); // error: TS2339
  if (item.type === 'coupon_offer') return; // error: TS2367
  client.notifications.updatePreferences.mutate({ email: { coupon_offer: false } }); // error: TS2353
}

export function wrongTypes(error: unknown): void {
  if (errorReason(error) === 'PAYMENT_FAILED_FOREVER') return; // error: TS2367
  const input: RouterInputs['reviews']['create'] = { bookingId: 'b', rating: 5 }; // error: TS2741
  input.rating.toFixed();
}
