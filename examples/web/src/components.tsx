import type { ReactNode } from 'react';
import { humanMessage } from './errors.ts';
import { href, Link } from './router.tsx';
import { useSession } from './session.tsx';

/** A failed call, in words (errors.ts), announced at once (role="alert"). */
export function ErrorMessage(props: { error: unknown }) {
  if (!props.error) return null;
  return (
    <p className="error" role="alert">
      {humanMessage(props.error)}
    </p>
  );
}

export function Loading(props: { what: string }) {
  return <p className="muted">Loading {props.what}…</p>;
}

/** Pages that need a viewer show this instead when nobody is signed in. */
export function SignedIn(props: { children: ReactNode; purpose: string }) {
  const { user } = useSession();
  if (user) return props.children;
  const here = window.location.pathname + window.location.search;
  return (
    <p>
      <Link to={href('/signin', { next: here })}>Sign in</Link> {props.purpose}.
    </p>
  );
}
