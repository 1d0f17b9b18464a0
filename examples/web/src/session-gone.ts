/**
 * The query and mutation caches live outside React; when a call says the session is gone (expired,
 * revoked, suspended) they ring this, and the session provider signs out and sends the user to sign in.
 */
let listener: (() => void) | null = null;

export const sessionGone = {
  notify(): void {
    listener?.();
  },
  listen(handler: () => void): () => void {
    listener = handler;
    return () => {
      if (listener === handler) listener = null;
    };
  },
};
