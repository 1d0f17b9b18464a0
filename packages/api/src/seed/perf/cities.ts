/**
 * The ~50 cities the perf seed clusters listings around. `nightly` is a typical nightly price in minor
 * units of the local currency (JPY, KRW and ISK have none, so those are whole yen, won and krónur);
 * `weight` is how many listings a city gets relative to the others.
 */
export interface PerfCity {
  name: string;
  region: string;
  country: string;
  lat: number;
  lng: number;
  timezone: string;
  currency: string;
  nightly: number;
  weight: number;
  neighbourhoods: readonly string[];
}

const city = (
  name: string,
  region: string,
  country: string,
  lat: number,
  lng: number,
  timezone: string,
  currency: string,
  nightly: number,
  weight: number,
  neighbourhoods: readonly string[],
): PerfCity => ({ name, region, country, lat, lng, timezone, currency, nightly, weight, neighbourhoods });

export const perfCities: readonly PerfCity[] = [
  city('Lisbon', 'Lisboa', 'PT', 38.7223, -9.1393, 'Europe/Lisbon', 'EUR', 9_000, 3, [
    'Alfama',
    'Baixa',
    'Chiado',
    'Belém',
  ]),
  city('Porto', 'Porto', 'PT', 41.1579, -8.6291, 'Europe/Lisbon', 'EUR', 8_000, 2, [
    'Ribeira',
    'Bonfim',
    'Foz',
  ]),
  city('Madrid', 'Comunidad de Madrid', 'ES', 40.4168, -3.7038, 'Europe/Madrid', 'EUR', 9_500, 2, [
    'Malasaña',
    'Lavapiés',
    'Salamanca',
  ]),
  city('Barcelona', 'Catalonia', 'ES', 41.3874, 2.1686, 'Europe/Madrid', 'EUR', 12_000, 3, [
    'Gràcia',
    'El Born',
    'Eixample',
  ]),
  city('Paris', 'Île-de-France', 'FR', 48.8566, 2.3522, 'Europe/Paris', 'EUR', 15_000, 3, [
    'Le Marais',
    'Montmartre',
    'Saint-Germain',
  ]),
  city('Nice', "Provence-Alpes-Côte d'Azur", 'FR', 43.7102, 7.262, 'Europe/Paris', 'EUR', 13_000, 1, [
    'Vieux Nice',
    'Cimiez',
  ]),
  city('London', 'England', 'GB', 51.5072, -0.1276, 'Europe/London', 'GBP', 14_000, 3, [
    'Shoreditch',
    'Notting Hill',
    'Camden',
  ]),
  city('Edinburgh', 'Scotland', 'GB', 55.9533, -3.1883, 'Europe/London', 'GBP', 11_000, 1, [
    'Old Town',
    'Leith',
  ]),
  city('Dublin', 'Leinster', 'IE', 53.3498, -6.2603, 'Europe/Dublin', 'EUR', 13_000, 1, [
    'Temple Bar',
    'Ranelagh',
  ]),
  city('Amsterdam', 'North Holland', 'NL', 52.3676, 4.9041, 'Europe/Amsterdam', 'EUR', 16_000, 2, [
    'Jordaan',
    'De Pijp',
  ]),
  city('Berlin', 'Berlin', 'DE', 52.52, 13.405, 'Europe/Berlin', 'EUR', 9_000, 2, [
    'Kreuzberg',
    'Mitte',
    'Neukölln',
  ]),
  city('Munich', 'Bavaria', 'DE', 48.1351, 11.582, 'Europe/Berlin', 'EUR', 12_000, 1, [
    'Schwabing',
    'Haidhausen',
  ]),
  city('Vienna', 'Vienna', 'AT', 48.2082, 16.3738, 'Europe/Vienna', 'EUR', 10_000, 1, [
    'Innere Stadt',
    'Neubau',
  ]),
  city('Prague', 'Prague', 'CZ', 50.0755, 14.4378, 'Europe/Prague', 'CZK', 220_000, 2, [
    'Malá Strana',
    'Vinohrady',
  ]),
  city('Rome', 'Lazio', 'IT', 41.9028, 12.4964, 'Europe/Rome', 'EUR', 12_000, 3, [
    'Trastevere',
    'Monti',
    'Prati',
  ]),
  city('Florence', 'Tuscany', 'IT', 43.7696, 11.2558, 'Europe/Rome', 'EUR', 13_000, 1, [
    'Oltrarno',
    'Santa Croce',
  ]),
  city('Venice', 'Veneto', 'IT', 45.4408, 12.3155, 'Europe/Rome', 'EUR', 16_000, 1, [
    'Cannaregio',
    'Dorsoduro',
  ]),
  city('Athens', 'Attica', 'GR', 37.9838, 23.7275, 'Europe/Athens', 'EUR', 8_000, 2, ['Plaka', 'Koukaki']),
  city('Istanbul', 'Istanbul', 'TR', 41.0082, 28.9784, 'Europe/Istanbul', 'TRY', 300_000, 2, [
    'Beyoğlu',
    'Kadıköy',
  ]),
  city('Copenhagen', 'Capital Region', 'DK', 55.6761, 12.5683, 'Europe/Copenhagen', 'DKK', 110_000, 1, [
    'Nørrebro',
    'Vesterbro',
  ]),
  city('Stockholm', 'Stockholm County', 'SE', 59.3293, 18.0686, 'Europe/Stockholm', 'SEK', 140_000, 1, [
    'Södermalm',
    'Gamla stan',
  ]),
  city('Reykjavik', 'Capital Region', 'IS', 64.1466, -21.9426, 'Atlantic/Reykjavik', 'ISK', 25_000, 1, [
    'Miðborg',
    'Vesturbær',
  ]),
  city('New York', 'New York', 'US', 40.7128, -74.006, 'America/New_York', 'USD', 20_000, 3, [
    'Brooklyn',
    'Harlem',
    'SoHo',
  ]),
  city('Los Angeles', 'California', 'US', 34.0522, -118.2437, 'America/Los_Angeles', 'USD', 18_000, 2, [
    'Venice Beach',
    'Silver Lake',
  ]),
  city('San Francisco', 'California', 'US', 37.7749, -122.4194, 'America/Los_Angeles', 'USD', 21_000, 1, [
    'Mission',
    'Nob Hill',
  ]),
  city('Chicago', 'Illinois', 'US', 41.8781, -87.6298, 'America/Chicago', 'USD', 15_000, 1, [
    'Wicker Park',
    'Lincoln Park',
  ]),
  city('Miami', 'Florida', 'US', 25.7617, -80.1918, 'America/New_York', 'USD', 19_000, 2, [
    'South Beach',
    'Wynwood',
  ]),
  city('New Orleans', 'Louisiana', 'US', 29.9511, -90.0715, 'America/Chicago', 'USD', 14_000, 1, [
    'French Quarter',
    'Marigny',
  ]),
  city('Honolulu', 'Hawaii', 'US', 21.3069, -157.8583, 'Pacific/Honolulu', 'USD', 25_000, 1, [
    'Waikiki',
    'Kaimuki',
  ]),
  city('Toronto', 'Ontario', 'CA', 43.6532, -79.3832, 'America/Toronto', 'CAD', 17_000, 1, [
    'Kensington',
    'Leslieville',
  ]),
  city('Vancouver', 'British Columbia', 'CA', 49.2827, -123.1207, 'America/Vancouver', 'CAD', 19_000, 1, [
    'Kitsilano',
    'Gastown',
  ]),
  city('Mexico City', 'Ciudad de México', 'MX', 19.4326, -99.1332, 'America/Mexico_City', 'MXN', 150_000, 2, [
    'Roma Norte',
    'Condesa',
    'Coyoacán',
  ]),
  city('Cancún', 'Quintana Roo', 'MX', 21.1619, -86.8515, 'America/Cancun', 'MXN', 250_000, 1, [
    'Zona Hotelera',
    'Centro',
  ]),
  city('Rio de Janeiro', 'Rio de Janeiro', 'BR', -22.9068, -43.1729, 'America/Sao_Paulo', 'BRL', 45_000, 2, [
    'Copacabana',
    'Santa Teresa',
  ]),
  city(
    'Buenos Aires',
    'Buenos Aires',
    'AR',
    -34.6037,
    -58.3816,
    'America/Argentina/Buenos_Aires',
    'USD',
    7_000,
    1,
    ['Palermo', 'San Telmo'],
  ),
  city('Lima', 'Lima', 'PE', -12.0464, -77.0428, 'America/Lima', 'PEN', 25_000, 1, [
    'Miraflores',
    'Barranco',
  ]),
  city('Cape Town', 'Western Cape', 'ZA', -33.9249, 18.4241, 'Africa/Johannesburg', 'ZAR', 180_000, 1, [
    'Bo-Kaap',
    'Sea Point',
  ]),
  city('Marrakesh', 'Marrakesh-Safi', 'MA', 31.6295, -7.9811, 'Africa/Casablanca', 'MAD', 90_000, 1, [
    'Medina',
    'Gueliz',
  ]),
  city('Dubai', 'Dubai', 'AE', 25.2048, 55.2708, 'Asia/Dubai', 'AED', 60_000, 1, ['Marina', 'Deira']),
  city('Mumbai', 'Maharashtra', 'IN', 19.076, 72.8777, 'Asia/Kolkata', 'INR', 600_000, 1, [
    'Bandra',
    'Colaba',
  ]),
  city('Bangkok', 'Bangkok', 'TH', 13.7563, 100.5018, 'Asia/Bangkok', 'THB', 200_000, 2, [
    'Sukhumvit',
    'Silom',
  ]),
  city('Denpasar', 'Bali', 'ID', -8.65, 115.2167, 'Asia/Makassar', 'USD', 9_000, 2, ['Sanur', 'Renon']),
  city('Singapore', 'Singapore', 'SG', 1.3521, 103.8198, 'Asia/Singapore', 'SGD', 25_000, 1, [
    'Tiong Bahru',
    'Katong',
  ]),
  city('Hong Kong', 'Hong Kong', 'HK', 22.3193, 114.1694, 'Asia/Hong_Kong', 'HKD', 120_000, 1, [
    'Sheung Wan',
    'Mong Kok',
  ]),
  city('Tokyo', 'Tokyo', 'JP', 35.6762, 139.6503, 'Asia/Tokyo', 'JPY', 18_000, 3, [
    'Shibuya',
    'Asakusa',
    'Shimokitazawa',
  ]),
  city('Kyoto', 'Kyoto', 'JP', 35.0116, 135.7681, 'Asia/Tokyo', 'JPY', 20_000, 1, ['Gion', 'Higashiyama']),
  city('Seoul', 'Seoul', 'KR', 37.5665, 126.978, 'Asia/Seoul', 'KRW', 150_000, 2, ['Hongdae', 'Itaewon']),
  city('Sydney', 'New South Wales', 'AU', -33.8688, 151.2093, 'Australia/Sydney', 'AUD', 22_000, 2, [
    'Surry Hills',
    'Bondi',
  ]),
  city('Auckland', 'Auckland', 'NZ', -36.8485, 174.7633, 'Pacific/Auckland', 'NZD', 18_000, 1, [
    'Ponsonby',
    'Devonport',
  ]),
  // Close to the antimeridian: its jitter lands some listings on both sides of ±180°.
  city('Taveuni', 'Northern', 'FJ', -16.8, 179.97, 'Pacific/Fiji', 'FJD', 30_000, 1, ['Matei', 'Waiyevo']),
];
