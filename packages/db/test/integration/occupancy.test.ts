import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../src/testing/index.ts';
import { insertBooking, insertHeldBooking, insertHold, insertProperty } from './rows.ts';

const { db } = await useTestDatabase();

const overlap = { code: '23P01', constraint: 'occupancy_no_overlap' };

describe('occupancy: one table of held date ranges per property', () => {
  it('rejects a hold that overlaps another on the same property with SQLSTATE 23P01', async () => {
    const { property_id } = await insertProperty(db);
    await insertHeldBooking(db, { property_id, start_date: '2027-03-10', end_date: '2027-03-15' });

    await expect(
      insertHeldBooking(db, { property_id, start_date: '2027-03-14', end_date: '2027-03-16' }),
    ).rejects.toMatchObject(overlap);
    await expect(
      insertHeldBooking(db, { property_id, start_date: '2027-03-11', end_date: '2027-03-12' }),
    ).rejects.toMatchObject(overlap);
    await expect(
      insertHeldBooking(db, { property_id, start_date: '2027-03-01', end_date: '2027-03-31' }),
    ).rejects.toMatchObject(overlap);
  });

  it('accepts back-to-back stays: check-out day [a, b) is the next check-in day [b, c)', async () => {
    const { property_id } = await insertProperty(db);
    await insertHeldBooking(db, { property_id, start_date: '2027-04-01', end_date: '2027-04-05' });
    await insertHeldBooking(db, { property_id, start_date: '2027-04-05', end_date: '2027-04-08' });
    await insertHeldBooking(db, { property_id, start_date: '2027-03-28', end_date: '2027-04-01' });

    const holds = await db
      .selectFrom('occupancy')
      .select(['start_date', 'end_date', 'during'])
      .where('property_id', '=', property_id)
      .orderBy('start_date')
      .execute();
    expect(holds).toEqual([
      { start_date: '2027-03-28', end_date: '2027-04-01', during: '[2027-03-28,2027-04-01)' },
      { start_date: '2027-04-01', end_date: '2027-04-05', during: '[2027-04-01,2027-04-05)' },
      { start_date: '2027-04-05', end_date: '2027-04-08', during: '[2027-04-05,2027-04-08)' },
    ]);
  });

  it('accepts the same dates on another property', async () => {
    const first = await insertProperty(db);
    const second = await insertProperty(db);
    await insertHeldBooking(db, {
      property_id: first.property_id,
      start_date: '2027-05-01',
      end_date: '2027-05-04',
    });
    const other = await insertHeldBooking(db, {
      property_id: second.property_id,
      start_date: '2027-05-01',
      end_date: '2027-05-04',
    });
    expect(other.property_id).toBe(second.property_id);
  });

  it('makes a host block and a booking hold exclude each other', async () => {
    const { property_id } = await insertProperty(db);
    await insertHold(db, { property_id, start_date: '2027-06-10', end_date: '2027-06-20' });
    await expect(
      insertHeldBooking(db, { property_id, start_date: '2027-06-19', end_date: '2027-06-21' }),
    ).rejects.toMatchObject(overlap);

    await insertHeldBooking(db, { property_id, start_date: '2027-07-01', end_date: '2027-07-03' });
    await expect(
      insertHold(db, { property_id, start_date: '2027-06-30', end_date: '2027-07-02' }),
    ).rejects.toMatchObject(overlap);
  });

  it('frees the dates again once the hold is deleted', async () => {
    const { property_id } = await insertProperty(db);
    const first = await insertHeldBooking(db, {
      property_id,
      start_date: '2027-08-01',
      end_date: '2027-08-05',
    });
    await db.deleteFrom('occupancy').where('booking_id', '=', first.booking_id).execute();
    const second = await insertHeldBooking(db, {
      property_id,
      start_date: '2027-08-01',
      end_date: '2027-08-05',
    });
    expect(second.booking_id).not.toBe(first.booking_id);
  });

  it('rejects a hold whose end is not after its start', async () => {
    const { property_id } = await insertProperty(db);
    await expect(
      insertHold(db, { property_id, start_date: '2027-09-05', end_date: '2027-09-05' }),
    ).rejects.toMatchObject({ code: '23514', constraint: 'occupancy_dates_check' });
  });

  it('requires a booking id exactly for booking holds', async () => {
    const { property_id } = await insertProperty(db);
    const booking = await insertBooking(db, {
      property_id,
      start_date: '2027-10-01',
      end_date: '2027-10-03',
    });
    const hold = { property_id, start_date: '2027-10-01', end_date: '2027-10-03' };
    await expect(
      db
        .insertInto('occupancy')
        .values({ ...hold, kind: 'booking' })
        .execute(),
    ).rejects.toMatchObject({ code: '23514', constraint: 'occupancy_kind_check' });
    await expect(
      db
        .insertInto('occupancy')
        .values({ ...hold, kind: 'block', booking_id: booking.booking_id })
        .execute(),
    ).rejects.toMatchObject({ code: '23514', constraint: 'occupancy_kind_check' });
  });

  it('lets two concurrent transactions hold overlapping dates only once', async () => {
    const { property_id } = await insertProperty(db);
    const attempts = await Promise.allSettled(
      ['2027-11-01', '2027-11-02', '2027-11-03'].map((start_date) =>
        db
          .transaction()
          .execute((trx) => insertHeldBooking(trx, { property_id, start_date, end_date: '2027-11-06' })),
      ),
    );
    expect(attempts.filter((a) => a.status === 'fulfilled')).toHaveLength(1);
    for (const failed of attempts.filter((a) => a.status === 'rejected')) {
      expect(failed.reason).toMatchObject(overlap);
    }
  });
});
