import type { DB, Occupancy, Properties } from '@stayhub/db';
import type { Insertable, Transaction } from 'kysely';
import { addDays } from '../domain/shared/dates.ts';
import { occupancyIds, photoId, propertyIds, userIds } from './ids.ts';
import { atUtc } from './instants.ts';

/** A demo listing: its row (less the ids and timestamps), photos and amenity codes. */
export interface DemoProperty {
  id: string;
  /** 1-based; numbers the photo ids. */
  index: number;
  slug: string;
  /** Days before `today` the listing was created (and, when listed, published a day later). */
  createdDaysAgo: number;
  row: Omit<
    Insertable<Properties>,
    'property_id' | 'created_at' | 'updated_at' | 'listed_at' | 'rating_avg'
  > & {
    host_id: string;
    price_per_night_cents: number;
    cleaning_fee_cents: number;
    currency: string;
    status: 'listed' | 'draft';
  };
  photoCaptions: readonly string[];
  amenities: readonly string[];
}

/** Money is in minor units of the currency: cents for EUR/USD/ZAR/MXN, whole yen and krónur for JPY/ISK. */
export const demoProperties: readonly DemoProperty[] = [
  {
    id: propertyIds.lisbon,
    index: 1,
    slug: 'lisbon-alfama',
    createdDaysAgo: 600,
    row: {
      host_id: userIds.hana,
      name: 'Sunny Alfama apartment with river views',
      description:
        'A bright two-bedroom flat on a quiet lane in Alfama, five minutes from the 28 tram. Tiled floors, a balcony over the Tagus and a kitchen stocked for long stays.',
      property_type: 'apartment',
      address: 'Rua de São Miguel 21, 2º',
      city: 'Lisbon',
      region: 'Lisboa',
      country: 'PT',
      lat: 38.7113,
      lng: -9.1298,
      timezone: 'Europe/Lisbon',
      price_per_night_cents: 9_500,
      cleaning_fee_cents: 3_500,
      currency: 'EUR',
      max_guests: 4,
      bedrooms: 2,
      beds: 2,
      bathrooms: 1,
      min_nights: 2,
      max_nights: 28,
      instant_book: true,
      cancellation_policy: 'flexible',
      status: 'listed',
    },
    photoCaptions: ['Living room with river view', 'Main bedroom', 'Kitchen', 'Balcony at sunset'],
    amenities: ['wifi', 'kitchen', 'washer', 'heating', 'workspace', 'self_check_in', 'smoke_alarm'],
  },
  {
    id: propertyIds.porto,
    index: 2,
    slug: 'porto-ribeira',
    createdDaysAgo: 540,
    row: {
      host_id: userIds.hana,
      name: 'Ribeira townhouse steps from the Douro',
      description:
        'A narrow, tall 19th-century townhouse in Ribeira with three bedrooms over four floors, azulejo facade and a roof terrace facing the port cellars.',
      property_type: 'house',
      address: 'Rua da Fonte Taurina 48',
      city: 'Porto',
      region: 'Porto',
      country: 'PT',
      lat: 41.1406,
      lng: -8.6127,
      timezone: 'Europe/Lisbon',
      price_per_night_cents: 13_000,
      cleaning_fee_cents: 5_000,
      currency: 'EUR',
      max_guests: 6,
      bedrooms: 3,
      beds: 4,
      bathrooms: 2,
      min_nights: 2,
      max_nights: 30,
      instant_book: false,
      cancellation_policy: 'moderate',
      status: 'listed',
    },
    photoCaptions: ['Facade', 'Roof terrace', 'Family room'],
    amenities: ['wifi', 'kitchen', 'washer', 'dryer', 'tv', 'heating', 'crib', 'smoke_alarm'],
  },
  {
    id: propertyIds.paris,
    index: 3,
    slug: 'paris-marais',
    createdDaysAgo: 480,
    row: {
      host_id: userIds.hana,
      name: 'Marais loft near Place des Vosges',
      description:
        'A top-floor loft with exposed beams in the heart of the Marais: bakeries downstairs, museums around the corner, and a lift (rare in Paris).',
      property_type: 'apartment',
      address: '12 Rue de Turenne',
      city: 'Paris',
      region: 'Île-de-France',
      country: 'FR',
      lat: 48.8556,
      lng: 2.3639,
      timezone: 'Europe/Paris',
      price_per_night_cents: 18_500,
      cleaning_fee_cents: 6_000,
      currency: 'EUR',
      max_guests: 3,
      bedrooms: 1,
      beds: 2,
      bathrooms: 1,
      min_nights: 3,
      max_nights: 30,
      instant_book: true,
      cancellation_policy: 'moderate',
      status: 'listed',
    },
    photoCaptions: ['Loft under the beams', 'Bedroom', 'Rue de Turenne from the window'],
    amenities: ['wifi', 'kitchen', 'heating', 'tv', 'workspace', 'smoke_alarm'],
  },
  {
    id: propertyIds.kyoto,
    index: 4,
    slug: 'kyoto-machiya',
    createdDaysAgo: 450,
    row: {
      host_id: userIds.hana,
      name: 'Quiet machiya in Higashiyama',
      description:
        'A restored wooden townhouse with a moss garden, tatami rooms and a cypress bath, a short walk from Kiyomizu-dera and Gion.',
      property_type: 'house',
      address: '2-14 Matsubara-dori, Higashiyama-ku',
      city: 'Kyoto',
      region: 'Kyoto',
      country: 'JP',
      lat: 34.9966,
      lng: 135.7782,
      timezone: 'Asia/Tokyo',
      price_per_night_cents: 28_000,
      cleaning_fee_cents: 6_000,
      currency: 'JPY',
      max_guests: 4,
      bedrooms: 2,
      beds: 3,
      bathrooms: 1,
      min_nights: 2,
      max_nights: 14,
      instant_book: false,
      cancellation_policy: 'strict',
      status: 'listed',
    },
    photoCaptions: ['Moss garden', 'Tatami room', 'Cypress bath'],
    amenities: ['wifi', 'air_conditioning', 'heating', 'self_check_in', 'first_aid_kit', 'smoke_alarm'],
  },
  {
    id: propertyIds.newYork,
    index: 5,
    slug: 'new-york-brooklyn',
    createdDaysAgo: 420,
    row: {
      host_id: userIds.mateo,
      name: 'Private room in a Brooklyn brownstone',
      description:
        'A calm private room with its own bathroom on the parlor floor of a Cobble Hill brownstone; the F train is four blocks away.',
      property_type: 'room',
      address: '214 Clinton Street, Brooklyn',
      city: 'New York',
      region: 'NY',
      country: 'US',
      lat: 40.6886,
      lng: -73.9935,
      timezone: 'America/New_York',
      price_per_night_cents: 11_000,
      cleaning_fee_cents: 2_500,
      currency: 'USD',
      max_guests: 2,
      bedrooms: 1,
      beds: 1,
      bathrooms: 1,
      min_nights: 1,
      max_nights: 14,
      instant_book: true,
      cancellation_policy: 'flexible',
      status: 'listed',
    },
    photoCaptions: ['Bedroom', 'Private bathroom'],
    amenities: ['wifi', 'heating', 'air_conditioning', 'workspace', 'smoke_alarm', 'carbon_monoxide_alarm'],
  },
  {
    id: propertyIds.capeTown,
    index: 6,
    slug: 'cape-town-camps-bay',
    createdDaysAgo: 400,
    row: {
      host_id: userIds.mateo,
      name: 'Camps Bay villa with ocean pool',
      description:
        'Four bedrooms under the Twelve Apostles with an infinity pool, a braai deck and a two-minute walk to the beach.',
      property_type: 'villa',
      address: '5 Theresa Avenue, Camps Bay',
      city: 'Cape Town',
      region: 'Western Cape',
      country: 'ZA',
      lat: -33.9508,
      lng: 18.3776,
      timezone: 'Africa/Johannesburg',
      price_per_night_cents: 450_000,
      cleaning_fee_cents: 80_000,
      currency: 'ZAR',
      max_guests: 8,
      bedrooms: 4,
      beds: 5,
      bathrooms: 3.5,
      min_nights: 3,
      max_nights: 60,
      instant_book: false,
      cancellation_policy: 'strict',
      status: 'listed',
    },
    photoCaptions: ['Pool and ocean', 'Living area', 'Main suite', 'Braai deck'],
    amenities: [
      'wifi',
      'kitchen',
      'pool',
      'free_parking',
      'beach_access',
      'air_conditioning',
      'washer',
      'tv',
    ],
  },
  {
    id: propertyIds.mexicoCity,
    index: 7,
    slug: 'mexico-city-roma-norte',
    createdDaysAgo: 360,
    row: {
      host_id: userIds.mateo,
      name: 'Roma Norte apartment with terrace',
      description:
        'An Art Deco apartment on a leafy street in Roma Norte with a private terrace, fast wifi and the best tacos al pastor on the corner.',
      property_type: 'apartment',
      address: 'Calle Colima 160, Roma Norte, Cuauhtémoc',
      city: 'Mexico City',
      region: 'Ciudad de México',
      country: 'MX',
      lat: 19.418,
      lng: -99.162,
      timezone: 'America/Mexico_City',
      price_per_night_cents: 180_000,
      cleaning_fee_cents: 35_000,
      currency: 'MXN',
      max_guests: 4,
      bedrooms: 2,
      beds: 2,
      bathrooms: 1.5,
      min_nights: 2,
      max_nights: 90,
      instant_book: true,
      cancellation_policy: 'moderate',
      status: 'listed',
    },
    photoCaptions: ['Terrace', 'Living room', 'Bedroom'],
    amenities: ['wifi', 'kitchen', 'workspace', 'washer', 'self_check_in'],
  },
  {
    id: propertyIds.reykjavik,
    index: 8,
    slug: 'reykjavik-ellidavatn',
    createdDaysAgo: 300,
    row: {
      host_id: userIds.mateo,
      name: 'Lakeside cabin with northern-lights views',
      description:
        'A timber cabin on Lake Elliðavatn, twenty minutes from downtown Reykjavík, with a wood stove, a hot tub and dark skies for the aurora.',
      property_type: 'cabin',
      address: 'Elliðavatnsvegur 12',
      city: 'Reykjavík',
      region: 'Capital Region',
      country: 'IS',
      lat: 64.088,
      lng: -21.781,
      timezone: 'Atlantic/Reykjavik',
      price_per_night_cents: 32_000,
      cleaning_fee_cents: 9_000,
      currency: 'ISK',
      max_guests: 4,
      bedrooms: 2,
      beds: 3,
      bathrooms: 1,
      min_nights: 2,
      max_nights: 21,
      instant_book: true,
      cancellation_policy: 'flexible',
      status: 'listed',
    },
    photoCaptions: ['Cabin by the lake', 'Hot tub under the aurora', 'Wood stove'],
    amenities: ['wifi', 'kitchen', 'heating', 'fireplace', 'hot_tub', 'free_parking', 'first_aid_kit'],
  },
  {
    id: propertyIds.sintraDraft,
    index: 9,
    slug: 'sintra-garden-cottage',
    createdDaysAgo: 10,
    row: {
      host_id: userIds.hana,
      name: 'Garden cottage below the Pena Palace',
      description: 'Still being furnished: a stone cottage with a walled garden in the hills of Sintra.',
      property_type: 'cabin',
      address: 'Rua Visconde de Monserrate 3',
      city: 'Sintra',
      region: 'Lisboa',
      country: 'PT',
      lat: 38.7979,
      lng: -9.388,
      timezone: 'Europe/Lisbon',
      price_per_night_cents: 11_000,
      cleaning_fee_cents: 4_000,
      currency: 'EUR',
      max_guests: 2,
      bedrooms: 1,
      beds: 1,
      bathrooms: 1,
      min_nights: 2,
      max_nights: 30,
      instant_book: false,
      cancellation_policy: 'moderate',
      status: 'draft',
    },
    photoCaptions: ['Garden', 'Stone facade'],
    amenities: ['wifi', 'heating', 'fireplace'],
  },
];

