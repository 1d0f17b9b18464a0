import type { PropertyStatus } from '@stayhub/db';
import type { MissingForListing } from './property.rules.ts';

/**
 * A listing's life (SPEC §3 properties.status):
 *
 * | from      | host may move it to         | an admin may also move it to |
 * |-----------|-----------------------------|------------------------------|
 * | draft     | listed*, archived           | suspended                    |
 * | listed    | unlisted, archived          | suspended                    |
 * | unlisted  | listed*, archived           | suspended                    |
 * | suspended | — (the host cannot touch it) | unlisted, listed*, archived  |
 * | archived  | — (final)                   | —                            |
 *
 * `*` listed requires a complete listing (missingForListing). Lifting a suspension goes to unlisted (the
 * host relists when ready) or straight to listed. Staying in place is not a move.
 */
const hostMoves: Record<PropertyStatus, readonly PropertyStatus[]> = {
  draft: ['listed', 'archived'],
  listed: ['unlisted', 'archived'],
  unlisted: ['listed', 'archived'],
  suspended: [],
  archived: [],
};

const adminOnlyMoves: Record<PropertyStatus, readonly PropertyStatus[]> = {
  draft: ['suspended'],
  listed: ['suspended'],
  unlisted: ['suspended'],
  suspended: ['unlisted', 'listed', 'archived'],
  archived: [],
};

export type StatusActor = 'host' | 'admin';

export type StatusDecision =
  | { ok: true; firstListing: boolean }
  /** Not a move the table knows (CONFLICT). */
  | { ok: false; error: 'INVALID_TRANSITION' }
  /** A move only an admin makes: suspending or lifting a suspension (FORBIDDEN). */
  | { ok: false; error: 'ADMIN_ONLY' }
  /** The host of a suspended listing cannot change its status (FORBIDDEN). */
  | { ok: false; error: 'PROPERTY_SUSPENDED' }
  /** Going to listed with something missing (UNPROCESSABLE_CONTENT). */
  | { ok: false; error: 'LISTING_INCOMPLETE'; missing: MissingForListing[] };

export interface StatusChange {
  from: PropertyStatus;
  to: PropertyStatus;
  actor: StatusActor;
  /** missingForListing of the listing as it is now. */
  missing: readonly MissingForListing[];
  /** Whether it was ever listed: listed_at is set on the first listing only. */
  everListed: boolean;
}

export function decideStatusChange(change: StatusChange): StatusDecision {
  const { from, to, actor } = change;
  if (actor === 'host') {
    if (from === 'suspended') return { ok: false, error: 'PROPERTY_SUSPENDED' };
    if (to === 'suspended' && adminOnlyMoves[from].includes(to)) return { ok: false, error: 'ADMIN_ONLY' };
  }
  const allowed = hostMoves[from].includes(to) || (actor === 'admin' && adminOnlyMoves[from].includes(to));
  if (!allowed) return { ok: false, error: 'INVALID_TRANSITION' };
  if (to === 'listed' && change.missing.length > 0) {
    return { ok: false, error: 'LISTING_INCOMPLETE', missing: [...change.missing] };
  }
  return { ok: true, firstListing: to === 'listed' && !change.everListed };
}
