import { nightPriceCents, type StayRates } from '../bookings/pricing.rules.ts';
import { eachDay } from '../shared/dates.ts';

/** A held range [start_date, end_date) from the occupancy table (SPEC §3): a booking's hold or a host block. */
export interface Hold {
  kind: 'booking' | 'block';
  start_date: string;
  end_date: string;
}

export const calendarDayStatuses = ['available', 'booked', 'blocked'] as const;
export type DayStatus = (typeof calendarDayStatuses)[number];

/** The longest calendar page, in days: a year, leap day included. */
export const MAX_CALENDAR_DAYS = 366;

export interface CalendarDay {
  date: string;
  status: DayStatus;
  pricePerNightCents: number;
}

// 'YYYY-MM-DD' strings order like the days they name.
const later = (a: string, b: string) => (a > b ? a : b);
const earlier = (a: string, b: string) => (a < b ? a : b);

/**
 * Each night in [from, to): booked under a booking's hold, blocked under a host block, otherwise available,
 * at that night's own price (SPEC §9: override, weekend or nightly price; discounts depend on a stay's
 * length, so a day shows the price before any). Holds never overlap (the EXCLUDE constraint), so a day has
 * at most one.
 */
export function calendarDays(
  from: string,
  to: string,
  holds: readonly Hold[],
  rates: Pick<StayRates, 'pricePerNightCents' | 'weekendPricePerNightCents' | 'overrides'>,
): CalendarDay[] {
  const held = new Map<string, DayStatus>();
  for (const hold of holds) {
    for (const day of eachDay(later(hold.start_date, from), earlier(hold.end_date, to))) {
      held.set(day, hold.kind === 'booking' ? 'booked' : 'blocked');
    }
  }
  return eachDay(from, to).map((date) => ({
    date,
    status: held.get(date) ?? 'available',
    pricePerNightCents: nightPriceCents(rates, date),
  }));
}

export interface Block {
  occupancy_id: string;
  start_date: string;
  end_date: string;
  note: string | null;
}

export interface UnblockPlan {
  /** Blocks that overlap the range: deleted. */
  remove: string[];
  /** What is left of them outside the range: re-inserted (a block straddling both edges leaves two). */
  keep: Omit<Block, 'occupancy_id'>[];
}

/** Frees the nights [startDate, endDate) of host blocks: trims blocks at its edges and splits one that spans it. */
export function unblockPlan(
  blocks: readonly Block[],
  range: { startDate: string; endDate: string },
): UnblockPlan {
  const overlapping = blocks.filter(
    (block) => block.start_date < range.endDate && block.end_date > range.startDate,
  );
  return {
    remove: overlapping.map((block) => block.occupancy_id),
    keep: overlapping.flatMap((block) => [
      ...(block.start_date < range.startDate
        ? [{ start_date: block.start_date, end_date: range.startDate, note: block.note }]
        : []),
      ...(block.end_date > range.endDate
        ? [{ start_date: range.endDate, end_date: block.end_date, note: block.note }]
        : []),
    ]),
  };
}