export function demoProperty(id: string): DemoProperty {
  const property = demoProperties.find((p) => p.id === id);
  if (!property) throw new Error(`no demo property ${id}`);
  return property;
}

/** The catalog's amenity id for each code the demo uses (the migration inserted the catalog). */
async function amenityLookup(trx: Transaction<DB>): Promise<(code: string) => string> {
  const codes = [...new Set(demoProperties.flatMap((p) => p.amenities))];
  const rows = await trx
    .selectFrom('amenities')
    .select(['amenity_id', 'code'])
    .where('code', 'in', codes)
    .execute();
  const byCode = new Map(rows.map((r) => [r.code, r.amenity_id]));
  return (code) => {
    const id = byCode.get(code);
    if (id === undefined) throw new Error(`the amenity catalog has no '${code}'`);
    return id;
  };
}

/** Dates a host closed on their calendar (kind 'block': no booking behind them). */
function hostBlocks(today: string): Insertable<Occupancy>[] {
  return [
    {
      occupancy_id: occupancyIds.newYorkBlock,
      property_id: propertyIds.newYork,
      kind: 'block',
      booking_id: null,
      start_date: addDays(today, 7),
      end_date: addDays(today, 10),
      note: 'Family visiting',
      created_at: atUtc(addDays(today, -3), '19:00'),
    },
  ];
}

