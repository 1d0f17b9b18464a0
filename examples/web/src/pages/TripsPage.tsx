import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useAnnounce } from '../announcer.tsx';
import { useTRPC } from '../api.ts';
import { ErrorMessage, Loading, SignedIn } from '../components.tsx';
import { count, day, money } from '../format.ts';
import { Link } from '../router.tsx';
import { type Booking, isSettling, statusText } from '../trip-status.ts';
import { ContactHost } from './MessagesPage.tsx';

const POLL_MS = 1_000;

export function TripsPage() {
  return (
    <section aria-labelledby="trips-heading">
      <h1 id="trips-heading">Your trips</h1>
      <SignedIn purpose="to see your trips">
        <TripList scope="upcoming" title="Upcoming" />
        <TripList scope="past" title="Past" />
      </SignedIn>
    </section>
  );
}

function TripList(props: { scope: 'upcoming' | 'past'; title: string }) {
  const trpc = useTRPC();
  const headingId = useId();
  const trips = useQuery({
    ...trpc.bookings.listMine.queryOptions({ scope: props.scope, limit: 20 }),
    // A new booking is `pending` until the worker has charged the card: poll until it settles.
    refetchInterval: (query) => (query.state.data?.items.some(isSettling) ? POLL_MS : false),
  });
  useRefreshWhenSettled(trips.data?.items);
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{props.title}</h2>
      {trips.isPending && <Loading what="trips" />}
      <ErrorMessage error={trips.error} />
      {trips.data?.items.length === 0 && <p>No {props.title.toLowerCase()} trips.</p>}
      <ul className="trips">
        {trips.data?.items.map((booking) => (
          <li key={booking.bookingId}>
            <Trip booking={booking} />
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * When a polled booking settles it may change lists (a declined card moves it from Upcoming to Past):
 * refetch both, not only the one that polled.
 */
function useRefreshWhenSettled(items: Booking[] | undefined) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const settling = useRef(new Set<string>());
  useEffect(() => {
    if (!items) return;
    const now = new Set(items.filter(isSettling).map((booking) => booking.bookingId));
    const settled = [...settling.current].some((bookingId) => !now.has(bookingId));
    settling.current = now;
    if (settled) void queryClient.invalidateQueries({ queryKey: trpc.bookings.listMine.pathKey() });
  }, [items, queryClient, trpc]);
}

function Trip(props: { booking: Booking }) {
  const { booking } = props;
  const headingId = useId();
  const [canceling, setCanceling] = useState(false);
  const cancelable =
    booking.status === 'requested' || booking.status === 'pending' || booking.status === 'confirmed';
  return (
    <article aria-labelledby={headingId} className="card trip">
      <h3 id={headingId}>
        <Link to={`/listings/${booking.propertyId}`}>{booking.property.name}</Link>
      </h3>
      <p>
        {day(booking.startDate)} – {day(booking.endDate)} · {count(booking.nights, 'night')} ·{' '}
        {count(booking.guests, 'guest')} · {booking.property.city}
      </p>
      <p>Total {money(booking.totalCents, booking.currency)}</p>
      {/* Its own live region: "Pending" turning "Confirmed" is read out without a reload. */}
      <p className={`status status-${booking.status}`} aria-live="polite">
        Status: {statusText(booking)}
      </p>
      {booking.status === 'canceled' && booking.refundCents !== null && booking.refundCents > 0 && (
        <p>Refund: {money(booking.refundCents, booking.currency)}</p>
      )}
      {cancelable && !canceling && (
        <button type="button" onClick={() => setCanceling(true)}>
          Cancel booking
        </button>
      )}
      {cancelable && canceling && <CancelPanel booking={booking} onClose={() => setCanceling(false)} />}
      {booking.status === 'completed' && <ReviewForm booking={booking} />}
      <div className="trip-contact">
        <ContactHost
          propertyId={booking.propertyId}
          bookingId={booking.bookingId}
          hostName={booking.host.firstName}
        />
      </div>
    </article>
  );
}

/** `bookings.cancellationPreview` first: the guest sees the refund before committing (SPEC §4). */
function CancelPanel(props: { booking: Booking; onClose: () => void }) {
  const { booking } = props;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const announce = useAnnounce();
  const reasonId = useId();
  const preview = useQuery(trpc.bookings.cancellationPreview.queryOptions({ bookingId: booking.bookingId }));
  const cancel = useMutation(
    trpc.bookings.cancel.mutationOptions({
      onSuccess: async (canceled) => {
        announce(
          `Booking canceled. ${money(canceled.refundCents ?? 0, canceled.currency)} will be refunded.`,
        );
        await queryClient.invalidateQueries({ queryKey: trpc.bookings.listMine.pathKey() });
      },
    }),
  );
  const format = (cents: number) => money(cents, booking.currency);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const reason = String(new FormData(event.currentTarget).get('reason') ?? '').trim();
    cancel.mutate({ bookingId: booking.bookingId, ...(reason ? { reason } : {}) });
  };

  return (
    <form className="cancel-panel" onSubmit={submit} aria-label={`Cancel ${booking.property.name}`}>
      {preview.isPending && <Loading what="the refund" />}
      <ErrorMessage error={preview.error} />
      {preview.data && (
        <div role="status">
          <p>
            Canceling now refunds <strong>{format(preview.data.refundCents)}</strong> of{' '}
            {format(preview.data.paidCents)} paid ({preview.data.tier} refund,{' '}
            {preview.data.cancellationPolicy} policy, {preview.data.daysBeforeStart} days before check-in).
          </p>
          <dl>
            <dt>Nights</dt>
            <dd>{format(preview.data.subtotalRefundCents)}</dd>
            <dt>Cleaning fee</dt>
            <dd>{format(preview.data.cleaningFeeRefundCents)}</dd>
            <dt>Service fee</dt>
            <dd>{format(preview.data.serviceFeeRefundCents)}</dd>
          </dl>
        </div>
      )}
      <label htmlFor={reasonId}>Reason (optional)</label>
      <input id={reasonId} name="reason" maxLength={500} />
      <ErrorMessage error={cancel.error} />
      <button type="submit" disabled={!preview.data || cancel.isPending}>
        {cancel.isPending ? 'Canceling…' : 'Confirm cancellation'}
      </button>
      <button type="button" className="secondary" onClick={props.onClose}>
        Keep booking
      </button>
    </form>
  );
}

function ReviewForm(props: { booking: Booking }) {
  const trpc = useTRPC();
  const announce = useAnnounce();
  const ids = { rating: useId(), comment: useId() };
  const create = useMutation(
    trpc.reviews.create.mutationOptions({
      onSuccess: () => announce('Thank you, your review is published.'),
    }),
  );
  if (create.isSuccess) return <p>You reviewed this stay. Thank you!</p>;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    create.mutate({
      bookingId: props.booking.bookingId,
      rating: Number(form.get('rating')),
      comment: String(form.get('comment') ?? ''),
    });
  };
  return (
    <form className="review-form" onSubmit={submit} aria-label={`Review ${props.booking.property.name}`}>
      <label htmlFor={ids.rating}>Rating</label>
      <select id={ids.rating} name="rating" defaultValue="5">
        {[5, 4, 3, 2, 1].map((stars) => (
          <option key={stars} value={stars}>
            {stars} {stars === 1 ? 'star' : 'stars'}
          </option>
        ))}
      </select>
      <label htmlFor={ids.comment}>Your review</label>
      <textarea id={ids.comment} name="comment" rows={3} required maxLength={2000} />
      <ErrorMessage error={create.error} />
      <button type="submit" disabled={create.isPending}>
        Publish review
      </button>
    </form>
  );
}
