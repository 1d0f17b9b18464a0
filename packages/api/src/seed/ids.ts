/**
 * The demo data's fixed primary keys, so every run and every machine seeds the same rows and a re-run
 * finds them already there. All are valid v4 UUIDs (version nibble 4, variant 8); the last group reads
 * `<table><nn>`: users 1xx, properties 2xx, bookings 3xx, occupancy 4xx, payments 5xx, payouts 6xx,
 * reviews 7xx, conversations 8xx, messages 9xx, notifications 10xx, photos 11<property><position>.
 */
export const userIds = {
  admin: '00000000-0000-4000-8000-000000000101',
  hana: '00000000-0000-4000-8000-000000000102',
  mateo: '00000000-0000-4000-8000-000000000103',
  amara: '00000000-0000-4000-8000-000000000104',
  lucas: '00000000-0000-4000-8000-000000000105',
  sofia: '00000000-0000-4000-8000-000000000106',
} as const;

export const propertyIds = {
  lisbon: '00000000-0000-4000-8000-000000000201',
  porto: '00000000-0000-4000-8000-000000000202',
  paris: '00000000-0000-4000-8000-000000000203',
  kyoto: '00000000-0000-4000-8000-000000000204',
  newYork: '00000000-0000-4000-8000-000000000205',
  capeTown: '00000000-0000-4000-8000-000000000206',
  mexicoCity: '00000000-0000-4000-8000-000000000207',
  reykjavik: '00000000-0000-4000-8000-000000000208',
  sintraDraft: '00000000-0000-4000-8000-000000000209',
} as const;

export const bookingIds = {
  lisbonRecent: '00000000-0000-4000-8000-000000000301',
  lisbonEarlier: '00000000-0000-4000-8000-000000000302',
  kyotoPast: '00000000-0000-4000-8000-000000000303',
  parisUpcoming: '00000000-0000-4000-8000-000000000304',
  portoRequest: '00000000-0000-4000-8000-000000000305',
  capeTownCanceled: '00000000-0000-4000-8000-000000000306',
  reykjavikPending: '00000000-0000-4000-8000-000000000307',
} as const;

export const occupancyIds = {
  lisbonRecent: '00000000-0000-4000-8000-000000000401',
  lisbonEarlier: '00000000-0000-4000-8000-000000000402',
  kyotoPast: '00000000-0000-4000-8000-000000000403',
  parisUpcoming: '00000000-0000-4000-8000-000000000404',
  portoRequest: '00000000-0000-4000-8000-000000000405',
  reykjavikPending: '00000000-0000-4000-8000-000000000407',
  newYorkBlock: '00000000-0000-4000-8000-000000000408',
} as const;

export const paymentIds = {
  lisbonRecentCharge: '00000000-0000-4000-8000-000000000501',
  lisbonEarlierCharge: '00000000-0000-4000-8000-000000000502',
  kyotoPastCharge: '00000000-0000-4000-8000-000000000503',
  parisUpcomingCharge: '00000000-0000-4000-8000-000000000504',
  capeTownCanceledCharge: '00000000-0000-4000-8000-000000000506',
  capeTownCanceledRefund: '00000000-0000-4000-8000-000000000516',
} as const;

export const payoutIds = {
  lisbonRecent: '00000000-0000-4000-8000-000000000601',
  lisbonEarlier: '00000000-0000-4000-8000-000000000602',
  kyotoPast: '00000000-0000-4000-8000-000000000603',
  parisUpcoming: '00000000-0000-4000-8000-000000000604',
  capeTownCanceled: '00000000-0000-4000-8000-000000000606',
} as const;

export const reviewIds = {
  lisbonRecent: '00000000-0000-4000-8000-000000000701',
  lisbonEarlier: '00000000-0000-4000-8000-000000000702',
  kyotoPast: '00000000-0000-4000-8000-000000000703',
} as const;

export const conversationIds = {
  parisUpcoming: '00000000-0000-4000-8000-000000000801',
} as const;

export const messageIds = {
  parisQuestion: '00000000-0000-4000-8000-000000000901',
  parisAnswer: '00000000-0000-4000-8000-000000000902',
  parisThanks: '00000000-0000-4000-8000-000000000903',
} as const;

export const notificationIds = {
  parisConfirmed: '00000000-0000-4000-8000-000000001001',
  portoRequested: '00000000-0000-4000-8000-000000001002',
} as const;

/** Photo `position` (0-based) of the property at `propertyIndex` (1-based, as in `propertyIds`). */
export function photoId(propertyIndex: number, position: number): string {
  const suffix = `11${String(propertyIndex).padStart(2, '0')}${String(position).padStart(2, '0')}`;
  return `00000000-0000-4000-8000-${suffix.padStart(12, '0')}`;
}