/** Inserts the demo listings that are not there yet, with their photos, amenities and host blocks. */
export async function seedProperties(trx: Transaction<DB>, today: string): Promise<number> {
  const amenityId = await amenityLookup(trx);
  const inserted = await trx
    .insertInto('properties')
    .values(
      demoProperties.map((p): Insertable<Properties> => {
        const created = atUtc(addDays(today, -p.createdDaysAgo), '10:00');
        return {
          ...p.row,
          property_id: p.id,
          listed_at: p.row.status === 'listed' ? atUtc(addDays(today, -p.createdDaysAgo + 1), '08:30') : null,
          created_at: created,
          updated_at: created,
        };
      }),
    )
    .onConflict((oc) => oc.column('property_id').doNothing())
    .returning('property_id')
    .execute();

  // The rest only for listings created now: a host may have edited an older seed since (and a block
  // put back on a calendar could collide with a booking made in the meantime).
  const fresh = demoProperties.filter((p) => inserted.some((r) => r.property_id === p.id));
  if (fresh.length === 0) return 0;
  await trx
    .insertInto('property_photos')
    .values(
      fresh.flatMap((p) =>
        p.photoCaptions.map((caption, position) => ({
          photo_id: photoId(p.index, position),
          property_id: p.id,
          url: `https://images.stayhub.test/${p.slug}-${position + 1}.jpg`,
          caption,
          position,
          created_at: atUtc(addDays(today, -p.createdDaysAgo), '10:05'),
        })),
      ),
    )
    .onConflict((oc) => oc.column('photo_id').doNothing())
    .execute();
  await trx
    .insertInto('property_amenities')
    .values(
      fresh.flatMap((p) => p.amenities.map((code) => ({ property_id: p.id, amenity_id: amenityId(code) }))),
    )
    .onConflict((oc) => oc.columns(['property_id', 'amenity_id']).doNothing())
    .execute();
  const blocks = hostBlocks(today).filter((b) => fresh.some((p) => p.id === b.property_id));
  if (blocks.length > 0) {
    await trx
      .insertInto('occupancy')
      .values(blocks)
      .onConflict((oc) => oc.column('occupancy_id').doNothing())
      .execute();
  }
  return inserted.length;
}
