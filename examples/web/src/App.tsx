import { AnnouncerProvider } from './announcer.tsx';
import { HostPage } from './pages/HostPage.tsx';
import { ListingPage } from './pages/ListingPage.tsx';
import { ConversationPage, InboxPage } from './pages/MessagesPage.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { SearchPage } from './pages/SearchPage.tsx';
import { SignInPage, SignUpPage } from './pages/SignInPage.tsx';
import { TripsPage } from './pages/TripsPage.tsx';
import { href, Link, useLocation } from './router.tsx';
import { SessionProvider, useSession } from './session.tsx';

export function App() {
  return (
    <SessionProvider>
      <Header />
      <AnnouncerProvider>
        <main id="main">
          <Page />
        </main>
      </AnnouncerProvider>
    </SessionProvider>
  );
}

function Header() {
  const { user, signOut } = useSession();
  const { pathname, params } = useLocation();
  // Signing in from a page comes back to it.
  const onAuthPage = pathname === '/signin' || pathname === '/signup';
  const next = onAuthPage ? params.get('next') : `${pathname}${params.size > 0 ? `?${params}` : ''}`;
  return (
    <header className="site-header">
      <Link to="/" className="brand">
        StayHub
      </Link>
      <nav aria-label="Main">
        <ul>
          <li>
            <Link to="/">Search</Link>
          </li>
          {user ? (
            <>
              <li>
                <Link to="/trips">Trips</Link>
              </li>
              <li>
                <Link to="/host">Hosting</Link>
              </li>
              <li>
                <Link to="/messages">Messages</Link>
              </li>
              <li>
                <span className="signed-in-as">Signed in as {user.firstName}</span>
              </li>
              <li>
                <button type="button" className="link-button" onClick={() => signOut()}>
                  Sign out
                </button>
              </li>
            </>
          ) : (
            <>
              <li>
                <Link to={href('/signin', { next })}>Sign in</Link>
              </li>
              <li>
                <Link to={href('/signup', { next })}>Sign up</Link>
              </li>
            </>
          )}
        </ul>
      </nav>
    </header>
  );
}

function Page() {
  const { pathname, params } = useLocation();
  if (pathname === '/') return <SearchPage params={params} />;
  const listing = /^\/listings\/([0-9a-f-]{36})$/.exec(pathname);
  if (listing?.[1]) return <ListingPage propertyId={listing[1]} params={params} />;
  if (pathname === '/signin') return <SignInPage params={params} />;
  if (pathname === '/signup') return <SignUpPage params={params} />;
  if (pathname === '/trips') return <TripsPage />;
  if (pathname === '/host') return <HostPage />;
  if (pathname === '/messages') return <InboxPage />;
  const conversation = /^\/messages\/([0-9a-f-]{36})$/.exec(pathname);
  if (conversation?.[1]) return <ConversationPage conversationId={conversation[1]} />;
  return <NotFoundPage />;
}
