import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/infra/clock.ts';
import { type Caller, callerFor, failureOf, signedIn, useTestDeps } from '../../../src/testing/index.ts';
import { hostWithListing } from '../reviews/helpers.ts';
import { guestAskedHost } from './helpers.ts';

const clock = new ManualClock('2031-04-01T09:00:00Z');
const deps = await useTestDeps({ clock });

/** Every way to reach a conversation, for a caller who must not. */
function attempts(caller: Caller, conversationId: string, messageId: string) {
  return {
    send: () => caller.messages.send({ conversationId, messageBody: 'Let me in' }),
    list: () => caller.messages.list({ conversationId }),
    markRead: () => caller.messages.markRead({ conversationId }),
    markReadUpTo: () => caller.messages.markRead({ conversationId, upToMessageId: messageId }),
  };
}

describe('messages: only the two participants see or write a conversation (SPEC §4)', () => {
  it('answers NOT_FOUND to another guest, another host, the host of another place and an admin', async () => {
    const { host, guest, conversationId, started } = await guestAskedHost(deps);
    const otherHost = await hostWithListing(deps);
    const outsiders = [await signedIn(deps, 'guest'), otherHost.host, await signedIn(deps, 'admin')];

    for (const outsider of outsiders) {
      for (const [name, call] of Object.entries(
        attempts(outsider.caller, conversationId, started.message.messageId),
      )) {
        expect({ name, ...(await failureOf(call)) }).toMatchObject({
          name,
          code: 'NOT_FOUND',
          reason: 'NOT_FOUND',
        });
      }
      expect((await outsider.caller.messages.conversations()).items).toEqual([]);
    }

    // Nothing an outsider tried left a trace: one message, still unread by the host.
    const page = await guest.caller.messages.list({ conversationId });
    expect(page.items).toHaveLength(1);
    expect(page.items[0]?.readAt).toBeNull();
    expect((await host.caller.messages.conversations()).items[0]?.unreadCount).toBe(1);
  });

  it('answers a conversation that does not exist exactly like one the caller may not see', async () => {
    const { conversationId, started } = await guestAskedHost(deps);
    const outsider = await signedIn(deps, 'guest');
    const unknown = '00000000-0000-4000-8000-000000000000';
    for (const id of [conversationId, unknown]) {
      const failure = await failureOf(() => outsider.caller.messages.list({ conversationId: id }));
      expect(failure).toEqual({
        code: 'NOT_FOUND',
        reason: 'NOT_FOUND',
        message: 'conversation not found',
        fieldErrors: null,
        fieldPaths: [],
        retryAfterMs: null,
      });
    }
    expect(started.conversation.conversationId).toBe(conversationId);
  });

  it('asks an anonymous caller to sign in for every messages procedure', async () => {
    const { propertyId, conversationId, started } = await guestAskedHost(deps);
    const anonymous = callerFor(deps);
    const calls = {
      ...attempts(anonymous, conversationId, started.message.messageId),
      start: () => anonymous.messages.start({ propertyId, messageBody: 'Hi' }),
      conversations: () => anonymous.messages.conversations(),
    };
    for (const [name, call] of Object.entries(calls)) {
      expect({ name, code: (await failureOf(call)).code }).toEqual({ name, code: 'UNAUTHORIZED' });
    }
  });

  it('lets both participants read and write', async () => {
    const { host, guest, conversationId } = await guestAskedHost(deps);
    clock.advance(1_000);
    await host.caller.messages.send({ conversationId, messageBody: 'Very quiet.' });
    clock.advance(1_000);
    await guest.caller.messages.send({ conversationId, messageBody: 'Great!' });

    for (const participant of [host, guest]) {
      const page = await participant.caller.messages.list({ conversationId });
      expect(page.items.map((item) => item.messageBody)).toEqual([
        'Great!',
        'Very quiet.',
        'Is the flat quiet at night?',
      ]);
    }
  });
});
