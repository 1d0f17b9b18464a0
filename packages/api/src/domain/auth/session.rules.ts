import { createHash, randomBytes } from 'node:crypto';

/** SPEC §7 / issue 3: 30 days idle, 90 days absolute. */
export const SESSION_IDLE_MS = 30 * 24 * 60 * 60 * 1000;
export const SESSION_ABSOLUTE_MS = 90 * 24 * 60 * 60 * 1000;
/** Sliding expiry is written at most this often per session, not on every request. */
export const SESSION_TOUCH_INTERVAL_MS = 60 * 1000;

/** 256 random bits, URL-safe. Only its hash is ever stored. */
export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

export interface SessionTimes {
  expiresAt: Date;
  absoluteExpiresAt: Date;
  lastUsedAt: Date;
}

export function isSessionLive(session: SessionTimes, now: Date): boolean {
  return session.expiresAt > now && session.absoluteExpiresAt > now;
}

/** The idle deadline after a use at `now`, never past the absolute one. */
export function slideExpiry(session: SessionTimes, now: Date): Date {
  const slid = now.getTime() + SESSION_IDLE_MS;
  return new Date(Math.min(slid, session.absoluteExpiresAt.getTime()));
}

export function needsTouch(session: SessionTimes, now: Date): boolean {
  return now.getTime() - session.lastUsedAt.getTime() >= SESSION_TOUCH_INTERVAL_MS;
}
