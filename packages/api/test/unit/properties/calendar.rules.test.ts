import { describe, expect, it } from 'vitest';
import { calendarDays, unblockPlan } from '../../../src/domain/calendar/calendar.rules.ts';

const block = (id: string, start_date: string, end_date: string, note: string | null = null) => ({
  occupancy_id: id,
  start_date,
  end_date,
  note,
});

const flat = (pricePerNightCents: number) => ({
  pricePerNightCents,
  weekendPricePerNightCents: null,
  overrides: new Map<string, number>(),
});

describe('calendarDays', () => {
  it('marks each night of [from, to) booked, blocked or available, clipping holds to the page', () => {
    const days = calendarDays(
      '2031-04-01',
      '2031-04-06',
      [
        { kind: 'booking', start_date: '2031-03-29', end_date: '2031-04-02' },
        { kind: 'block', start_date: '2031-04-03', end_date: '2031-04-05' },
        { kind: 'booking', start_date: '2031-04-05', end_date: '2031-04-20' },
      ],
      flat(9_900),
    );
    expect(days).toEqual([
      { date: '2031-04-01', status: 'booked', pricePerNightCents: 9_900 },
      { date: '2031-04-02', status: 'available', pricePerNightCents: 9_900 },
      { date: '2031-04-03', status: 'blocked', pricePerNightCents: 9_900 },
      { date: '2031-04-04', status: 'blocked', pricePerNightCents: 9_900 },
      { date: '2031-04-05', status: 'booked', pricePerNightCents: 9_900 },
    ]);
  });

  it('treats the end date as the checkout day, which is free', () => {
    const days = calendarDays(
      '2031-04-01',
      '2031-04-03',
      [{ kind: 'booking', start_date: '2031-03-30', end_date: '2031-04-01' }],
      flat(1),
    );
    expect(days.map((day) => day.status)).toEqual(['available', 'available']);
  });

  it('crosses month and leap-day boundaries', () => {
    expect(calendarDays('2032-02-28', '2032-03-02', [], flat(1)).map((day) => day.date)).toEqual([
      '2032-02-28',
      '2032-02-29',
      '2032-03-01',
    ]);
  });
});

describe('unblockPlan', () => {
  it('splits a block that spans the range, keeping its note on both parts', () => {
    expect(
      unblockPlan([block('b1', '2031-04-01', '2031-04-11', 'renovation')], {
        startDate: '2031-04-04',
        endDate: '2031-04-06',
      }),
    ).toEqual({
      remove: ['b1'],
      keep: [
        { start_date: '2031-04-01', end_date: '2031-04-04', note: 'renovation' },
        { start_date: '2031-04-06', end_date: '2031-04-11', note: 'renovation' },
      ],
    });
  });

  it('trims blocks across either edge and drops blocks inside', () => {
    expect(
      unblockPlan(
        [
          block('b1', '2031-04-01', '2031-04-05'),
          block('b2', '2031-04-06', '2031-04-07'),
          block('b3', '2031-04-08', '2031-04-12'),
        ],
        { startDate: '2031-04-03', endDate: '2031-04-10' },
      ),
    ).toEqual({
      remove: ['b1', 'b2', 'b3'],
      keep: [
        { start_date: '2031-04-01', end_date: '2031-04-03', note: null },
        { start_date: '2031-04-10', end_date: '2031-04-12', note: null },
      ],
    });
  });

  it('leaves blocks that only touch the range alone', () => {
    expect(
      unblockPlan([block('b1', '2031-04-01', '2031-04-03'), block('b2', '2031-04-05', '2031-04-07')], {
        startDate: '2031-04-03',
        endDate: '2031-04-05',
      }),
    ).toEqual({ remove: [], keep: [] });
  });

  it('removes a block exactly the size of the range without leftovers', () => {
    expect(
      unblockPlan([block('b1', '2031-04-03', '2031-04-05')], {
        startDate: '2031-04-03',
        endDate: '2031-04-05',
      }),
    ).toEqual({
      remove: ['b1'],
      keep: [],
    });
  });
});
