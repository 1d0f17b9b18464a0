import type { DB, Executor } from '@stayhub/db';
import { type Insertable, sql } from 'kysely';
import type { Block } from './calendar.rules.ts';

/** `during && [from, to)`: answered by the GiST index behind occupancy_no_overlap (property_id =, during &&). */
const overlaps = (from: string, to: string) =>
  sql<boolean>`during && daterange(${from}::date, ${to}::date, '[)')`;

/** Every hold of a listing that touches [from, to): one range query. */
export function findHoldsBetween(db: Executor, propertyId: string, from: string, to: string) {
  return db
    .selectFrom('occupancy')
    .select(['kind', 'start_date', 'end_date'])
    .where('property_id', '=', propertyId)
    .where(overlaps(from, to))
    .orderBy('start_date')
    .execute();
}

/** Host blocks that touch [from, to), locked: an unblock rewrites them. */
export function lockBlocksBetween(db: Executor, propertyId: string, from: string, to: string) {
  return db
    .selectFrom('occupancy')
    .select(['occupancy_id', 'start_date', 'end_date', 'note'])
    .where('property_id', '=', propertyId)
    .where('kind', '=', 'block')
    .where(overlaps(from, to))
    .forUpdate()
    .execute();
}

/** Fails with 23P01 (occupancy_no_overlap) when any night is already held. */
export async function insertBlocks(
  db: Executor,
  propertyId: string,
  blocks: readonly Omit<Block, 'occupancy_id'>[],
): Promise<void> {
  if (blocks.length === 0) return;
  await db
    .insertInto('occupancy')
    .values(
      blocks.map(
        (block): Insertable<DB['occupancy']> => ({
          property_id: propertyId,
          kind: 'block',
          start_date: block.start_date,
          end_date: block.end_date,
          note: block.note,
        }),
      ),
    )
    .execute();
}

export async function deleteBlocks(db: Executor, propertyId: string, occupancyIds: readonly string[]) {
  if (occupancyIds.length === 0) return;
  await db
    .deleteFrom('occupancy')
    .where('property_id', '=', propertyId)
    .where('kind', '=', 'block')
    .where('occupancy_id', 'in', occupancyIds)
    .execute();
}
