import { inTransaction } from '@stayhub/db';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  isNotificationType,
  type MailRecipient,
  type NotificationType,
  notificationRegistry,
  notificationTypes,
} from '../../../src/domain/notifications/notification.registry.ts';
import { notify } from '../../../src/domain/notifications/notify.ts';
import { ManualClock } from '../../../src/infra/clock.ts';
import { createTaskList } from '../../../src/jobs/task-list.ts';
import {
  type QueuedJob,
  queuedJobs,
  signedIn,
  TEST_PUBLIC_URL,
  useTestDeps,
} from '../../../src/testing/index.ts';
import { listing, runJobsDueBy, stay } from '../bookings/helpers.ts';

const clock = new ManualClock('2031-03-01T12:00:00Z');
const deps = await useTestDeps({ clock });

/** Every task but the notification email task: producers run, the emails they queue stay to be looked at. */
const { send_notification_email: _heldBack, ...producerTasks } = createTaskList(deps);

/**
 * Every producer of notifications, for real: requests accepted, declined and expired; charges that succeed
 * and fail; a guest's cancellation and its refund; a payout; completed stays and their review reminders; a
 * host's review of a guest, a guest's review and its response; a message; a suspended listing.
 */
async function produceEveryNotification() {
  const request = await listing(deps, { instant_book: false });
  const guest = await signedIn(deps, 'guest', { first_name: 'Amara' });
  const accepted = await guest.caller.bookings.create(stay(request.propertyId, '2031-03-10', '2031-03-13'));
  await request.host.caller.bookings.accept({ bookingId: accepted.bookingId });
  const declined = await guest.caller.bookings.create(stay(request.propertyId, '2031-04-10', '2031-04-13'));
  await request.host.caller.bookings.decline({ bookingId: declined.bookingId });
  await guest.caller.bookings.create(stay(request.propertyId, '2031-05-10', '2031-05-13'));

  const instant = await listing(deps);
  await guest.caller.bookings.create(
    stay(instant.propertyId, '2031-03-20', '2031-03-23', { paymentToken: 'tok_chargeDeclined' }),
  );
  const canceled = await guest.caller.bookings.create(stay(instant.propertyId, '2031-04-20', '2031-04-23'));
  await runJobsDueBy(deps, clock, producerTasks);
  await guest.caller.bookings.cancel({ bookingId: canceled.bookingId });
  await runJobsDueBy(deps, clock, producerTasks);

  // The unanswered request expires, the accepted stay's payout is released, the stay completes, the reminder
  // goes out the morning after.
  for (const at of ['2031-03-02T13:00:00Z', '2031-03-11T00:00:00Z', '2031-03-13T00:00:00Z']) {
    clock.set(at);
    await runJobsDueBy(deps, clock, producerTasks);
  }
  clock.set('2031-03-14T11:00:00Z');
  await runJobsDueBy(deps, clock, producerTasks);

  // Two-sided reviews (SPEC §10): the host's review of the guest, then the guest's, publishes both.
  await request.host.caller.reviews.createForGuest({
    bookingId: accepted.bookingId,
    rating: 5,
    comment: 'A considerate guest.',
  });
  const review = await guest.caller.reviews.create({
    bookingId: accepted.bookingId,
    rating: 4,
    comment: 'Good.',
  });
  await request.host.caller.reviews.respond({ reviewId: review.reviewId, response: 'Thanks!' });
  await guest.caller.messages.start({
    propertyId: request.propertyId,
    bookingId: accepted.bookingId,
    messageBody: 'Thank you for the stay.',
  });
  const admin = await signedIn(deps, 'admin');
  await admin.caller.admin.suspendProperty({ propertyId: instant.propertyId, reason: 'Misleading photos' });
}

function allNotifications() {
  return deps.db
    .selectFrom('notifications')
    .innerJoin('users', 'users.user_id', 'notifications.user_id')
    .select([
      'notifications.notification_id',
      'notifications.user_id',
      'notifications.type',
      'notifications.payload',
      'notifications.emailed_at',
      'notifications.created_at',
      'users.email',
      'users.first_name',
    ])
    .orderBy('notifications.created_at')
    .orderBy('notifications.notification_id')
    .execute();
}

type NotificationRow = Awaited<ReturnType<typeof allNotifications>>[number];

const recipientOf = (row: NotificationRow): MailRecipient => ({
  email: row.email,
  firstName: row.first_name,
});

function notificationIdOf(job: QueuedJob): unknown {
  const { payload } = job;
  return typeof payload === 'object' && payload !== null && 'notificationId' in payload
    ? payload.notificationId
    : undefined;
}

