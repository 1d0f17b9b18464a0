import { Link } from '../router.tsx';

export function NotFoundPage() {
  return (
    <section aria-labelledby="not-found">
      <h1 id="not-found">Page not found</h1>
      <p>
        <Link to="/">Search for a place to stay</Link>
      </p>
    </section>
  );
}
