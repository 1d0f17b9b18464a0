import { createContext, type ReactNode, useCallback, useContext, useEffect, useState } from 'react';

/** Long enough to read; then the region empties, so an old message never sits over a newer page state. */
const SHOWN_MS = 10_000;

/**
 * One polite live region for the whole page: "Booking confirmed", "Request accepted"… are read out by
 * screen readers when they happen, and shown at the top of the page for everyone else.
 */
const AnnouncerContext = createContext<(message: string) => void>(() => {});

export function AnnouncerProvider(props: { children: ReactNode }) {
  const [message, setMessage] = useState('');
  const announce = useCallback((next: string) => setMessage(next), []);
  useEffect(() => {
    if (!message) return;
    const timer = setTimeout(() => setMessage(''), SHOWN_MS);
    return () => clearTimeout(timer);
  }, [message]);
  return (
    <AnnouncerContext.Provider value={announce}>
      <div className="announcer" role="status" aria-live="polite">
        {message}
      </div>
      {props.children}
    </AnnouncerContext.Provider>
  );
}

export function useAnnounce(): (message: string) => void {
  return useContext(AnnouncerContext);
}
