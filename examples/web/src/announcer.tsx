import { createContext, type ReactNode, useCallback, useContext, useState } from 'react';

/**
 * One polite live region for the whole page: "Booking confirmed", "Request accepted"… are read out by
 * screen readers when they happen, and shown at the top of the page for everyone else.
 */
const AnnouncerContext = createContext<(message: string) => void>(() => {});

export function AnnouncerProvider(props: { children: ReactNode }) {
  const [message, setMessage] = useState('');
  const announce = useCallback((next: string) => setMessage(next), []);
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
