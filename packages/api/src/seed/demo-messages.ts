import type { DB, Messages } from '@stayhub/db';
import type { Insertable, Transaction } from 'kysely';
import { addDays } from '../domain/shared/dates.ts';
import { demoStay } from './demo-bookings.ts';
import { bookingIds, conversationIds, messageIds, propertyIds, userIds } from './ids.ts';
import { atUtc } from './instants.ts';

/**
 * The guest of the upcoming Paris stay and its host talking about check-in: one conversation tied to
 * the booking, three messages alternating sides, the last one still unread by the host.
 */
export async function seedMessages(trx: Transaction<DB>, today: string): Promise<number> {
  const guest = userIds.amara;
  const host = userIds.hana;
  const conversation_id = conversationIds.parisUpcoming;
  // Written right after the booking went through (booked at 10:00, confirmed at once: instant book).
  const { booked_on } = demoStay(bookingIds.parisUpcoming, today);
  const nextDay = addDays(booked_on, 1);
  const question: Insertable<Messages> = {
    message_id: messageIds.parisQuestion,
    conversation_id,
    sender_id: guest,
    recipient_id: host,
    message_body:
      'Hi Hana! We just booked the loft for our anniversary trip. Would an early check-in around noon be possible?',
    sent_at: atUtc(booked_on, '10:30'),
    read_at: atUtc(booked_on, '10:52'),
  };
  const answer: Insertable<Messages> = {
    message_id: messageIds.parisAnswer,
    conversation_id,
    sender_id: host,
    recipient_id: guest,
    message_body:
      'Congratulations to you both! The cleaners finish by 11:30, so noon works. I will send the door code the day before you arrive.',
    sent_at: atUtc(booked_on, '11:05'),
    read_at: atUtc(nextDay, '08:12'),
  };
  const thanks: Insertable<Messages> = {
    message_id: messageIds.parisThanks,
    conversation_id,
    sender_id: guest,
    recipient_id: host,
    message_body: 'Perfect, thank you! See you soon.',
    sent_at: atUtc(nextDay, '08:20'),
    read_at: null,
  };

  const conversation = await trx
    .insertInto('conversations')
    .values({
      conversation_id,
      property_id: propertyIds.paris,
      guest_id: guest,
      host_id: host,
      booking_id: bookingIds.parisUpcoming,
      last_message_at: thanks.sent_at,
      created_at: question.sent_at,
    })
    .onConflict((oc) => oc.column('conversation_id').doNothing())
    .returning('conversation_id')
    .executeTakeFirst();
  // Messages only into a conversation created now: the participants may have written more since.
  if (!conversation) return 0;
  const inserted = await trx
    .insertInto('messages')
    .values([question, answer, thanks])
    .onConflict((oc) => oc.column('message_id').doNothing())
    .returning('message_id')
    .execute();
  return inserted.length;
}
