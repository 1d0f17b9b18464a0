import { randomBytes } from 'node:crypto';
import type { DB } from '@stayhub/db';
import { type Kysely, sql } from 'kysely';
import type { ChargeRequest, PaymentOutcome, PaymentProvider, RefundRequest } from './provider.ts';

/**
 * A payment provider that behaves like a real one, for dev and tests (SPEC §4). Test tokens decide the
 * outcome: `tok_visa` succeeds, `tok_chargeDeclined` fails for good, `tok_processingError` fails
 * transiently `transientFailures` times per idempotency key, then succeeds. Any other token is declined.
 *
 * Its ledger is durable — its own `payment_simulator` schema (migration 0013), written outside the caller's transactions
 * (as a remote provider would be) — so a worker killed mid-charge and restarted sees the same ledger, and
 * a replayed idempotency key returns the first outcome instead of charging again.
 */
export interface SimulatedProviderOptions {
  transientFailures?: number;
}

export interface LedgerEntry {
  idempotencyKey: string;
  kind: 'charge' | 'refund';
  reference: string | null;
  amountCents: number;
  currency: string;
  status: 'succeeded' | 'failed' | 'transient_error';
  failureCode: string | null;
  attempts: number;
  chargeReference: string | null;
}

const DECLINED = 'card_declined';
const PROCESSING = 'processing_error';

export class SimulatedPaymentProvider implements PaymentProvider {
  readonly #transientFailures: number;

  constructor(
    private readonly db: Kysely<DB>,
    options: SimulatedProviderOptions = {},
  ) {
    this.#transientFailures = options.transientFailures ?? 2;
  }

  charge(request: ChargeRequest): Promise<PaymentOutcome> {
    return this.#operate(
      'charge',
      request.idempotencyKey,
      request.amountCents,
      request.currency,
      async (attempt) => {
        if (request.paymentToken === 'tok_processingError' && attempt <= this.#transientFailures) {
          return { status: 'failed', code: PROCESSING, retryable: true };
        }
        if (request.paymentToken === 'tok_visa' || request.paymentToken === 'tok_processingError') {
          return { status: 'succeeded', reference: reference('ch') };
        }
        return { status: 'failed', code: DECLINED, retryable: false };
      },
    );
  }

  refund(request: RefundRequest): Promise<PaymentOutcome> {
    return this.#operate(
      'refund',
      request.idempotencyKey,
      request.amountCents,
      request.currency,
      async () => {
        const { rows } = await sql<{ charged: number; refunded: number }>`
        select c.amount_cents as charged,
               coalesce((select sum(r.amount_cents) from payment_simulator.ledger r
                         where r.charge_reference = c.reference and r.status = 'succeeded'), 0)::int as refunded
        from payment_simulator.ledger c
        where c.reference = ${request.chargeReference} and c.kind = 'charge' and c.status = 'succeeded'`.execute(
          this.db,
        );
        const charge = rows[0];
        if (!charge) return { status: 'failed', code: 'no_such_charge', retryable: false };
        if (request.amountCents > charge.charged - charge.refunded) {
          return { status: 'failed', code: 'amount_exceeds_charge', retryable: false };
        }
        return { status: 'succeeded', reference: reference('re') };
      },
      request.chargeReference,
    );
  }

  /** Everything the provider has recorded, oldest first (what a provider dashboard would show). */
  async ledger(): Promise<LedgerEntry[]> {
    const { rows } = await sql<LedgerEntry>`
      select idempotency_key as "idempotencyKey", kind, reference, amount_cents as "amountCents", currency,
             status, failure_code as "failureCode", attempts, charge_reference as "chargeReference"
      from payment_simulator.ledger order by created_at, idempotency_key`.execute(this.db);
    return rows;
  }

  /**
   * One operation per idempotency key: the key's row is locked while deciding, a final outcome is
   * returned as recorded on every replay, and only a transient error lets a later attempt decide again.
   */
  async #operate(
    kind: 'charge' | 'refund',
    idempotencyKey: string,
    amountCents: number,
    currency: string,
    decide: (attempt: number) => Promise<PaymentOutcome>,
    chargeReference: string | null = null,
  ): Promise<PaymentOutcome> {
    return this.db.transaction().execute(async (trx) => {
      await sql`
        insert into payment_simulator.ledger (idempotency_key, kind, amount_cents, currency, status, attempts, charge_reference)
        values (${idempotencyKey}, ${kind}, ${amountCents}, ${currency}, 'transient_error', 0, ${chargeReference})
        on conflict (idempotency_key) do nothing`.execute(trx);
      const { rows } = await sql<{
        status: string;
        reference: string | null;
        failure_code: string | null;
        attempts: number;
        kind: string;
        amount_cents: number;
      }>`
        select status, reference, failure_code, attempts, kind, amount_cents from payment_simulator.ledger
        where idempotency_key = ${idempotencyKey} for update`.execute(trx);
      const row = rows[0];
      if (!row) throw new Error('ledger row vanished');
      if (row.kind !== kind || row.amount_cents !== amountCents) {
        return { status: 'failed', code: 'idempotency_key_reused', retryable: false };
      }
      if (row.status === 'succeeded' && row.reference)
        return { status: 'succeeded', reference: row.reference };
      if (row.status === 'failed')
        return { status: 'failed', code: row.failure_code ?? DECLINED, retryable: false };
      const attempt = row.attempts + 1;
      const outcome = await decide(attempt);
      const status =
        outcome.status === 'succeeded' ? 'succeeded' : outcome.retryable ? 'transient_error' : 'failed';
      await sql`
        update payment_simulator.ledger
        set status = ${status}, attempts = ${attempt},
            reference = ${outcome.status === 'succeeded' ? outcome.reference : null},
            failure_code = ${outcome.status === 'failed' ? outcome.code : null}
        where idempotency_key = ${idempotencyKey}`.execute(trx);
      return outcome;
    });
  }
}

const reference = (prefix: 'ch' | 're') => `sim_${prefix}_${randomBytes(12).toString('hex')}`;
