import { z } from 'zod';

/**
 * Every job the system queues: task name → payload schema (SPEC §6). Payloads are `unknown` until a task
 * parses them here, so a job queued by an older release still gets checked. Payloads carry ids, never
 * secrets: a task that mails a token creates the token when it runs.
 */
const schemas = {
  send_email: z.object({
    to: z.email(),
    subject: z.string().min(1).max(200),
    text: z.string().min(1),
    html: z.string().min(1).optional(),
  }),
  purge_expired_sessions: z.object({}).loose(),
  send_password_reset: z.object({ userId: z.uuid() }),
  send_email_verification: z.object({ userId: z.uuid() }),
  // The address is not a secret; the code is issued by the task, so none sits in the job table.
  send_email_change_code: z.object({ userId: z.uuid(), newEmail: z.email() }),
  purge_expired_user_tokens: z.object({}).loose(),
  send_review_reminder: z.object({ bookingId: z.uuid() }),
  // SPEC §10: a stay's hidden reviews are published when its review window closes.
  publish_stay_reviews: z.object({ bookingId: z.uuid() }),
  // Queued by earlier releases only (message emails now go through send_notification_email); its jobs can
  // still be waiting in a live queue after a deploy, so it stays until none can be left.
  send_message_email: z.object({ conversationId: z.uuid(), recipientId: z.uuid() }),
  // bookings and payments (SPEC §6): ids only; every task re-reads and re-checks the rows.
  charge_booking: z.object({ bookingId: z.uuid() }),
  refund_payment: z.object({ paymentId: z.uuid() }),
  release_payout: z.object({ payoutId: z.uuid() }),
  expire_booking: z.object({ bookingId: z.uuid() }),
  complete_stay: z.object({ bookingId: z.uuid() }),
  // Every notification email, whatever its type: the type's rule in the notification registry decides.
  send_notification_email: z.object({ notificationId: z.uuid() }),
  booking_sweep: z.object({}).loose(),
} as const;

export type JobName = keyof typeof schemas;
export type JobPayload<N extends JobName> = z.input<(typeof schemas)[N]>;
export type ParsedJobPayload<N extends JobName> = z.output<(typeof schemas)[N]>;

/** Indexed by a generic name, this mapped type keeps the payload type (a plain object literal would not). */
export const jobCatalog: { [N in JobName]: z.ZodType<ParsedJobPayload<N>, JobPayload<N>> } = schemas;
