import { describe, expect, it } from 'vitest';
import { bookingLayoutStatus } from '../../src/layouts/partition-bookings.ts';
import { testLayout, useTestDatabase } from '../../src/testing/index.ts';

const { db } = await useTestDatabase();

/**
 * STAYHUB_TEST_LAYOUT reaches the databases test files get: a run that asks for partitioned-bookings (the
 * nested run of packages/db/test/e2e/partitioned-booking-suite.test.ts) really tests against it.
 */
describe('the test database layout', () => {
  it('is the one STAYHUB_TEST_LAYOUT names: bookings partitioned only for partitioned-bookings', async () => {
    const status = await bookingLayoutStatus(db);
    expect(status.layout).toBe(testLayout() === 'partitioned-bookings' ? 'partitioned' : 'unpartitioned');
  });

  it('refuses a layout name it does not know instead of testing the migrated schema under that name', () => {
    expect(testLayout('')).toBe('migrated');
    expect(testLayout('partitioned-bookings')).toBe('partitioned-bookings');
    expect(() => testLayout('partitioned')).toThrow('STAYHUB_TEST_LAYOUT must be one of');
  });
});
