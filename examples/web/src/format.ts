/** Money travels as integer minor units plus a currency (SPEC §3); Intl knows each currency's decimals. */
export function money(minorUnits: number, currency: string): string {
  const format = new Intl.NumberFormat('en', { style: 'currency', currency });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(minorUnits / 10 ** digits);
}

/** Stay dates are calendar dates, 'YYYY-MM-DD': shown as written, never through the viewer's time zone. */
export function day(isoDate: string): string {
  const [year, month, date] = isoDate.split('-').map(Number);
  const utc = new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, date ?? 1));
  return utc.toLocaleDateString('en', { timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric' });
}

export function addDays(isoDate: string, days: number): string {
  const [year, month, date] = isoDate.split('-').map(Number);
  const utc = new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, (date ?? 1) + days));
  return utc.toISOString().slice(0, 10);
}

export function nightsBetween(startDate: string, endDate: string): number {
  return Math.round((Date.parse(endDate) - Date.parse(startDate)) / 86_400_000);
}

/** Today as the viewer's calendar has it (the server checks check-in against the listing's time zone). */
export function today(): string {
  const now = new Date();
  return new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate())).toISOString().slice(0, 10);
}

export function rating(ratingAvg: number | null, reviewCount: number): string {
  if (ratingAvg === null || reviewCount === 0) return 'No reviews yet';
  return `★ ${ratingAvg.toFixed(2)} (${reviewCount} ${reviewCount === 1 ? 'review' : 'reviews'})`;
}

/** `1 night`, `3 nights`: English plurals of the page's few counted nouns. */
export function count(n: number, noun: string): string {
  return `${n} ${n === 1 ? noun : `${noun}s`}`;
}
