import type { Executor } from '@stayhub/db';

/**
 * A suspended host's listed listings become `suspended`, marked as suspended with the host (SPEC §10: they
 * leave search, which shows `listed` only, and refuse bookings with HOST_SUSPENDED). Other listings keep
 * their status: none of them is in search or bookable anyway.
 */
export async function suspendListingsOfHost(db: Executor, hostId: string): Promise<string[]> {
  const rows = await db
    .updateTable('properties')
    .set({ status: 'suspended', suspended_with_host: true })
    .where('host_id', '=', hostId)
    .where('status', '=', 'listed')
    .returning('property_id')
    .execute();
  return rows.map((row) => row.property_id);
}

/** Reinstating the host lists again exactly the listings suspended with them (properties_suspended_with_host_idx). */
export async function restoreListingsOfHost(db: Executor, hostId: string): Promise<string[]> {
  const rows = await db
    .updateTable('properties')
    .set({ status: 'listed', suspended_with_host: false })
    .where('host_id', '=', hostId)
    .where('suspended_with_host', '=', true)
    .returning('property_id')
    .execute();
  return rows.map((row) => row.property_id);
}
