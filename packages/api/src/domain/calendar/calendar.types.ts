import type { CalendarDay } from './calendar.rules.ts';

/** properties.calendar: the page [from, to), at least one day and at most MAX_CALENDAR_DAYS. */
export interface CalendarInput {
  propertyId: string;
  from: string;
  to: string;
}

/** properties.blockDates and unblockDates: the nights [startDate, endDate), at most MAX_STAY_NIGHTS. */
export interface DateRangeInput {
  propertyId: string;
  startDate: string;
  endDate: string;
}

export interface CalendarView {
  propertyId: string;
  currency: string;
  days: CalendarDay[];
}
