import type { Executor } from '@stayhub/db';
import { afterPosition, timestampKey } from '../shared/keyset.queries.ts';
import type { KeysetPosition } from '../shared/keyset-cursor.ts';

export function findPropertyForConversation(db: Executor, propertyId: string) {
  return db
    .selectFrom('properties')
    .select(['property_id', 'host_id', 'status', 'name'])
    .where('property_id', '=', propertyId)
    .executeTakeFirst();
}

export function findBookingForConversation(db: Executor, bookingId: string) {
  return db
    .selectFrom('bookings')
    .select(['booking_id', 'user_id', 'property_id'])
    .where('booking_id', '=', bookingId)
    .executeTakeFirst();
}

export interface ConversationKey {
  guestId: string;
  hostId: string;
  propertyId: string;
  bookingId: string | null;
}

/**
 * The conversation of a guest, listing and booking (none before booking), created if absent. Two starts
 * racing meet at conversations_guest_property_booking_key (NULLS NOT DISTINCT): the loser's insert waits for
 * the winner's commit and does nothing, and its select then sees the winner's row (READ COMMITTED).
 */
export async function findOrCreateConversation(
  db: Executor,
  key: ConversationKey,
  createdAt: Date,
): Promise<string> {
  const inserted = await db
    .insertInto('conversations')
    .values({
      guest_id: key.guestId,
      host_id: key.hostId,
      property_id: key.propertyId,
      booking_id: key.bookingId,
      created_at: createdAt,
    })
    .onConflict((oc) => oc.constraint('conversations_guest_property_booking_key').doNothing())
    .returning('conversation_id')
    .executeTakeFirst();
  if (inserted) return inserted.conversation_id;
  const existing = await db
    .selectFrom('conversations')
    .select('conversation_id')
    .where('guest_id', '=', key.guestId)
    .where('property_id', '=', key.propertyId)
    .where('booking_id', 'is not distinct from', key.bookingId)
    .executeTakeFirstOrThrow();
  return existing.conversation_id;
}

/** A conversation with what its participants and notifications need. */
export function findConversation(db: Executor, conversationId: string) {
  return db
    .selectFrom('conversations')
    .innerJoin('properties', 'properties.property_id', 'conversations.property_id')
    .select([
      'conversations.conversation_id',
      'conversations.guest_id',
      'conversations.host_id',
      'conversations.property_id',
      'conversations.booking_id',
      'properties.name as property_name',
    ])
    .where('conversations.conversation_id', '=', conversationId)
    .executeTakeFirst();
}

export type ConversationRow = NonNullable<Awaited<ReturnType<typeof findConversation>>>;

export const messageColumns = [
  'message_id',
  'conversation_id',
  'sender_id',
  'recipient_id',
  'message_body',
  'sent_at',
  'read_at',
] as const;

export function insertMessage(
  db: Executor,
  message: { conversationId: string; senderId: string; recipientId: string; body: string; sentAt: Date },
) {
  return db
    .insertInto('messages')
    .values({
      conversation_id: message.conversationId,
      sender_id: message.senderId,
      recipient_id: message.recipientId,
      message_body: message.body,
      sent_at: message.sentAt,
    })
    .returning(messageColumns)
    .executeTakeFirstOrThrow();
}

/** Moves the inbox position forward only: a slower concurrent send never moves it back. */
export function touchConversation(db: Executor, conversationId: string, sentAt: Date) {
  return db
    .updateTable('conversations')
    .set((eb) => ({ last_message_at: eb.fn('greatest', [eb.ref('last_message_at'), eb.val(sentAt)]) }))
    .where('conversation_id', '=', conversationId)
    .execute();
}

/**
 * One page of a conversation's messages, newest first: ORDER BY sent_at DESC, message_id ASC — the order of
 * messages_conversation_id_idx (conversation_id, sent_at DESC, message_id).
 */
export function listMessageRows(
  db: Executor,
  filter: { conversationId: string; after: KeysetPosition | undefined; limit: number },
) {
  const { after } = filter;
  let query = db
    .selectFrom('messages')
    .select(messageColumns)
    .select((eb) => timestampKey(eb.ref('sent_at')).as('position_key'))
    .where('conversation_id', '=', filter.conversationId);
  if (after) {
    query = query.where((eb) => afterPosition(eb, eb.ref('sent_at'), eb.ref('message_id'), after));
  }
  return query.orderBy('sent_at', 'desc').orderBy('message_id', 'asc').limit(filter.limit).execute();
}

/** A message's keyset position, if it belongs to the conversation. */
export function findMessagePosition(db: Executor, conversationId: string, messageId: string) {
  return db
    .selectFrom('messages')
    .select((eb) => ['message_id', timestampKey(eb.ref('sent_at')).as('position_key')])
    .where('conversation_id', '=', conversationId)
    .where('message_id', '=', messageId)
    .executeTakeFirst();
}

/**
 * Marks the recipient's unread messages of a conversation read: all, or `upTo` and everything older (at or
 * after it in newest-first order). Returns the ids marked.
 */
