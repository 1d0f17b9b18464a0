/**
 * Where a search looks, as a window of latitude and longitude (SPEC §5 `bbox` / `near`). Pure geometry on
 * a sphere: no I/O, no SQL. The window is what the (lat, lng) btree index can range-scan; `near` is then
 * narrowed to the circle by the exact great-circle distance.
 */

/** The IUGG mean Earth radius, the usual choice for haversine distances. */
export const EARTH_RADIUS_KM = 6371.0088;

/** The widest `near` circle a search takes. */
export const SEARCH_MAX_RADIUS_KM = 500;
/**
 * A metre: nothing is smaller to search for, and float8 arithmetic on a radius near zero underflows in
 * Postgres (22003) rather than returning nothing.
 */
export const SEARCH_MIN_RADIUS_KM = 0.001;

export interface LngRange {
  min: number;
  max: number;
}

export interface GeoWindow {
  minLat: number;
  maxLat: number;
  /**
   * Longitude ranges the place must fall in (any one of them): one range, two when the window crosses the
   * antimeridian (e.g. [170, 180] and [-180, -170]), or none at all when every longitude qualifies (a
   * circle around a pole).
   */
  lng: LngRange[] | 'any';
}

export interface Bbox {
  minLat: number;
  minLng: number;
  maxLat: number;
  maxLng: number;
}

/** A map window; minLng > maxLng is read as crossing the antimeridian. The caller checks minLat ≤ maxLat. */
export function bboxWindow(bbox: Bbox): GeoWindow {
  const lng =
    bbox.minLng <= bbox.maxLng
      ? [{ min: bbox.minLng, max: bbox.maxLng }]
      : [
          { min: bbox.minLng, max: 180 },
          { min: -180, max: bbox.maxLng },
        ];
  return { minLat: bbox.minLat, maxLat: bbox.maxLat, lng };
}

const toRad = (deg: number) => (deg * Math.PI) / 180;
const toDeg = (rad: number) => (rad * 180) / Math.PI;

/**
 * The smallest latitude/longitude window that holds every point within `radiusKm` of a centre (the
 * bounding box of a spherical cap, after J. P. Matuschek). Near a pole the circle covers every longitude;
 * across the antimeridian the longitude range wraps into two.
 */
export function circleWindow(center: { lat: number; lng: number }, radiusKm: number): GeoWindow {
  const angular = radiusKm / EARTH_RADIUS_KM;
  const minLat = center.lat - toDeg(angular);
  const maxLat = center.lat + toDeg(angular);
  const sinRatio = Math.sin(angular) / Math.cos(toRad(center.lat));
  if (minLat <= -90 || maxLat >= 90 || sinRatio >= 1) {
    return { minLat: Math.max(minLat, -90), maxLat: Math.min(maxLat, 90), lng: 'any' };
  }
  const dLng = toDeg(Math.asin(sinRatio));
  const west = center.lng - dLng;
  const east = center.lng + dLng;
  if (west < -180) {
    return {
      minLat,
      maxLat,
      lng: [
        { min: west + 360, max: 180 },
        { min: -180, max: east },
      ],
    };
  }
  if (east > 180) {
    return {
      minLat,
      maxLat,
      lng: [
        { min: west, max: 180 },
        { min: -180, max: east - 360 },
      ],
    };
  }
  return { minLat, maxLat, lng: [{ min: west, max: east }] };
}

/** Great-circle distance in km (haversine); the SQL in search.queries.ts computes the same formula. */
export function haversineKm(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const dLat = toRad(b.lat - a.lat);
  const dLng = toRad(b.lng - a.lng);
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(toRad(a.lat)) * Math.cos(toRad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}
