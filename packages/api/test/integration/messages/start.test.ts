import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/infra/clock.ts';
import {
  createBooking,
  createProperty,
  failureOf,
  signedIn,
  useTestDeps,
} from '../../../src/testing/index.ts';
import { hostWithListing, notificationsOf } from '../reviews/helpers.ts';
import { conversationsOf, guestAskedHost } from './helpers.ts';

const clock = new ManualClock('2031-04-01T09:00:00Z');
const deps = await useTestDeps({ clock });

const stay = { startDate: '2031-05-01', endDate: '2031-05-05' };

describe('messages.start', () => {
  it('lets a guest ask about a listed place before booking, and returns the conversation and message', async () => {
    const { host, propertyId } = await hostWithListing(deps, { name: 'River loft' });
    const guest = await signedIn(deps, 'guest', { first_name: 'Amara' });

    const started = await guest.caller.messages.start({ propertyId, messageBody: ' Is parking free? ' });

    expect(started.message).toMatchObject({
      senderId: guest.userId,
      recipientId: host.userId,
      messageBody: 'Is parking free?',
      sentAt: clock.now(),
      readAt: null,
    });
    expect(started.conversation).toMatchObject({
      conversationId: started.message.conversationId,
      property: { propertyId, name: 'River loft' },
      bookingId: null,
      myRole: 'guest',
      otherParticipant: { userId: host.userId, firstName: 'Hana', avatarUrl: null },
      lastMessage: started.message,
      lastMessageAt: clock.now(),
      unreadCount: 0,
    });
    expect(JSON.stringify(started)).not.toContain(host.email);
  });

  it('continues the existing conversation when the guest starts again about the same place', async () => {
    const { guest, propertyId, conversationId } = await guestAskedHost(deps);
    clock.advance(60_000);

    const again = await guest.caller.messages.start({ propertyId, messageBody: 'And is there a lift?' });

    expect(again.conversation.conversationId).toBe(conversationId);
    expect(await conversationsOf(deps, guest.userId, propertyId)).toHaveLength(1);
    const page = await guest.caller.messages.list({ conversationId });
    expect(page.items.map((item) => item.messageBody)).toEqual([
      'And is there a lift?',
      'Is the flat quiet at night?',
    ]);
  });

  it('creates one conversation when the same guest starts several at once', async () => {
    const { propertyId } = await hostWithListing(deps);
    const guest = await signedIn(deps, 'guest');

    const started = await Promise.all(
      [1, 2, 3, 4, 5].map((n) => guest.caller.messages.start({ propertyId, messageBody: `Hello ${n}` })),
    );

    expect(new Set(started.map((s) => s.conversation.conversationId)).size).toBe(1);
    expect(await conversationsOf(deps, guest.userId, propertyId)).toHaveLength(1);
    const conversationId = started[0]?.conversation.conversationId ?? '';
    expect((await guest.caller.messages.list({ conversationId })).items).toHaveLength(5);
  });

  it('records last_message_at and notifies the recipient in the same transaction as the message', async () => {
    const { host, guest, propertyId, started } = await guestAskedHost(deps);
    const [conversation] = await conversationsOf(deps, guest.userId, propertyId);
    expect(conversation?.last_message_at).toEqual(started.message.sentAt);
    const notifications = await notificationsOf(deps, host.userId, 'message_received');
    expect(notifications).toHaveLength(1);
    expect(notifications[0]?.payload).toMatchObject({
      conversationId: started.conversation.conversationId,
      messageId: started.message.messageId,
      senderId: guest.userId,
      senderFirstName: 'Amara',
      preview: 'Is the flat quiet at night?',
    });
    expect(await notificationsOf(deps, guest.userId)).toEqual([]);
  });

  it('keeps a conversation about a booking apart from the one before booking; either side may start it', async () => {
    const { host, guest, propertyId, conversationId } = await guestAskedHost(deps);
    const { bookingId } = await createBooking(deps.db, { propertyId, guestId: guest.userId, ...stay });

    const byHost = await host.caller.messages.start({
      propertyId,
      bookingId,
      messageBody: 'See you in May!',
    });
    const byGuest = await guest.caller.messages.start({ propertyId, bookingId, messageBody: 'Thank you!' });

    expect(byHost.conversation).toMatchObject({ bookingId, myRole: 'host' });
    expect(byHost.conversation.otherParticipant.userId).toBe(guest.userId);
    expect(byHost.message.recipientId).toBe(guest.userId);
    expect(byGuest.conversation.conversationId).toBe(byHost.conversation.conversationId);
    expect(byHost.conversation.conversationId).not.toBe(conversationId);
    expect(await conversationsOf(deps, guest.userId, propertyId)).toHaveLength(2);
  });

  it('lets the participants of a booking talk about a place that is no longer listed', async () => {
    const host = await signedIn(deps, 'host');
    const { propertyId } = await createProperty(deps.db, host.userId, { status: 'unlisted' });
    const guest = await signedIn(deps, 'guest');
    const { bookingId } = await createBooking(deps.db, { propertyId, guestId: guest.userId, ...stay });

    const started = await guest.caller.messages.start({ propertyId, bookingId, messageBody: 'Still on?' });

    expect(started.conversation.bookingId).toBe(bookingId);
  });

  it('refuses the host a conversation about their own listing without a booking (OWN_PROPERTY)', async () => {
    const { host, propertyId } = await hostWithListing(deps);
    const failure = await failureOf(() => host.caller.messages.start({ propertyId, messageBody: 'Me?' }));
    expect(failure).toMatchObject({ code: 'UNPROCESSABLE_CONTENT', reason: 'OWN_PROPERTY' });
  });

  it.each(['draft', 'unlisted', 'suspended', 'archived'] as const)(
    'answers NOT_FOUND to a question about a %s place before booking',
    async (status) => {
      const { propertyId } = await hostWithListing(deps, { status });
      const guest = await signedIn(deps, 'guest');
      const failure = await failureOf(() => guest.caller.messages.start({ propertyId, messageBody: 'Hi' }));
      expect(failure.code).toBe('NOT_FOUND');
    },
  );

  it('answers NOT_FOUND for a booking the caller is not part of, or of another place', async () => {
    const { host, propertyId } = await hostWithListing(deps);
    const guest = await signedIn(deps, 'guest');
    const { bookingId } = await createBooking(deps.db, { propertyId, guestId: guest.userId, ...stay });
    const other = await hostWithListing(deps);
    const outsiders = [await signedIn(deps, 'guest'), other.host, await signedIn(deps, 'admin')];

    for (const outsider of outsiders) {
      const failure = await failureOf(() =>
        outsider.caller.messages.start({ propertyId, bookingId, messageBody: 'Hi' }),
      );
      expect(failure.code).toBe('NOT_FOUND');
    }
    for (const caller of [guest.caller, host.caller]) {
      const failure = await failureOf(() =>
        caller.messages.start({ propertyId: other.propertyId, bookingId, messageBody: 'Wrong place' }),
      );
      expect(failure.code).toBe('NOT_FOUND');
    }
  });

  it('refuses an empty or overlong message', async () => {
    const { propertyId } = await hostWithListing(deps);
    const guest = await signedIn(deps, 'guest');
    for (const messageBody of ['  ', 'x'.repeat(5001)]) {
      const failure = await failureOf(() => guest.caller.messages.start({ propertyId, messageBody }));
      expect(failure).toMatchObject({ code: 'BAD_REQUEST', fieldPaths: ['messageBody'] });
    }
  });
});
