import { createHash, randomBytes } from 'node:crypto';
import { isIP } from 'node:net';

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

export interface SessionCursor {
  createdAt: Date;
  sessionId: string;
}

/** An opaque page cursor for a session list: the last item's (created_at, session_id). */
export function encodeSessionCursor(cursor: SessionCursor): string {
  return Buffer.from(`${cursor.createdAt.toISOString()}|${cursor.sessionId}`, 'utf8').toString('base64url');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The cursor encodeSessionCursor made, or null for anything else. */
export function decodeSessionCursor(cursor: string): SessionCursor | null {
  const [at, sessionId, ...rest] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (at === undefined || sessionId === undefined || rest.length > 0 || !UUID.test(sessionId)) return null;
  const createdAt = new Date(at);
  if (Number.isNaN(createdAt.getTime()) || createdAt.toISOString() !== at) return null;
  return { createdAt, sessionId };
}

/**
 * The client address as sessions.ip (inet) can hold it, or null. It comes from headers a client controls
 * (X-Forwarded-For), so anything that is not an IP address is dropped rather than failing the sign-in.
 */
export function storableIp(ip: string | null): string | null {
  return ip !== null && isIP(ip) !== 0 ? ip : null;
}
