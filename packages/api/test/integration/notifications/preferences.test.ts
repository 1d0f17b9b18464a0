import { describe, expect, it } from 'vitest';
import {
  notificationRegistry,
  notificationTypes,
} from '../../../src/domain/notifications/notification.registry.ts';
import { ManualClock } from '../../../src/infra/clock.ts';
import { failureOf, signedIn, TEST_PUBLIC_URL, useTestDeps } from '../../../src/testing/index.ts';
import { listing, runJobsDueBy, stay } from '../bookings/helpers.ts';
import { guestAskedHost } from '../messages/helpers.ts';
import { notificationsOf } from '../reviews/helpers.ts';

/** Real time: graphile-worker decides what is due with the database's clock. */
const clock = new ManualClock(new Date());
const deps = await useTestDeps({ clock });

const quietPeriod = 15 * 60_000;
const mailsTo = (email: string) => deps.mailer.messages.filter((mail) => mail.to === email);

/** A guest whose instant booking is confirmed once the charge job runs: a booking_confirmed email each. */
async function confirmedStay(guest: Awaited<ReturnType<typeof signedIn>>, month: string) {
  const { propertyId } = await listing(deps);
  const booking = await guest.caller.bookings.create(
    stay(propertyId, `2031-${month}-10`, `2031-${month}-13`),
  );
  await runJobsDueBy(deps, clock);
  return booking;
}

describe('notifications.preferences', () => {
  it('lists every type, mailed ones on until the user says otherwise, never-mailed ones unavailable', async () => {
    const user = await signedIn(deps, 'guest');
    const { items } = await user.caller.notifications.preferences();
    expect(items.map((item) => item.type)).toEqual([...notificationTypes]);
    for (const item of items) {
      const mailed = notificationRegistry[item.type].email.kind !== 'none';
      expect(item, item.type).toEqual({ type: item.type, email: mailed, emailAvailable: mailed });
    }
  });
});

describe('notifications.updatePreferences', () => {
  it('stops the emails of a type the user turned off, and only those, and sends them again once turned on', async () => {
    const guest = await signedIn(deps, 'guest');
    const after = await guest.caller.notifications.updatePreferences({ email: { booking_confirmed: false } });
    expect(after.items.find((item) => item.type === 'booking_confirmed')?.email).toBe(false);
    expect(after.items.find((item) => item.type === 'refund_issued')?.email).toBe(true);

    const off = await confirmedStay(guest, '05');
    const confirmedOff = (await notificationsOf(deps, guest.userId, 'booking_confirmed')).at(-1);
    expect(confirmedOff?.payload).toMatchObject({ bookingId: off.bookingId });
    // Notified in the app all the same; only the email is left out, and the row stays unmailed.
    expect(confirmedOff?.emailed_at).toBeNull();
    expect(mailsTo(guest.email).filter((mail) => mail.subject === 'StayHub: Booking confirmed')).toEqual([]);

    await guest.caller.notifications.updatePreferences({ email: { booking_confirmed: true } });
    const on = await confirmedStay(guest, '06');
    const mails = mailsTo(guest.email).filter((mail) => mail.subject === 'StayHub: Booking confirmed');
    expect(mails).toHaveLength(1);
    expect(mails[0]?.text).toContain(on.bookingId);
  });

  it('stops the new-message digest of a user who turned message emails off; the other party still gets theirs', async () => {
    const { host, guest, conversationId } = await guestAskedHost(deps, 'Is there a lift?');
    await host.caller.notifications.updatePreferences({ email: { message_received: false } });
    await host.caller.messages.send({ conversationId, messageBody: 'Yes, a small one.' });
    clock.advance(quietPeriod);
    await runJobsDueBy(deps, clock);

    expect(mailsTo(host.email)).toEqual([]);
    expect(mailsTo(guest.email)).toHaveLength(1);
    const hostRows = await notificationsOf(deps, host.userId, 'message_received');
    expect(hostRows.map((row) => row.emailed_at)).toEqual([null]);
  });

  it('keeps one user’s choices from another’s', async () => {
    const first = await signedIn(deps, 'guest');
    const second = await signedIn(deps, 'guest');
    await first.caller.notifications.updatePreferences({ email: { payment_failed: false } });
    const theirs = await second.caller.notifications.preferences();
    expect(theirs.items.find((item) => item.type === 'payment_failed')?.email).toBe(true);
  });

  it('refuses a type that is never emailed, and changes nothing', async () => {
    const user = await signedIn(deps, 'guest');
    const neverMailed = notificationTypes.find((type) => notificationRegistry[type].email.kind === 'none');
    if (!neverMailed) throw new Error('every type is mailed');
    const before = await user.caller.notifications.preferences();
    const error = await failureOf(() =>
      user.caller.notifications.updatePreferences({
        email: { booking_confirmed: false, [neverMailed]: false },
      }),
    );
    expect(error).toMatchObject({
      code: 'BAD_REQUEST',
      reason: 'VALIDATION_FAILED',
      fieldPaths: [`email.${neverMailed}`],
    });
    expect(await user.caller.notifications.preferences()).toEqual(before);
  });

  it('refuses a type the API does not know', async () => {
    const user = await signedIn(deps, 'guest');
    const error = await failureOf(() =>
      user.caller.notifications.updatePreferences({ email: JSON.parse('{"coupon_offers": false}') }),
    );
    expect(error).toMatchObject({ code: 'BAD_REQUEST' });
  });
});

describe('notification emails', () => {
  it('link to the booking and to the email settings on PUBLIC_URL, in plain text and HTML', async () => {
    const guest = await signedIn(deps, 'guest', { first_name: 'Ines' });
    const booking = await confirmedStay(guest, '07');
    const [mail] = mailsTo(guest.email).filter(
      (candidate) => candidate.subject === 'StayHub: Booking confirmed',
    );
    const bookingUrl = `${TEST_PUBLIC_URL}/bookings/${booking.bookingId}`;
    expect(mail?.text).toContain(`See the booking: ${bookingUrl}`);
    expect(mail?.text).toContain(`${TEST_PUBLIC_URL}/settings/notifications`);
    expect(mail?.html).toContain(`<a href="${bookingUrl}">See the booking</a>`);
    expect(mail?.html).toContain('<p>Hi Ines,</p>');
  });

  it('link a new-message digest to its conversation, and escape the message in the HTML', async () => {
    const { host, conversationId } = await guestAskedHost(deps, 'Is <b>parking</b> free & safe?');
    clock.advance(quietPeriod);
    await runJobsDueBy(deps, clock);
    const [mail] = mailsTo(host.email);
    const url = `${TEST_PUBLIC_URL}/messages/${conversationId}`;
    expect(mail?.text).toContain(`Reply in the StayHub app: ${url}`);
    expect(mail?.text).toContain('> Is <b>parking</b> free & safe?');
    expect(mail?.html).toContain(`<a href="${url}">`);
    expect(mail?.html).toContain('Is &lt;b&gt;parking&lt;/b&gt; free &amp; safe?');
    expect(mail?.html).not.toContain('<b>parking</b>');
  });
});
