/** SPEC §4 pricing, computed on the server from the property's current prices; never trusted from a client. */
export const SERVICE_FEE_PERCENT = 14;
export const HOST_FEE_PERCENT = 3;

/** `amount × percent / 100` rounded half-up to the minor unit, in integers (no floating point). */
export function percentOf(amountCents: number, percent: number): number {
  return Math.floor((amountCents * percent + 50) / 100);
}

export interface PriceBreakdown {
  nightlyPriceCents: number;
  nights: number;
  subtotalCents: number;
  cleaningFeeCents: number;
  serviceFeeCents: number;
  totalCents: number;
}

export function priceStay(input: {
  nightlyPriceCents: number;
  cleaningFeeCents: number;
  nights: number;
}): PriceBreakdown {
  const subtotalCents = input.nights * input.nightlyPriceCents;
  const serviceFeeCents = percentOf(subtotalCents + input.cleaningFeeCents, SERVICE_FEE_PERCENT);
  return {
    nightlyPriceCents: input.nightlyPriceCents,
    nights: input.nights,
    subtotalCents,
    cleaningFeeCents: input.cleaningFeeCents,
    serviceFeeCents,
    totalCents: subtotalCents + input.cleaningFeeCents + serviceFeeCents,
  };
}

/** What the host is paid: subtotal + cleaning fee − the 3 % host fee (SPEC §3 payouts). */
export function hostPayoutCents(
  breakdown: Pick<PriceBreakdown, 'subtotalCents' | 'cleaningFeeCents'>,
): number {
  const gross = breakdown.subtotalCents + breakdown.cleaningFeeCents;
  return gross - percentOf(gross, HOST_FEE_PERCENT);
}