/** The rendered mail a row's rule sends, or null when its type sends none; the row's digest group for digests. */
function expectedMail<T extends NotificationType>(type: T, row: NotificationRow, rows: NotificationRow[]) {
  const kind = notificationRegistry[type];
  const rule = kind.email;
  const payload = kind.payload.parse(row.payload);
  switch (rule.kind) {
    case 'none':
      return null;
    case 'immediate':
      return rule.render(recipientOf(row), payload, deps.links);
    case 'digest': {
      const group = rows
        .filter((other) => other.user_id === row.user_id && other.type === row.type)
        .map((other) => kind.payload.parse(other.payload))
        .filter((other) => other[rule.groupBy] === payload[rule.groupBy]);
      const [first, ...rest] = group;
      if (!first) throw new Error('a digest group holds at least its own row');
      return rule.render(recipientOf(row), [first, ...rest], deps.links);
    }
  }
}

/** The email job a row's rule queues: one per row, a digest timer under its key, or none. */
function expectedJob<T extends NotificationType>(type: T, row: NotificationRow) {
  const rule = notificationRegistry[type].email;
  if (rule.kind !== 'digest') return { kind: rule.kind };
  const payload = notificationRegistry[type].payload.parse(row.payload);
  return {
    kind: rule.kind,
    key: rule.jobKey(row.user_id, payload),
    runAt: new Date(row.created_at.getTime() + rule.quietPeriodMs),
  };
}

let rows: NotificationRow[] = [];
let emailJobs: QueuedJob[] = [];

beforeAll(async () => {
  await produceEveryNotification();
  rows = await allNotifications();
  emailJobs = await queuedJobs(deps, 'send_notification_email');
}, 60_000);

describe('the notification registry', () => {
  it('holds every type a producer writes, and every type it holds has a producer', () => {
    const written = new Set(rows.map((row) => row.type));
    expect([...written].sort()).toEqual([...notificationTypes].sort());
  });

  it.each(notificationTypes)('parses what the producers of %s store, key for key', (type) => {
    const ofType = rows.filter((row) => row.type === type);
    expect(ofType.length).toBeGreaterThan(0);
    for (const row of ofType) {
      // Nothing stored is left out of the schema: parsing gives back the stored payload exactly.
      expect(notificationRegistry[type].payload.parse(row.payload)).toEqual(row.payload);
    }
  });

  it.each(notificationTypes)('renders the email rule of %s from a real payload, or no email', (type) => {
    const row = rows.find((candidate) => candidate.type === type);
    if (!row) throw new Error(`no ${type} notification was produced`);
    const mail = expectedMail(type, row, rows);
    if (notificationRegistry[type].email.kind === 'none') {
      expect(mail).toBeNull();
      return;
    }
    expect(mail).toEqual({
      to: row.email,
      subject: expect.any(String),
      text: expect.any(String),
      html: expect.any(String),
    });
    expect(mail?.subject.trim()).not.toBe('');
    expect(mail?.text).toContain(`Hi ${row.first_name},`);
    // Every notification email links into the app (SPEC §10: PUBLIC_URL), in both parts.
    expect(mail?.text).toContain(`${TEST_PUBLIC_URL}/`);
    expect(mail?.html).toContain(`<a href="${TEST_PUBLIC_URL}/`);
    expect(mail?.text.split('\n').length).toBeGreaterThan(2);
  });
});

