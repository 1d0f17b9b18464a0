/** Who is calling: resolved from a session on every authenticated request. */
export interface Viewer {
  userId: string;
  sessionId: string;
  role: 'guest' | 'host' | 'admin';
}
