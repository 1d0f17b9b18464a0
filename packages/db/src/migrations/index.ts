import type { Migration } from 'kysely';
import * as m0001 from './2026_11_23_0001_extensions.ts';
import * as m0002 from './2026_11_23_0002_users_sessions.ts';
import * as m0003 from './2026_11_23_0003_properties.ts';
import * as m0004 from './2026_11_23_0004_bookings_occupancy.ts';
import * as m0005 from './2026_11_23_0005_payments_payouts.ts';
import * as m0006 from './2026_11_23_0006_reviews.ts';
import * as m0007 from './2026_11_23_0007_messaging_notifications.ts';
import * as m0008 from './2026_11_23_0008_user_admin_search.ts';
import * as m0010 from './2026_11_23_0010_search_indexes.ts';
import * as m0011 from './2026_11_23_0011_worker_registry.ts';
import * as m0012 from './2026_11_23_0012_booking_policy_snapshot.ts';
import * as m0013 from './2026_12_04_0013_payment_simulator.ts';
import * as m0014 from './2026_12_04_0014_cache_epoch.ts';
import * as m0020 from './2026_12_07_0020_prices_by_date.ts';
import * as m0021 from './2026_12_07_0021_house_rules.ts';
import * as m0022 from './2026_12_07_0022_wishlists.ts';
import * as m0040 from './2026_12_07_0040_blind_reviews.ts';
import * as m0041 from './2026_12_07_0041_moderation_audit.ts';
import * as m0050 from './2026_12_07_0050_notification_email_preferences.ts';
import * as m0051 from './2026_12_07_0051_email_change_tokens.ts';
import * as m0052 from './2026_12_07_0052_user_deletion.ts';

/** Every migration, in order. Append new files here; never edit an applied one. */
export const migrations: Record<string, Migration> = {
  '2026_11_23_0001_extensions': m0001,
  '2026_11_23_0002_users_sessions': m0002,
  '2026_11_23_0003_properties': m0003,
  '2026_11_23_0004_bookings_occupancy': m0004,
  '2026_11_23_0005_payments_payouts': m0005,
  '2026_11_23_0006_reviews': m0006,
  '2026_11_23_0007_messaging_notifications': m0007,
  '2026_11_23_0008_user_admin_search': m0008,
  '2026_11_23_0010_search_indexes': m0010,
  '2026_11_23_0011_worker_registry': m0011,
  '2026_11_23_0012_booking_policy_snapshot': m0012,
  '2026_12_04_0013_payment_simulator': m0013,
  '2026_12_04_0014_cache_epoch': m0014,
  '2026_12_07_0020_prices_by_date': m0020,
  '2026_12_07_0021_house_rules': m0021,
  '2026_12_07_0022_wishlists': m0022,
  '2026_12_07_0040_blind_reviews': m0040,
  '2026_12_07_0041_moderation_audit': m0041,
  '2026_12_07_0050_notification_email_preferences': m0050,
  '2026_12_07_0051_email_change_tokens': m0051,
  '2026_12_07_0052_user_deletion': m0052,
};
