import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SimulatedPaymentProvider } from '../../../src/infra/payments/simulated-provider.ts';
import { useTestDeps } from '../../../src/testing/index.ts';

const deps = await useTestDeps();
const provider = new SimulatedPaymentProvider(deps.db, { transientFailures: 2 });
const charge = (paymentToken: string, idempotencyKey = randomUUID(), amountCents = 12_345) =>
  provider.charge({ idempotencyKey, amountCents, currency: 'EUR', paymentToken, description: 'test stay' });
const entriesFor = async (key: string) => (await provider.ledger()).filter((e) => e.idempotencyKey === key);

describe('the simulated payment provider', () => {
  it('charges tok_visa, and answers a replayed key with the same charge', async () => {
    const key = randomUUID();
    const first = await charge('tok_visa', key);
    const replay = await charge('tok_visa', key);
    expect(first).toMatchObject({ status: 'succeeded', reference: expect.stringMatching(/^sim_ch_/) });
    expect(replay).toEqual(first);
    expect(await entriesFor(key)).toMatchObject([
      { kind: 'charge', status: 'succeeded', attempts: 1, amountCents: 12_345 },
    ]);
  });

  it('declines tok_chargeDeclined for good', async () => {
    const key = randomUUID();
    expect(await charge('tok_chargeDeclined', key)).toEqual({
      status: 'failed',
      code: 'card_declined',
      retryable: false,
    });
    expect(await charge('tok_chargeDeclined', key)).toEqual({
      status: 'failed',
      code: 'card_declined',
      retryable: false,
    });
    expect(await entriesFor(key)).toMatchObject([{ status: 'failed', attempts: 1 }]);
  });

  it('fails tok_processingError transiently, then succeeds on a retry with the same key', async () => {
    const key = randomUUID();
    expect(await charge('tok_processingError', key)).toMatchObject({ status: 'failed', retryable: true });
    expect(await charge('tok_processingError', key)).toMatchObject({ status: 'failed', retryable: true });
    expect(await charge('tok_processingError', key)).toMatchObject({ status: 'succeeded' });
    expect(await entriesFor(key)).toMatchObject([{ status: 'succeeded', attempts: 3 }]);
  });

  it('charges once when the same key arrives ten times at once', async () => {
    const key = randomUUID();
    const outcomes = await Promise.all(Array.from({ length: 10 }, () => charge('tok_visa', key)));
    expect(new Set(outcomes.map((o) => (o.status === 'succeeded' ? o.reference : o.code))).size).toBe(1);
    expect(await entriesFor(key)).toHaveLength(1);
  });

  it('refuses a key reused for another amount', async () => {
    const key = randomUUID();
    await charge('tok_visa', key, 1_000);
    expect(await charge('tok_visa', key, 2_000)).toMatchObject({
      status: 'failed',
      code: 'idempotency_key_reused',
    });
  });

  it('refunds up to what was charged, idempotently', async () => {
    const charged = await charge('tok_visa', randomUUID(), 10_000);
    if (charged.status !== 'succeeded') throw new Error('charge failed');
    const refund = (idempotencyKey: string, amountCents: number) =>
      provider.refund({ idempotencyKey, chargeReference: charged.reference, amountCents, currency: 'EUR' });
    const partialKey = randomUUID();
    expect(await refund(partialKey, 6_000)).toMatchObject({
      status: 'succeeded',
      reference: expect.stringMatching(/^sim_re_/),
    });
    expect(await refund(partialKey, 6_000)).toMatchObject({ status: 'succeeded' });
    expect(await refund(randomUUID(), 5_000)).toMatchObject({
      status: 'failed',
      code: 'amount_exceeds_charge',
    });
    expect(await refund(randomUUID(), 4_000)).toMatchObject({ status: 'succeeded' });
    const refunds = (await provider.ledger()).filter(
      (e) => e.chargeReference === charged.reference && e.status === 'succeeded',
    );
    expect(refunds.reduce((sum, e) => sum + e.amountCents, 0)).toBe(10_000);
  });

  it('refuses to refund an unknown charge', async () => {
    const outcome = await provider.refund({
      idempotencyKey: randomUUID(),
      chargeReference: 'sim_ch_nope',
      amountCents: 1,
      currency: 'EUR',
    });
    expect(outcome).toEqual({ status: 'failed', code: 'no_such_charge', retryable: false });
  });

  it('keeps its ledger across provider instances (a restarted worker sees it)', async () => {
    const key = randomUUID();
    const first = await charge('tok_visa', key);
    const restarted = new SimulatedPaymentProvider(deps.db);
    const replay = await restarted.charge({
      idempotencyKey: key,
      amountCents: 12_345,
      currency: 'EUR',
      paymentToken: 'tok_visa',
      description: 'again',
    });
    expect(replay).toEqual(first);
  });
});
