import type { RouterOutputs } from '@stayhub/sdk';
import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { useAnnounce } from '../announcer.tsx';
import { useTRPC } from '../api.ts';
import { ErrorMessage, Loading } from '../components.tsx';
import { reasonMessage } from '../errors.ts';
import { addDays, count, day, money, rating, today } from '../format.ts';
import { href, Link, navigate } from '../router.tsx';
import { useSession } from '../session.tsx';
import { ContactHost } from './MessagesPage.tsx';

type Property = RouterOutputs['properties']['get'];

/** The simulated provider's test tokens (SPEC §4 Payments): a real page would get one from a card form. */
const testCards = [
  { token: 'tok_visa', label: 'Visa ending 4242 (succeeds)' },
  { token: 'tok_chargeDeclined', label: 'Card that is declined' },
  { token: 'tok_processingError', label: 'Card with a processing error (retried, then succeeds)' },
] as const;

const CALENDAR_DAYS = 56;

export function ListingPage(props: { propertyId: string; params: URLSearchParams }) {
  const trpc = useTRPC();
  const property = useQuery(trpc.properties.get.queryOptions({ propertyId: props.propertyId }));
  if (property.isPending) return <Loading what="the listing" />;
  if (property.isError) return <ErrorMessage error={property.error} />;
  const place = property.data;

  return (
    <article className="listing" aria-labelledby="listing-name">
      <h1 id="listing-name">{place.name}</h1>
      <p className="muted">
        {place.propertyType} in {place.city}
        {place.region ? `, ${place.region}` : ''}, {place.country} ·{' '}
        {rating(place.ratingAvg, place.reviewCount)}
      </p>
      <Photos place={place} />
      <div className="listing-body">
        <div>
          <section aria-labelledby="about">
            <h2 id="about">About this place</h2>
            <p>
              Up to {count(place.maxGuests, 'guest')} · {count(place.bedrooms, 'bedroom')} ·{' '}
              {count(place.beds, 'bed')} · {count(place.bathrooms, 'bathroom')}
            </p>
            <p>{place.description}</p>
            <p>
              Hosted by{' '}
              {place.host.avatarUrl && (
                <img className="avatar" src={place.host.avatarUrl} alt="" width={32} height={32} />
              )}
              <strong>{place.host.firstName}</strong>
            </p>
            <HostContact place={place} />
            <p>
              {place.minNights}–{place.maxNights} nights · {place.cancellationPolicy} cancellation ·{' '}
              {place.instantBook ? 'instant booking' : 'the host confirms each request'}
            </p>
          </section>
          <section aria-labelledby="amenities">
            <h2 id="amenities">Amenities</h2>
            <ul className="amenities">
              {place.amenities.map((amenity) => (
                <li key={amenity.code}>{amenity.name}</li>
              ))}
            </ul>
          </section>
          <Availability propertyId={place.propertyId} />
          <Reviews propertyId={place.propertyId} />
        </div>
        <BookingPanel place={place} params={props.params} />
      </div>
    </article>
  );
}

/** A question for the host before booking; the host sees their own listing without it. */
function HostContact(props: { place: Property }) {
  const { place } = props;
  const { user } = useSession();
  if (user?.userId === place.host.userId) return null;
  if (!user) {
    return (
      <p>
        <Link to={href('/signin', { next: `/listings/${place.propertyId}` })}>
          Sign in to message {place.host.firstName}
        </Link>
      </p>
    );
  }
  return <ContactHost propertyId={place.propertyId} hostName={place.host.firstName} />;
}

function Photos(props: { place: Property }) {
  if (props.place.photos.length === 0) return <div className="no-photo">No photos yet</div>;
  return (
    <ul className="photos" aria-label="Photos">
      {props.place.photos.map((photo) => (
        <li key={photo.photoId}>
          <img src={photo.url} alt={photo.caption ?? `${props.place.name}, view ${photo.position + 1}`} />
        </li>
      ))}
    </ul>
  );
}

/** The next eight weeks, day by day: free, booked, or blocked by the host. */
function Availability(props: { propertyId: string }) {
  const trpc = useTRPC();
  const from = today();
  const calendar = useQuery(
    trpc.properties.calendar.queryOptions({
      propertyId: props.propertyId,
      from,
      to: addDays(from, CALENDAR_DAYS),
    }),
  );
  return (
    <section aria-labelledby="availability">
      <h2 id="availability">Availability</h2>
      {calendar.isPending && <Loading what="the calendar" />}
      <ErrorMessage error={calendar.error} />
      {calendar.data && (
        <>
          <p className="legend">
            <span className="day available">free</span> <span className="day booked">taken</span>{' '}
            <span className="day blocked">closed by the host</span>
          </p>
          <ol className="calendar">
            {calendar.data.days.map((entry) => {
              const free = entry.status === 'available';
              const word = free ? 'free' : entry.status === 'blocked' ? 'closed by the host' : 'taken';
              return (
                <li
                  key={entry.date}
                  className={`day ${free ? 'available' : entry.status}`}
                  aria-label={`${day(entry.date)}: ${word}`}
                  title={free ? money(entry.pricePerNightCents, calendar.data.currency) : word}
                >
                  {Number(entry.date.slice(8))}
                </li>
              );
            })}
          </ol>
        </>
      )}
    </section>
  );
}

