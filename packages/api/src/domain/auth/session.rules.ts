import { createHash, randomBytes } from 'node:crypto';
import { isIP } from 'node:net';
import { z } from 'zod';
import { decodeOpaqueCursor, encodeOpaqueCursor, readCursor } from '../shared/opaque-cursor.ts';

/** SPEC §7: 30 days idle, 90 days absolute. */
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

const cursorPayload = z.object({ t: z.iso.datetime({ precision: 3 }), i: z.uuid() });

/** A session list's page cursor: the last item's (created_at, session_id), opaque to clients (opaque-cursor.ts). */
export function encodeSessionCursor(cursor: SessionCursor): string {
  return encodeOpaqueCursor({ t: cursor.createdAt.toISOString(), i: cursor.sessionId });
}

/** The cursor encodeSessionCursor made, or undefined for anything else. */
export function decodeSessionCursor(cursor: string): SessionCursor | undefined {
  const payload = decodeOpaqueCursor(cursor, cursorPayload);
  if (!payload) return undefined;
  const createdAt = new Date(payload.t);
  // Well-formed is not enough: Feb 30 or hour 24 would reach Postgres as an impossible timestamp.
  if (Number.isNaN(createdAt.getTime()) || createdAt.toISOString() !== payload.t) return undefined;
  return { createdAt, sessionId: payload.i };
}

/** A session list input's cursor: none for the first page; a foreign one is a validation error. */
export function readSessionCursor(cursor: string | null | undefined): SessionCursor | undefined {
  return readCursor(cursor, decodeSessionCursor);
}

/**
 * The client address as sessions.ip (inet) can hold it, or null. It comes from headers a client controls
 * (X-Forwarded-For), so anything that is not an IP address is dropped rather than failing the sign-in.
 */
export function storableIp(ip: string | null): string | null {
  return ip !== null && isIP(ip) !== 0 ? ip : null;
}
