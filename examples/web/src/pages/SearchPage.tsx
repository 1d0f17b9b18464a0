import type { RouterOutputs } from '@stayhub/sdk';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { type FormEvent, useId } from 'react';
import { useTRPC } from '../api.ts';
import { ErrorMessage, Loading } from '../components.tsx';
import { reasonMessage } from '../errors.ts';
import { addDays, money, nightsBetween, rating, today } from '../format.ts';
import { href, Link, navigate } from '../router.tsx';

type SearchResult = RouterOutputs['properties']['search']['items'][number];

type Stay = {
  startDate: string;
  endDate: string;
  guests: number;
};

const PAGE_SIZE = 6;

/** The search lives in the URL (`/?text=lisbon&startDate=…`), so a result page can be shared and reloaded. */
function readSearch(params: URLSearchParams) {
  const startDate = params.get('startDate') ?? '';
  const endDate = params.get('endDate') ?? '';
  const guests = Number(params.get('guests') ?? '') || undefined;
  const dated = startDate !== '' && endDate !== '' && endDate > startDate;
  return {
    text: params.get('text') ?? '',
    startDate: dated ? startDate : undefined,
    endDate: dated ? endDate : undefined,
    guests,
  };
}

export function SearchPage(props: { params: URLSearchParams }) {
  const trpc = useTRPC();
  const search = readSearch(props.params);
  const ids = { text: useId(), start: useId(), end: useId(), guests: useId() };
  const results = useInfiniteQuery(
    trpc.properties.search.infiniteQueryOptions(
      {
        ...(search.text ? { text: search.text } : {}),
        ...(search.startDate && search.endDate
          ? { startDate: search.startDate, endDate: search.endDate }
          : {}),
        ...(search.guests ? { guests: search.guests } : {}),
        limit: PAGE_SIZE,
      },
      { getNextPageParam: (page) => page.nextCursor },
    ),
  );

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    navigate(
      href('/', {
        text: String(form.get('text') ?? '').trim(),
        startDate: String(form.get('startDate') ?? ''),
        endDate: String(form.get('endDate') ?? ''),
        guests: String(form.get('guests') ?? ''),
      }),
    );
  };

  const items = results.data?.pages.flatMap((page) => page.items) ?? [];
  const stay: Stay | null =
    search.startDate && search.endDate
      ? { startDate: search.startDate, endDate: search.endDate, guests: search.guests ?? 1 }
      : null;

  return (
    <section aria-labelledby="search-heading">
      <h1 id="search-heading">Find a place to stay</h1>
      {/* `key`: a new URL resets the uncontrolled fields to what it says. */}
      <search>
        <form className="search-form" onSubmit={submit} key={props.params.toString()}>
          <div>
            <label htmlFor={ids.text}>Where</label>
            <input id={ids.text} name="text" placeholder="City or name" defaultValue={search.text} />
          </div>
          <div>
            <label htmlFor={ids.start}>Check-in</label>
            <input
              id={ids.start}
              name="startDate"
              type="date"
              min={today()}
              defaultValue={search.startDate ?? ''}
            />
          </div>
          <div>
            <label htmlFor={ids.end}>Check-out</label>
            <input
              id={ids.end}
              name="endDate"
              type="date"
              min={addDays(today(), 1)}
              defaultValue={search.endDate ?? ''}
            />
          </div>
          <div>
            <label htmlFor={ids.guests}>Guests</label>
            <input
              id={ids.guests}
              name="guests"
              type="number"
              min={1}
              max={100}
              defaultValue={search.guests ?? ''}
            />
          </div>
          <button type="submit">Search</button>
        </form>
      </search>

      <ErrorMessage error={results.error} />
      <p role="status" className="result-count">
        {results.isPending
          ? 'Searching…'
          : results.isSuccess
            ? `${items.length}${results.hasNextPage ? '+' : ''} ${items.length === 1 ? 'place' : 'places'} found`
            : ''}
      </p>
      <ul className="results">
        {items.map((item) => (
          <li key={item.propertyId}>
            <ResultCard item={item} stay={stay} />
          </li>
        ))}
      </ul>
      {results.hasNextPage && (
        <button type="button" onClick={() => results.fetchNextPage()} disabled={results.isFetchingNextPage}>
          {results.isFetchingNextPage ? 'Loading more…' : 'Show more places'}
        </button>
      )}
    </section>
  );
}

function ResultCard(props: { item: SearchResult; stay: Stay | null }) {
  const { item, stay } = props;
  const headingId = useId();
  const to = href(`/listings/${item.propertyId}`, stay ?? {});
  return (
    <article aria-labelledby={headingId} className="card">
      {item.coverPhotoUrl ? (
        <img src={item.coverPhotoUrl} alt={item.name} width={320} height={200} loading="lazy" />
      ) : (
        <div className="no-photo">No photo yet</div>
      )}
      <h2 id={headingId}>
        <Link to={to}>{item.name}</Link>
      </h2>
      <p className="muted">
        {item.propertyType} in {item.city}, {item.country} · up to {item.maxGuests} guests
      </p>
      <p>{rating(item.ratingAvg, item.reviewCount)}</p>
      {stay ? (
        <StayPrice propertyId={item.propertyId} stay={stay} />
      ) : (
        <p className="price">{money(item.pricePerNightCents, item.currency)} per night</p>
      )}
    </article>
  );
}

/**
 * The price for the chosen stay comes from the server (`bookings.quote`, SPEC §4: never computed here).
 * The cards' quotes are made in the same tick, so the SDK's batch link sends them as one request.
 */
function StayPrice(props: { propertyId: string; stay: Stay }) {
  const trpc = useTRPC();
  const quote = useQuery(trpc.bookings.quote.queryOptions({ propertyId: props.propertyId, ...props.stay }));
  if (quote.isPending) return <Loading what="the price" />;
  if (quote.isError) return <ErrorMessage error={quote.error} />;
  const nights = nightsBetween(props.stay.startDate, props.stay.endDate);
  return (
    <p className="price">
      <strong>{money(quote.data.totalCents, quote.data.currency)}</strong> for {nights}{' '}
      {nights === 1 ? 'night' : 'nights'}
      {!quote.data.available && quote.data.unavailableReason && (
        <span className="muted"> · {reasonMessage(quote.data.unavailableReason)}</span>
      )}
    </p>
  );
}