describe('notify, the one path of every producer', () => {
  it('queues for every producer’s row the email job its rule says: one per row, a keyed digest, or none', () => {
    for (const row of rows) {
      if (!isNotificationType(row.type)) throw new Error(`unknown type ${row.type}`);
      const expected = expectedJob(row.type, row);
      const jobs = emailJobs.filter((job) => notificationIdOf(job) === row.notification_id);
      const about = `${row.type} ${row.notification_id}`;
      switch (expected.kind) {
        case 'none':
          expect(jobs, about).toEqual([]);
          break;
        case 'immediate':
          expect(jobs, about).toEqual([expect.objectContaining({ key: null, runAt: expect.any(Date) })]);
          break;
        case 'digest':
          expect(
            emailJobs.filter((job) => job.key === expected.key),
            about,
          ).toEqual([
            expect.objectContaining({
              payload: { notificationId: row.notification_id },
              runAt: expected.runAt,
            }),
          ]);
          break;
      }
    }
    const known = new Set(rows.map((row) => row.notification_id));
    expect(emailJobs.filter((job) => !known.has(String(notificationIdOf(job))))).toEqual([]);
  });

  it('sends each rule’s email once its job runs and stamps emailed_at when it is sent; none for the rest', async () => {
    const sentBefore = deps.mailer.messages.length;
    clock.advance(60 * 60_000);
    await runJobsDueBy(deps, clock);

    const after = await allNotifications();
    const sent = deps.mailer.messages.slice(sentBefore);
    const expected = [];
    for (const row of rows) {
      if (!isNotificationType(row.type)) throw new Error(`unknown type ${row.type}`);
      const mail = expectedMail(row.type, row, rows);
      const now = after.find((candidate) => candidate.notification_id === row.notification_id);
      expect(now?.emailed_at, row.type).toEqual(mail === null ? null : clock.now());
      if (mail) expected.push(expect.objectContaining(mail));
    }
    expect(sent).toHaveLength(expected.length);
    expect(sent).toEqual(expect.arrayContaining(expected));
    expect(await queuedJobs(deps, 'send_notification_email')).toEqual([]);
  });
  it('writes neither the row nor its email job when the caller’s transaction rolls back', async () => {
    const user = await signedIn(deps, 'guest', { first_name: 'Rui' });
    const jobsBefore = await queuedJobs(deps, 'send_notification_email');
    await expect(
      inTransaction(deps.db, async (trx) => {
        await notify(trx, deps, {
          userId: user.userId,
          type: 'booking_declined',
          payload: {
            bookingId: crypto.randomUUID(),
            propertyName: 'Nowhere',
            startDate: '2031-06-01',
            endDate: '2031-06-04',
          },
        });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    const written = await deps.db
      .selectFrom('notifications')
      .select('notification_id')
      .where('user_id', '=', user.userId)
      .execute();
    expect(written).toEqual([]);
    expect(await queuedJobs(deps, 'send_notification_email')).toEqual(jobsBefore);
  });
});

describe('the notification email task reading old rows and old jobs', () => {
  async function bookingNotification(extra: Record<string, unknown>) {
    const user = await signedIn(deps, 'guest', { first_name: 'Ines' });
    const payload = {
      bookingId: crypto.randomUUID(),
      propertyName: 'Old loft',
      startDate: '2031-06-01',
      endDate: '2031-06-04',
      ...extra,
    };
    const { rows: inserted } = await sql<{ notification_id: string }>`
      insert into notifications (user_id, type, payload, created_at)
      values (${user.userId}, 'booking_declined', ${JSON.stringify(payload)}::jsonb, ${clock.now()})
      returning notification_id`.execute(deps.db);
    const notificationId = inserted[0]?.notification_id ?? '';
    await sql`select graphile_worker.add_job('send_notification_email', json_build_object('notificationId', ${notificationId}::text))`.execute(
      deps.db,
    );
    return { user, notificationId };
  }

  it('mails a stored payload that carries keys this release does not know', async () => {
    const { user, notificationId } = await bookingNotification({ addedLater: { anything: true } });
    await runJobsDueBy(deps, clock);
    expect(deps.mailer.messages.filter((mail) => mail.to === user.email)).toEqual([
      expect.objectContaining({ subject: 'StayHub: Your request was declined' }),
    ]);
    const row = await deps.db
      .selectFrom('notifications')
      .select('emailed_at')
      .where('notification_id', '=', notificationId)
      .executeTakeFirstOrThrow();
    expect(row.emailed_at).toEqual(clock.now());
  });

  it('mails nothing, and leaves the row unstamped, for a payload it cannot read', async () => {
    const { user, notificationId } = await bookingNotification({ propertyName: 42 });
    await runJobsDueBy(deps, clock);
    expect(deps.mailer.messages.filter((mail) => mail.to === user.email)).toEqual([]);
    const row = await deps.db
      .selectFrom('notifications')
      .select('emailed_at')
      .where('notification_id', '=', notificationId)
      .executeTakeFirstOrThrow();
    expect(row.emailed_at).toBeNull();
    expect(await queuedJobs(deps, 'send_notification_email')).toEqual([]);
  });

  it('still runs a send_message_email job queued by an earlier release: the same digest, stamped when sent', async () => {
    const { host, propertyId } = await listing(deps);
    const guest = await signedIn(deps, 'guest', { first_name: 'Amara' });
    const { conversation } = await guest.caller.messages.start({ propertyId, messageBody: 'Is it free?' });
    clock.advance(60_000);
    await guest.caller.messages.send({
      conversationId: conversation.conversationId,
      messageBody: 'For two.',
    });
    // The timers notify queued are gone, as if these rows had been written by the earlier release.
    await sql`delete from graphile_worker._private_jobs where key like ${`conversation:${conversation.conversationId}:%`}`.execute(
      deps.db,
    );
    await sql`select graphile_worker.add_job('send_message_email', json_build_object('conversationId', ${conversation.conversationId}::text, 'recipientId', ${host.userId}::text))`.execute(
      deps.db,
    );

    await runJobsDueBy(deps, clock);

    const mails = deps.mailer.messages.filter((mail) => mail.to === host.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]?.subject).toMatch(/^Amara sent you 2 new messages about /);
    expect(mails[0]?.text).toContain('> For two.');
    const stamped = await deps.db
      .selectFrom('notifications')
      .select('emailed_at')
      .where('user_id', '=', host.userId)
      .where('type', '=', 'message_received')
      .execute();
    expect(stamped.map((row) => row.emailed_at)).toEqual([clock.now(), clock.now()]);
    expect(await queuedJobs(deps, 'send_message_email')).toEqual([]);
  });
});