export async function markMessagesRead(
  db: Executor,
  filter: { conversationId: string; recipientId: string; upTo: KeysetPosition | undefined; now: Date },
): Promise<string[]> {
  const { upTo } = filter;
  let query = db
    .updateTable('messages')
    .set({ read_at: filter.now })
    .where('recipient_id', '=', filter.recipientId)
    .where('conversation_id', '=', filter.conversationId)
    .where('read_at', 'is', null);
  if (upTo) {
    query = query.where((eb) =>
      eb.or([
        eb('message_id', '=', upTo.id),
        afterPosition(eb, eb.ref('sent_at'), eb.ref('message_id'), upTo),
      ]),
    );
  }
  const rows = await query.returning('message_id').execute();
  return rows.map((row) => row.message_id);
}

/** Uses messages_unread_idx (recipient_id, conversation_id) WHERE read_at IS NULL. */
export async function countUnreadInConversation(
  db: Executor,
  conversationId: string,
  recipientId: string,
): Promise<number> {
  const row = await db
    .selectFrom('messages')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('recipient_id', '=', recipientId)
    .where('conversation_id', '=', conversationId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return row.count;
}

export interface ConversationFilter {
  userId: string;
  after: KeysetPosition | undefined;
  limit: number;
  /** Only this conversation (the view `messages.start` returns). */
  conversationId?: string | undefined;
}

/** One side of the inbox: conversations where the user is the guest, or the host, newest activity first. */
function inboxSide(db: Executor, side: 'guest_id' | 'host_id', filter: ConversationFilter) {
  const { after, conversationId } = filter;
  let query = db
    .selectFrom('conversations')
    .select([
      'conversation_id',
      'property_id',
      'guest_id',
      'host_id',
      'booking_id',
      'last_message_at',
      'created_at',
    ])
    .where(side, '=', filter.userId)
    .where('last_message_at', 'is not', null);
  if (conversationId !== undefined) query = query.where('conversation_id', '=', conversationId);
  if (after) {
    query = query.where((eb) =>
      afterPosition(eb, eb.ref('last_message_at'), eb.ref('conversation_id'), after),
    );
  }
  return query
    .orderBy('last_message_at', (ob) => ob.desc().nullsLast())
    .orderBy('conversation_id', 'asc')
    .limit(filter.limit);
}

/**
 * A page of the user's inbox in one statement, however many conversations it shows: each side uses its
 * (guest_id | host_id, last_message_at DESC NULLS LAST) index and stops at `limit`; then per conversation the
 * listing's name, the other participant's public name and avatar, the last message (messages_conversation_id_idx)
 * and the user's unread count (messages_unread_idx). A conversation always has a message (start creates both
 * in one transaction), so last_message_at is set.
 */
export function listConversationRows(db: Executor, filter: ConversationFilter) {
  const { userId } = filter;
  const mine = db
    .selectFrom(inboxSide(db, 'guest_id', filter).as('g'))
    .selectAll()
    .unionAll(db.selectFrom(inboxSide(db, 'host_id', filter).as('h')).selectAll());
  return db
    .selectFrom(mine.as('c'))
    .innerJoin('properties as p', 'p.property_id', 'c.property_id')
    .innerJoin('users as other', (join) =>
      join.on((eb) =>
        eb(
          'other.user_id',
          '=',
          eb
            .case()
            .when('c.guest_id', '=', userId)
            .then(eb.ref('c.host_id'))
            .else(eb.ref('c.guest_id'))
            .end(),
        ),
      ),
    )
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('messages as m')
          .select([
            'm.message_id',
            'm.conversation_id',
            'm.sender_id',
            'm.recipient_id',
            'm.message_body',
            'm.sent_at',
            'm.read_at',
          ])
          .whereRef('m.conversation_id', '=', 'c.conversation_id')
          .orderBy('m.sent_at', 'desc')
          .orderBy('m.message_id', 'asc')
          .limit(1)
          .as('lm'),
      (join) => join.onTrue(),
    )
    .select([
      'c.conversation_id',
      'c.property_id',
      'c.guest_id',
      'c.host_id',
      'c.booking_id',
      'c.last_message_at',
      'c.created_at',
      'p.name as property_name',
      'other.user_id as other_user_id',
      'other.first_name as other_first_name',
      'other.avatar_url as other_avatar_url',
      'lm.message_id',
      'lm.conversation_id as message_conversation_id',
      'lm.sender_id',
      'lm.recipient_id',
      'lm.message_body',
      'lm.sent_at',
      'lm.read_at',
    ])
    .select((eb) => [
      timestampKey(eb.ref('c.last_message_at')).as('position_key'),
      eb
        .selectFrom('messages as u')
        .select(eb.fn.countAll<number>().as('count'))
        .whereRef('u.conversation_id', '=', 'c.conversation_id')
        .where('u.recipient_id', '=', userId)
        .where('u.read_at', 'is', null)
        .as('unread_count'),
    ])
    .orderBy('c.last_message_at', (ob) => ob.desc().nullsLast())
    .orderBy('c.conversation_id', 'asc')
    .limit(filter.limit)
    .execute();
}

export type ConversationListRow = Awaited<ReturnType<typeof listConversationRows>>[number];

export function findFirstName(db: Executor, userId: string) {
  return db
    .selectFrom('users')
    .select(['user_id', 'first_name'])
    .where('user_id', '=', userId)
    .executeTakeFirstOrThrow();
}
