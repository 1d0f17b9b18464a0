import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/infra/clock.ts';
import { type Caller, createProperty, signedIn, useTestDeps } from '../../../src/testing/index.ts';
import { hostWithListing } from '../reviews/helpers.ts';

const clock = new ManualClock('2031-04-01T09:00:00Z');
const deps = await useTestDeps({ clock });

const minute = 60_000;

async function allPages(caller: Caller, limit: number) {
  const pages: string[][] = [];
  let cursor: string | null = null;
  do {
    const page = await caller.messages.conversations({ cursor, limit });
    pages.push(page.items.map((item) => item.conversationId));
    cursor = page.nextCursor;
  } while (cursor !== null);
  return pages;
}

describe('messages.conversations', () => {
  it("shows each side the other's public profile, the place, the last message and their own unread count", async () => {
    const { host, propertyId } = await hostWithListing(deps, { name: 'Harbour studio' });
    const guest = await signedIn(deps, 'guest', { first_name: 'Amara' });
    const { conversation } = await guest.caller.messages.start({ propertyId, messageBody: 'Hello!' });
    const { conversationId } = conversation;
    clock.advance(minute);
    await guest.caller.messages.send({ conversationId, messageBody: 'Are pets allowed?' });
    clock.advance(minute);
    await guest.caller.messages.send({ conversationId, messageBody: 'A small dog.' });

    const [forHost] = (await host.caller.messages.conversations()).items;
    const [forGuest] = (await guest.caller.messages.conversations()).items;

    expect(forHost).toMatchObject({
      conversationId,
      property: { propertyId, name: 'Harbour studio' },
      bookingId: null,
      myRole: 'host',
      otherParticipant: { userId: guest.userId, firstName: 'Amara', avatarUrl: null },
      lastMessage: { messageBody: 'A small dog.', senderId: guest.userId, recipientId: host.userId },
      lastMessageAt: clock.now(),
      unreadCount: 3,
    });
    expect(forGuest).toMatchObject({
      conversationId,
      myRole: 'guest',
      otherParticipant: { userId: host.userId, firstName: 'Hana' },
      lastMessage: { messageBody: 'A small dog.' },
      unreadCount: 0,
    });
    expect(JSON.stringify([forHost, forGuest])).not.toMatch(/@example\.test/);
  });

  it('lists conversations from both sides, newest activity first; a new message moves one to the top', async () => {
    const me = await signedIn(deps, 'host', { first_name: 'Pat' });
    const asGuest = [];
    for (const name of ['First place', 'Second place']) {
      const { propertyId } = await hostWithListing(deps, { name });
      clock.advance(minute);
      asGuest.push(
        (await me.caller.messages.start({ propertyId, messageBody: `About ${name}` })).conversation,
      );
    }
    const { propertyId: myPlace } = await createProperty(deps.db, me.userId, { name: 'My place' });
    const asker = await signedIn(deps, 'guest');
    clock.advance(minute);
    const asHost = (await asker.caller.messages.start({ propertyId: myPlace, messageBody: 'Free in June?' }))
      .conversation;

    const before = await me.caller.messages.conversations();
    expect(before.items.map((item) => [item.property.name, item.myRole])).toEqual([
      ['My place', 'host'],
      ['Second place', 'guest'],
      ['First place', 'guest'],
    ]);

    clock.advance(minute);
    await me.caller.messages.send({
      conversationId: asGuest[0]?.conversationId ?? '',
      messageBody: 'Still free?',
    });

    const after = await me.caller.messages.conversations();
    expect(after.items.map((item) => item.property.name)).toEqual([
      'First place',
      'My place',
      'Second place',
    ]);
    expect(after.items.map((item) => item.unreadCount)).toEqual([0, 1, 0]);
    expect(after.items[1]?.conversationId).toBe(asHost.conversationId);
  });

  it('pages through every conversation exactly once, ties in activity time included', async () => {
    const guest = await signedIn(deps, 'guest');
    const ids: string[] = [];
    for (const i of [0, 1, 2, 3, 4, 5, 6]) {
      const { propertyId } = await hostWithListing(deps);
      if (i % 2 === 0) clock.advance(minute); // pairs share an instant
      ids.push(
        (await guest.caller.messages.start({ propertyId, messageBody: `Q${i}` })).conversation.conversationId,
      );
    }
    const pages = await allPages(guest.caller, 3);
    expect(pages.map((page) => page.length)).toEqual([3, 3, 1]);
    expect(pages.flat().sort()).toEqual([...ids].sort());
    // Newest activity first across pages: the last one started leads, one of the first pair ends the list.
    expect(pages[0]?.[0]).toBe(ids[6]);
    expect([ids[0], ids[1]]).toContain(pages.at(-1)?.[0]);
  });

  it('is empty for someone with no conversations', async () => {
    const loner = await signedIn(deps, 'guest');
    expect(await loner.caller.messages.conversations()).toEqual({ items: [], nextCursor: null });
  });
});
