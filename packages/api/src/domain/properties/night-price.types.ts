/** properties.setPrices (SPEC §9): the nights [from, to) at one price; null clears them back to the listing's. */
export interface SetPricesInput {
  propertyId: string;
  from: string;
  to: string;
  pricePerNightCents: number | null;
}
