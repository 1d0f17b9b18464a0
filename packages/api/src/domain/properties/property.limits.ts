/**
 * The longest stay, in nights (SPEC §4: nights ≤ 365 whatever the listing allows). A listing's max_nights
 * is bounded by it (the properties CHECK says the same), and so are a host block and a searched stay.
 */
export const MAX_STAY_NIGHTS = 365;

/** The most guests a listing takes, and so the most one booking brings. */
export const MAX_GUESTS = 50;

/**
 * Highest nightly price in minor units: a MAX_STAY_NIGHTS stay at this price, plus the highest cleaning fee
 * and the 14 % service fee, still fits the integer (int4) money columns of a booking.
 */
export const MAX_PRICE_PER_NIGHT_CENTS = 5_000_000;
export const MAX_CLEANING_FEE_CENTS = 1_000_000;
