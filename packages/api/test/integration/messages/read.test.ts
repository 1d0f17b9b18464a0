import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/infra/clock.ts';
import { failureOf, useTestDeps } from '../../../src/testing/index.ts';
import { notificationsOf } from '../reviews/helpers.ts';
import { guestAskedHost } from './helpers.ts';

const clock = new ManualClock('2031-04-01T09:00:00Z');
const deps = await useTestDeps({ clock });

/** A conversation where the guest sent `count` messages a second apart (the first is guestAskedHost's). */
async function guestSent(count: number, options: { apart?: boolean } = {}) {
  const asked = await guestAskedHost(deps, 'Message 0');
  const ids = [asked.started.message.messageId];
  for (let i = 1; i < count; i++) {
    if (options.apart !== false) clock.advance(1_000);
    const message = await asked.guest.caller.messages.send({
      conversationId: asked.conversationId,
      messageBody: `Message ${i}`,
    });
    ids.push(message.messageId);
  }
  return { ...asked, ids };
}

describe('messages.list', () => {
  it('pages through a conversation newest first, every message exactly once', async () => {
    const { host, conversationId, ids } = await guestSent(5);
    const pages: string[][] = [];
    let cursor: string | null = null;
    do {
      const page = await host.caller.messages.list({ conversationId, cursor, limit: 2 });
      pages.push(page.items.map((item) => item.messageId));
      cursor = page.nextCursor;
    } while (cursor !== null);
    expect(pages).toEqual([[ids[4], ids[3]], [ids[2], ids[1]], [ids[0]]]);
  });

  it('pages exactly once through messages sent at the same instant', async () => {
    const { host, conversationId, ids } = await guestSent(5, { apart: false });
    const first = await host.caller.messages.list({ conversationId, limit: 3 });
    const second = await host.caller.messages.list({ conversationId, limit: 3, cursor: first.nextCursor });
    expect(second.nextCursor).toBeNull();
    expect([...first.items, ...second.items].map((item) => item.messageId).sort()).toEqual([...ids].sort());
  });
});

describe('messages.markRead', () => {
  it("marks every message to the caller read, and their notifications with them; the sender's stay as they are", async () => {
    const { host, guest, conversationId } = await guestSent(3);
    clock.advance(1_000);
    await host.caller.messages.send({ conversationId, messageBody: 'Reply' });
    clock.advance(1_000);

    const result = await host.caller.messages.markRead({ conversationId });

    expect(result).toEqual({ markedRead: 3, unreadCount: 0 });
    const page = await host.caller.messages.list({ conversationId });
    expect(page.items.map((item) => [item.messageBody, item.readAt])).toEqual([
      ['Reply', null],
      ['Message 2', clock.now()],
      ['Message 1', clock.now()],
      ['Message 0', clock.now()],
    ]);
    expect((await host.caller.messages.conversations()).items[0]?.unreadCount).toBe(0);
    expect((await guest.caller.messages.conversations()).items[0]?.unreadCount).toBe(1);
    const notifications = await notificationsOf(deps, host.userId, 'message_received');
    expect(notifications.map((n) => n.read_at)).toEqual([clock.now(), clock.now(), clock.now()]);
    expect(await host.caller.notifications.unreadCount()).toEqual({ count: 0 });
  });

  it('marks a message and every older one read with upToMessageId, leaving newer ones unread', async () => {
    const { host, conversationId, ids } = await guestSent(4);

    const result = await host.caller.messages.markRead({ conversationId, upToMessageId: ids[1] });

    expect(result).toEqual({ markedRead: 2, unreadCount: 2 });
    const page = await host.caller.messages.list({ conversationId });
    expect(page.items.map((item) => [item.messageBody, item.readAt !== null])).toEqual([
      ['Message 3', false],
      ['Message 2', false],
      ['Message 1', true],
      ['Message 0', true],
    ]);
    expect(await host.caller.notifications.unreadCount()).toEqual({ count: 2 });
  });

  it('marks nothing twice: a second call finds nothing unread', async () => {
    const { host, conversationId } = await guestSent(2);
    await host.caller.messages.markRead({ conversationId });
    expect(await host.caller.messages.markRead({ conversationId })).toEqual({
      markedRead: 0,
      unreadCount: 0,
    });
  });

  it('answers NOT_FOUND for an upToMessageId of another conversation', async () => {
    const { host, conversationId } = await guestSent(1);
    const other = await guestSent(1);
    const failure = await failureOf(() =>
      host.caller.messages.markRead({ conversationId, upToMessageId: other.ids[0] }),
    );
    expect(failure.code).toBe('NOT_FOUND');
  });
});
