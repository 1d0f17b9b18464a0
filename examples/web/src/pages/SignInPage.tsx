import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useId } from 'react';
import { useTRPC } from '../api.ts';
import { ErrorMessage } from '../components.tsx';
import { href, Link, navigate } from '../router.tsx';
import { useSession } from '../session.tsx';

/** Only same-site paths: a `next` parameter must not send a freshly signed-in user elsewhere. */
function nextPath(params: URLSearchParams): string {
  const next = params.get('next');
  return next?.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function SignInPage(props: { params: URLSearchParams }) {
  const trpc = useTRPC();
  const session = useSession();
  const login = useMutation(trpc.auth.login.mutationOptions());
  const notice = props.params.get('notice');
  const emailId = useId();
  const passwordId = useId();

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    login.mutate(
      { email: String(form.get('email')), password: String(form.get('password')) },
      {
        onSuccess: (result) => {
          session.signIn(result);
          navigate(nextPath(props.params), { replace: true });
        },
      },
    );
  };

  return (
    <section className="narrow" aria-labelledby="sign-in">
      <h1 id="sign-in">Sign in</h1>
      {notice && (
        <p className="notice" role="alert">
          {notice}
        </p>
      )}
      <form onSubmit={submit}>
        <label htmlFor={emailId}>Email</label>
        <input id={emailId} name="email" type="email" autoComplete="email" required />
        <label htmlFor={passwordId}>Password</label>
        <input id={passwordId} name="password" type="password" autoComplete="current-password" required />
        <ErrorMessage error={login.error} />
        <button type="submit" disabled={login.isPending}>
          {login.isPending ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
      <p>
        New here? <Link to={href('/signup', { next: props.params.get('next') })}>Create an account</Link>
      </p>
    </section>
  );
}

export function SignUpPage(props: { params: URLSearchParams }) {
  const trpc = useTRPC();
  const session = useSession();
  const register = useMutation(trpc.auth.register.mutationOptions());
  const ids = { first: useId(), last: useId(), email: useId(), password: useId() };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    register.mutate(
      {
        firstName: String(form.get('firstName')),
        lastName: String(form.get('lastName')),
        email: String(form.get('email')),
        password: String(form.get('password')),
      },
      {
        onSuccess: (result) => {
          session.signIn(result); // register signs in too
          navigate(nextPath(props.params), { replace: true });
        },
      },
    );
  };

  return (
    <section className="narrow" aria-labelledby="sign-up">
      <h1 id="sign-up">Create an account</h1>
      <form onSubmit={submit}>
        <label htmlFor={ids.first}>First name</label>
        <input id={ids.first} name="firstName" autoComplete="given-name" required />
        <label htmlFor={ids.last}>Last name</label>
        <input id={ids.last} name="lastName" autoComplete="family-name" required />
        <label htmlFor={ids.email}>Email</label>
        <input id={ids.email} name="email" type="email" autoComplete="email" required />
        <label htmlFor={ids.password}>Password</label>
        <input
          id={ids.password}
          name="password"
          type="password"
          autoComplete="new-password"
          minLength={8}
          aria-describedby={`${ids.password}-hint`}
          required
        />
        <p id={`${ids.password}-hint`} className="hint">
          At least 8 characters; a few unrelated words work well.
        </p>
        <ErrorMessage error={register.error} />
        <button type="submit" disabled={register.isPending}>
          {register.isPending ? 'Creating your account…' : 'Create account'}
        </button>
      </form>
      <p>
        Already have an account? <Link to={href('/signin', { next: props.params.get('next') })}>Sign in</Link>
      </p>
    </section>
  );
}
