import { type Kysely, sql } from 'kysely';

/**
 * Moderation and accountability (SPEC §10).
 * - properties.suspended_with_host: the listing was `listed` when its host was suspended and was suspended
 *   with them; reinstating the host lists exactly these again (a listing an admin suspended on its own stays
 *   suspended). Bookings of such a listing are refused with HOST_SUSPENDED.
 * - admin_audit_log: one row per admin action, written in the action's transaction, with its reason.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and never import app types.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    ALTER TABLE properties
      ADD COLUMN suspended_with_host boolean NOT NULL DEFAULT false,
      ADD CONSTRAINT properties_suspended_with_host_check CHECK (NOT suspended_with_host OR status = 'suspended')
  `.execute(db);
  // Reinstating a host finds the listings suspended with them.
  await sql`
    CREATE INDEX properties_suspended_with_host_idx ON properties (host_id) WHERE suspended_with_host
  `.execute(db);

  await sql`
    CREATE TABLE admin_audit_log (
      audit_id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      actor_id uuid NOT NULL REFERENCES users (user_id),
      action text NOT NULL,
      target_type text NOT NULL,
      target_id uuid NOT NULL,
      reason text NOT NULL,
      details jsonb NOT NULL DEFAULT '{}'::jsonb,
      created_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT admin_audit_log_action_check CHECK (char_length(action) BETWEEN 1 AND 100),
      CONSTRAINT admin_audit_log_target_type_check CHECK (target_type IN ('user', 'property', 'booking')),
      CONSTRAINT admin_audit_log_reason_check CHECK (char_length(reason) BETWEEN 1 AND 500)
    )
  `.execute(db);
  // admin.auditLog: newest first, keyset (created_at DESC, audit_id ASC): the order afterPosition pages, unfiltered or by actor, target, action.
  await sql`CREATE INDEX admin_audit_log_newest_idx ON admin_audit_log (created_at DESC, audit_id)`.execute(
    db,
  );
  await sql`
    CREATE INDEX admin_audit_log_actor_idx ON admin_audit_log (actor_id, created_at DESC, audit_id)
  `.execute(db);
  await sql`
    CREATE INDEX admin_audit_log_target_idx ON admin_audit_log (target_id, created_at DESC, audit_id)
  `.execute(db);
  await sql`
    CREATE INDEX admin_audit_log_action_idx ON admin_audit_log (action, created_at DESC, audit_id)
  `.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see up.
export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE admin_audit_log`.execute(db);
  await sql`DROP INDEX properties_suspended_with_host_idx`.execute(db);
  await sql`
    ALTER TABLE properties
      DROP CONSTRAINT properties_suspended_with_host_check,
      DROP COLUMN suspended_with_host
  `.execute(db);
}
