/**
 * The payment provider (SPEC §4 Payments). Every call carries an idempotency key: the provider performs
 * at most one operation per key and answers a replay with the first outcome, so a retried or replayed job
 * never charges twice.
 */
export interface ChargeRequest {
  idempotencyKey: string;
  amountCents: number;
  currency: string;
  /** A provider token for the payment method (tok_visa…); never card data. */
  paymentToken: string;
  description: string;
}

export interface RefundRequest {
  idempotencyKey: string;
  /** The provider reference of the charge being refunded. */
  chargeReference: string;
  amountCents: number;
  currency: string;
}

export type PaymentOutcome =
  | { status: 'succeeded'; reference: string }
  /** `retryable`: a transient fault worth retrying with backoff; otherwise final (declined…). */
  | { status: 'failed'; code: string; retryable: boolean };

export interface PaymentProvider {
  charge(request: ChargeRequest): Promise<PaymentOutcome>;
  refund(request: RefundRequest): Promise<PaymentOutcome>;
}
