import type { Executor } from '@stayhub/db';

/**
 * Of `propertyIds`, those where the user has a confirmed or completed stay (SPEC §4: the exact address is
 * theirs to see) — hasStayAt for many listings in one statement. Uses bookings_user_id_idx.
 */
export async function listStayPropertyIds(
  db: Executor,
  userId: string,
  propertyIds: readonly string[],
): Promise<Set<string>> {
  if (propertyIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('bookings')
    .select('property_id')
    .distinct()
    .where('user_id', '=', userId)
    .where('property_id', 'in', propertyIds)
    .where('status', 'in', ['confirmed', 'completed'])
    .execute();
  return new Set(rows.map((row) => row.property_id));
}
