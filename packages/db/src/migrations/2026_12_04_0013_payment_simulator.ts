import { type Kysely, sql } from 'kysely';

/**
 * The simulated payment provider's ledger (packages/api/src/infra/payments/simulated-provider.ts), in a
 * schema of its own: the provider's side of every charge and refund, keyed by the idempotency key the app
 * sends, so a retried call answers as the first one did. It stands in for a real provider's records and is
 * written outside the app's transactions, as a provider's would be. Until this migration the simulator
 * created it at run time, so databases that ran it already have it: hence IF NOT EXISTS.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and never import app types.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE SCHEMA IF NOT EXISTS payment_simulator`.execute(db);
  await sql`
    CREATE TABLE IF NOT EXISTS payment_simulator.ledger (
      idempotency_key text PRIMARY KEY,
      kind text NOT NULL CHECK (kind IN ('charge', 'refund')),
      reference text UNIQUE,
      charge_reference text,
      amount_cents integer NOT NULL CHECK (amount_cents >= 0),
      currency char(3) NOT NULL,
      status text NOT NULL CHECK (status IN ('succeeded', 'failed', 'transient_error')),
      failure_code text,
      attempts integer NOT NULL,
      created_at timestamptz NOT NULL DEFAULT clock_timestamp()
    )
  `.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and never import app types.
export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP SCHEMA payment_simulator CASCADE`.execute(db);
}
