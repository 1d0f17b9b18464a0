import type { Executor } from '@stayhub/db';
import { sql } from 'kysely';

const photoColumns = ['photo_id', 'url', 'caption', 'position'] as const;

export function findPhotosOfProperty(db: Executor, propertyId: string) {
  return db
    .selectFrom('property_photos')
    .select(photoColumns)
    .where('property_id', '=', propertyId)
    .orderBy('position')
    .execute();
}

/** How many photos a listing has and the next free position (after the last, whatever gaps there are). */
export async function photoSlots(db: Executor, propertyId: string): Promise<{ count: number; next: number }> {
  const row = await db
    .selectFrom('property_photos')
    .select((eb) => [eb.fn.countAll<number>().as('count'), eb.fn.max<number | null>('position').as('last')])
    .where('property_id', '=', propertyId)
    .executeTakeFirstOrThrow();
  return { count: row.count, next: row.last === null ? 0 : row.last + 1 };
}

export function insertPhoto(
  db: Executor,
  photo: { propertyId: string; url: string; caption: string | null; position: number },
) {
  return db
    .insertInto('property_photos')
    .values({
      property_id: photo.propertyId,
      url: photo.url,
      caption: photo.caption,
      position: photo.position,
    })
    .returning(photoColumns)
    .executeTakeFirstOrThrow();
}

export function deletePhoto(db: Executor, propertyId: string, photoId: string) {
  return db
    .deleteFrom('property_photos')
    .where('property_id', '=', propertyId)
    .where('photo_id', '=', photoId)
    .returning('position')
    .executeTakeFirst();
}

/** Closes the gap a removed photo left: every later photo moves up one. */
export async function closeUpPositionsAfter(db: Executor, propertyId: string, position: number) {
  await db
    .updateTable('property_photos')
    .set((eb) => ({ position: eb('position', '-', 1) }))
    .where('property_id', '=', propertyId)
    .where('position', '>', position)
    .execute();
}

/**
 * Gives each photo its index in `photoIds` as its position, in one statement. Positions are UNIQUE per
 * listing and swapping two of them passes through a duplicate, so the constraint is deferred to the commit
 * (it is DEFERRABLE for this). `photoIds` must be exactly the listing's photos.
 */
export async function setPhotoOrder(db: Executor, propertyId: string, photoIds: readonly string[]) {
  await sql`SET CONSTRAINTS property_photos_position_key DEFERRED`.execute(db);
  await db
    .updateTable('property_photos')
    .set({ position: sql<number>`array_position(${sql.val(photoIds)}::uuid[], photo_id) - 1` })
    .where('property_id', '=', propertyId)
    .execute();
}
