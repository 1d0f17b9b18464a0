import { type Kysely, sql } from 'kysely';

/** Guest–host conversations (about a listing, optionally a booking), their messages, and notifications. */
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and never import app types.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE conversations (
      conversation_id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      property_id uuid NOT NULL REFERENCES properties (property_id),
      guest_id uuid NOT NULL REFERENCES users (user_id),
      host_id uuid NOT NULL REFERENCES users (user_id),
      booking_id uuid REFERENCES bookings (booking_id),
      last_message_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT conversations_participants_check CHECK (guest_id <> host_id),
      -- One thread per guest and listing before booking (booking_id null), and one per booking.
      CONSTRAINT conversations_guest_property_booking_key
        UNIQUE NULLS NOT DISTINCT (guest_id, property_id, booking_id)
    )
  `.execute(db);
  // Inbox order for each side.
  await sql`
    CREATE INDEX conversations_guest_id_idx ON conversations (guest_id, last_message_at DESC NULLS LAST)
  `.execute(db);
  await sql`
    CREATE INDEX conversations_host_id_idx ON conversations (host_id, last_message_at DESC NULLS LAST)
  `.execute(db);
  await sql`CREATE INDEX conversations_property_id_idx ON conversations (property_id)`.execute(db);
  await sql`CREATE INDEX conversations_booking_id_idx ON conversations (booking_id)`.execute(db);

  await sql`
    CREATE TABLE messages (
      message_id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      conversation_id uuid NOT NULL REFERENCES conversations (conversation_id) ON DELETE CASCADE,
      sender_id uuid NOT NULL REFERENCES users (user_id),
      recipient_id uuid NOT NULL REFERENCES users (user_id),
      message_body text NOT NULL,
      sent_at timestamptz NOT NULL DEFAULT now(),
      read_at timestamptz,
      CONSTRAINT messages_message_body_check CHECK (char_length(message_body) BETWEEN 1 AND 5000),
      CONSTRAINT messages_participants_check CHECK (sender_id <> recipient_id)
    )
  `.execute(db);
  // A conversation's messages, newest first, keyset by (sent_at, message_id).
  await sql`
    CREATE INDEX messages_conversation_id_idx ON messages (conversation_id, sent_at DESC, message_id)
  `.execute(db);
  await sql`CREATE INDEX messages_sender_id_idx ON messages (sender_id)`.execute(db);
  await sql`CREATE INDEX messages_recipient_id_idx ON messages (recipient_id)`.execute(db);
  // Unread counts, per user and per conversation; small because read messages leave it.
  await sql`
    CREATE INDEX messages_unread_idx ON messages (recipient_id, conversation_id) WHERE read_at IS NULL
  `.execute(db);

  await sql`
    CREATE TABLE notifications (
      notification_id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      user_id uuid NOT NULL REFERENCES users (user_id) ON DELETE CASCADE,
      type text NOT NULL,
      payload jsonb NOT NULL DEFAULT '{}',
      read_at timestamptz,
      emailed_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT notifications_payload_check CHECK (jsonb_typeof(payload) = 'object')
    )
  `.execute(db);
  await sql`
    CREATE INDEX notifications_user_id_idx ON notifications (user_id, created_at DESC, notification_id)
  `.execute(db);
  await sql`CREATE INDEX notifications_unread_idx ON notifications (user_id) WHERE read_at IS NULL`.execute(
    db,
  );
}

// biome-ignore lint/suspicious/noExplicitAny: see up.
export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE notifications`.execute(db);
  await sql`DROP TABLE messages`.execute(db);
  await sql`DROP TABLE conversations`.execute(db);
}
