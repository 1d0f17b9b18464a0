import type { Page } from '../shared/page.ts';
import type { MeView } from '../users/user.views.ts';

/** register and login: the only copy of the session token, and the signed-in user. */
export interface AuthResult {
  token: string;
  user: MeView;
}

export interface RevokedView {
  revokedCount: number;
}

export interface SessionView {
  sessionId: string;
  createdAt: Date;
  lastUsedAt: Date;
  expiresAt: Date;
  userAgent: string | null;
  ip: string | null;
  /** The session this request was made with. */
  current: boolean;
}

export type SessionPage = Page<SessionView>;
