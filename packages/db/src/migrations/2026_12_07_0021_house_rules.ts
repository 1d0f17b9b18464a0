import { type Kysely, sql } from 'kysely';

/**
 * House rules and times (SPEC §9, issue 15): check-in window and check-out time as local 'HH:MM' (the
 * listing's time zone; stored as text, compared by no query), the rules text (null: none) and three
 * allowances. Defaults are the SPEC's: check-in 15:00–22:00, check-out 11:00, nothing allowed.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and never import app types.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    ALTER TABLE properties
      ADD COLUMN check_in_from text NOT NULL DEFAULT '15:00',
      ADD COLUMN check_in_until text NOT NULL DEFAULT '22:00',
      ADD COLUMN check_out_by text NOT NULL DEFAULT '11:00',
      ADD COLUMN house_rules text,
      ADD COLUMN pets_allowed boolean NOT NULL DEFAULT false,
      ADD COLUMN smoking_allowed boolean NOT NULL DEFAULT false,
      ADD COLUMN events_allowed boolean NOT NULL DEFAULT false,
      ADD CONSTRAINT properties_house_times_check CHECK (
        check_in_from ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'
        AND check_in_until ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'
        AND check_out_by ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'
      )
  `.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see up.
export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    ALTER TABLE properties
      DROP CONSTRAINT properties_house_times_check,
      DROP COLUMN events_allowed,
      DROP COLUMN smoking_allowed,
      DROP COLUMN pets_allowed,
      DROP COLUMN house_rules,
      DROP COLUMN check_out_by,
      DROP COLUMN check_in_until,
      DROP COLUMN check_in_from
  `.execute(db);
}
