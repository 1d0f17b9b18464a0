import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { useAnnounce } from '../announcer.tsx';
import { useTRPC } from '../api.ts';
import { ErrorMessage, Loading, SignedIn } from '../components.tsx';
import { count, day, money, rating } from '../format.ts';
import { Link } from '../router.tsx';
import { useSession } from '../session.tsx';
import { type Booking, statusText } from '../trip-status.ts';

export function HostPage() {
  return (
    <section aria-labelledby="host-heading">
      <h1 id="host-heading">Hosting</h1>
      <SignedIn purpose="to host">
        <HostDashboard />
      </SignedIn>
    </section>
  );
}

function HostDashboard() {
  const trpc = useTRPC();
  const { user, updateUser } = useSession();
  const announce = useAnnounce();
  const becomeHost = useMutation(
    trpc.users.becomeHost.mutationOptions({
      onSuccess: (me) => {
        updateUser(me);
        announce('You are a host now.');
      },
    }),
  );
  if (user?.role === 'guest') {
    return (
      <>
        <p>List your place and welcome guests.</p>
        <ErrorMessage error={becomeHost.error} />
        <button type="button" onClick={() => becomeHost.mutate()} disabled={becomeHost.isPending}>
          Become a host
        </button>
      </>
    );
  }
  return (
    <>
      <Requests />
      <MyListings />
      <UpcomingStays />
    </>
  );
}

function Requests() {
  const trpc = useTRPC();
  const requests = useQuery(trpc.bookings.listForHost.queryOptions({ scope: 'requests', limit: 20 }));
  return (
    <section aria-labelledby="requests-heading">
      <h2 id="requests-heading">Requests to book</h2>
      {requests.isPending && <Loading what="requests" />}
      <ErrorMessage error={requests.error} />
      {requests.data?.items.length === 0 && <p>No requests waiting for an answer.</p>}
      <ul className="trips">
        {requests.data?.items.map((booking) => (
          <li key={booking.bookingId}>
            <Request booking={booking} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function Request(props: { booking: Booking }) {
  const { booking } = props;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const announce = useAnnounce();
  const headingId = useId();
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.bookings.listForHost.pathKey() });
  const accept = useMutation(
    trpc.bookings.accept.mutationOptions({
      onSuccess: async () => {
        announce(`Request from ${booking.guest.firstName} accepted.`);
        await refresh();
      },
    }),
  );
  const decline = useMutation(
    trpc.bookings.decline.mutationOptions({
      onSuccess: async () => {
        announce(`Request from ${booking.guest.firstName} declined.`);
        await refresh();
      },
    }),
  );
  const busy = accept.isPending || decline.isPending;
  return (
    <article aria-labelledby={headingId} className="card trip">
      <h3 id={headingId}>
        {booking.guest.firstName} · {booking.property.name}
      </h3>
      <p>
        {day(booking.startDate)} – {day(booking.endDate)} · {count(booking.nights, 'night')} ·{' '}
        {count(booking.guests, 'guest')} · total {money(booking.totalCents, booking.currency)}
      </p>
      {booking.expiresAt && <p className="muted">Answer by {booking.expiresAt.toLocaleString('en')}</p>}
      <ErrorMessage error={accept.error ?? decline.error} />
      <button type="button" disabled={busy} onClick={() => accept.mutate({ bookingId: booking.bookingId })}>
        Accept
      </button>
      <button
        type="button"
        className="secondary"
        disabled={busy}
        onClick={() => decline.mutate({ bookingId: booking.bookingId })}
      >
        Decline
      </button>
    </article>
  );
}

function MyListings() {
  const trpc = useTRPC();
  const listings = useQuery(trpc.properties.listMine.queryOptions({ limit: 20 }));
  return (
    <section aria-labelledby="listings-heading">
      <h2 id="listings-heading">Your listings</h2>
      {listings.isPending && <Loading what="listings" />}
      <ErrorMessage error={listings.error} />
      {listings.data?.items.length === 0 && <p>No listings yet.</p>}
      <ul className="host-listings">
        {listings.data?.items.map((place) => (
          <li key={place.propertyId}>
            <Link to={`/listings/${place.propertyId}`}>{place.name}</Link> · {place.city} · {place.status} ·{' '}
            {money(place.pricePerNightCents, place.currency)} per night ·{' '}
            {rating(place.ratingAvg, place.reviewCount)}
            <CalendarBlocks propertyId={place.propertyId} name={place.name} />
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * The host closes nights to guests (properties.blockDates) or opens them again (unblockDates): the nights
 * [from, until). The listing's calendar shows them as blocked; a night a guest holds cannot be blocked.
 */
function CalendarBlocks(props: { propertyId: string; name: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const announce = useAnnounce();
  const id = useId();
  const [startDate, setStartDate] = useState('');
  const [endDate, setEndDate] = useState('');
  const done = (verb: string) => async () => {
    announce(`${verb} ${day(startDate)} – ${day(endDate)} at ${props.name}.`);
    await queryClient.invalidateQueries({ queryKey: trpc.properties.calendar.pathKey() });
  };
  const block = useMutation(trpc.properties.blockDates.mutationOptions({ onSuccess: done('Blocked') }));
  const unblock = useMutation(trpc.properties.unblockDates.mutationOptions({ onSuccess: done('Opened') }));
  const range = { propertyId: props.propertyId, startDate, endDate };
  const busy = block.isPending || unblock.isPending;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    unblock.reset();
    block.mutate(range);
  };
  return (
    <form className="blocks" aria-label={`Calendar of ${props.name}`} onSubmit={submit}>
      <label htmlFor={`${id}-from`}>First night</label>
      <input
        id={`${id}-from`}
        type="date"
        required
        value={startDate}
        onChange={(e) => setStartDate(e.target.value)}
      />
      <label htmlFor={`${id}-until`}>Until (the morning of)</label>
      <input
        id={`${id}-until`}
        type="date"
        required
        value={endDate}
        onChange={(e) => setEndDate(e.target.value)}
      />
      <button type="submit" disabled={busy}>
        Block these nights
      </button>
      <button
        type="button"
        className="secondary"
        disabled={busy || !startDate || !endDate}
        onClick={() => {
          block.reset();
          unblock.mutate(range);
        }}
      >
        Open them again
      </button>
      <ErrorMessage error={block.error ?? unblock.error} />
    </form>
  );
}

function UpcomingStays() {
  const trpc = useTRPC();
  const stays = useQuery(trpc.bookings.listForHost.queryOptions({ scope: 'upcoming', limit: 20 }));
  return (
    <section aria-labelledby="stays-heading">
      <h2 id="stays-heading">Upcoming stays</h2>
      {stays.isPending && <Loading what="stays" />}
      <ErrorMessage error={stays.error} />
      {stays.data?.items.length === 0 && <p>No upcoming stays.</p>}
      <ul className="host-listings">
        {stays.data?.items.map((booking) => (
          <li key={booking.bookingId}>
            {booking.guest.firstName} · {booking.property.name} · {day(booking.startDate)} –{' '}
            {day(booking.endDate)} · {statusText(booking, 'host')}
          </li>
        ))}
      </ul>
    </section>
  );
}