function Reviews(props: { propertyId: string }) {
  const trpc = useTRPC();
  const reviews = useQuery(
    trpc.reviews.listForProperty.queryOptions({ propertyId: props.propertyId, limit: 5 }),
  );
  return (
    <section aria-labelledby="reviews">
      <h2 id="reviews">Reviews</h2>
      {reviews.isPending && <Loading what="reviews" />}
      <ErrorMessage error={reviews.error} />
      {reviews.data?.items.length === 0 && <p>No reviews yet.</p>}
      <ul className="reviews">
        {reviews.data?.items.map((review) => (
          <li key={review.reviewId}>
            <p>
              <strong>{review.author.firstName}</strong> · {'★'.repeat(review.rating)}
              <span className="visually-hidden">{review.rating} out of 5</span>
            </p>
            <p>{review.comment}</p>
            {review.hostResponse && <p className="muted">Host: {review.hostResponse}</p>}
          </li>
        ))}
      </ul>
    </section>
  );
}

function BookingPanel(props: { place: Property; params: URLSearchParams }) {
  const { place, params } = props;
  const trpc = useTRPC();
  const { user } = useSession();
  const announce = useAnnounce();
  const ids = { start: useId(), end: useId(), guests: useId(), card: useId() };
  const [stay, setStay] = useState(() => ({
    startDate: params.get('startDate') ?? '',
    endDate: params.get('endDate') ?? '',
    guests: Number(params.get('guests') ?? '') || 1,
  }));
  // One key per booking attempt: a retried click never books twice (SPEC §4).
  const [idempotencyKey, setIdempotencyKey] = useState(() => crypto.randomUUID());
  const dated = stay.startDate !== '' && stay.endDate !== '' && stay.endDate > stay.startDate;
  const quote = useQuery({
    ...trpc.bookings.quote.queryOptions({ propertyId: place.propertyId, ...stay }),
    enabled: dated,
  });
  const create = useMutation(trpc.bookings.create.mutationOptions());

  const book = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    create.mutate(
      {
        propertyId: place.propertyId,
        ...stay,
        paymentMethod: 'credit_card',
        paymentToken: String(form.get('paymentToken')),
        idempotencyKey,
      },
      {
        onSuccess: (booking) => {
          announce(
            booking.status === 'requested'
              ? `Request sent to ${place.host.firstName}.`
              : 'Booking received. Confirming your payment…',
          );
          navigate('/trips');
        },
        onError: () => setIdempotencyKey(crypto.randomUUID()),
      },
    );
  };

  const change = (field: 'startDate' | 'endDate' | 'guests', value: string) =>
    setStay((current) => ({ ...current, [field]: field === 'guests' ? Number(value) || 1 : value }));
  const here = href(`/listings/${place.propertyId}`, stay);

  return (
    <aside className="booking-panel" aria-labelledby="book-heading">
      <h2 id="book-heading">
        {money(place.pricePerNightCents, place.currency)} <span className="muted">per night</span>
      </h2>
      <form onSubmit={book}>
        <label htmlFor={ids.start}>Check-in</label>
        <input
          id={ids.start}
          type="date"
          min={today()}
          value={stay.startDate}
          onChange={(event) => change('startDate', event.target.value)}
          required
        />
        <label htmlFor={ids.end}>Check-out</label>
        <input
          id={ids.end}
          type="date"
          min={stay.startDate ? addDays(stay.startDate, 1) : today()}
          value={stay.endDate}
          onChange={(event) => change('endDate', event.target.value)}
          required
        />
        <label htmlFor={ids.guests}>Guests</label>
        <input
          id={ids.guests}
          type="number"
          min={1}
          max={place.maxGuests}
          value={stay.guests}
          onChange={(event) => change('guests', event.target.value)}
          required
        />
        <div aria-live="polite">
          {dated && quote.isPending && <Loading what="the price" />}
          <ErrorMessage error={quote.error} />
          {dated && quote.data && <QuoteBreakdown quote={quote.data} />}
        </div>
        {user ? (
          <>
            <label htmlFor={ids.card}>Test card</label>
            <select id={ids.card} name="paymentToken" defaultValue="tok_visa">
              {testCards.map((card) => (
                <option key={card.token} value={card.token}>
                  {card.label}
                </option>
              ))}
            </select>
            <ErrorMessage error={create.error} />
            <button type="submit" disabled={!quote.data?.available || create.isPending}>
              {create.isPending ? 'Booking…' : place.instantBook ? 'Book and pay' : 'Request to book'}
            </button>
          </>
        ) : (
          <p>
            <Link to={href('/signin', { next: here })}>Sign in to book</Link>
          </p>
        )}
      </form>
    </aside>
  );
}

function QuoteBreakdown(props: { quote: RouterOutputs['bookings']['quote'] }) {
  const { quote } = props;
  const format = (cents: number) => money(cents, quote.currency);
  return (
    <div className="quote">
      <dl>
        <dt>
          {format(quote.nightlyPriceCents)} × {quote.nights} nights
        </dt>
        <dd>{format(quote.subtotalCents)}</dd>
        <dt>Cleaning fee</dt>
        <dd>{format(quote.cleaningFeeCents)}</dd>
        <dt>Service fee</dt>
        <dd>{format(quote.serviceFeeCents)}</dd>
        <dt>Total</dt>
        <dd>
          <strong>{format(quote.totalCents)}</strong>
        </dd>
      </dl>
      {!quote.available && (
        <p className="error" role="alert">
          {reasonMessage(quote.unavailableReason ?? undefined)}
        </p>
      )}
    </div>
  );
}
