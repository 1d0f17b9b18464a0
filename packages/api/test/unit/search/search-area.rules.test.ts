import { describe, expect, it } from 'vitest';
import {
  bboxWindow,
  circleWindow,
  type GeoWindow,
  haversineKm,
} from '../../../src/domain/search/search-area.rules.ts';

const inWindow = (window: GeoWindow, p: { lat: number; lng: number }) =>
  p.lat >= window.minLat &&
  p.lat <= window.maxLat &&
  (window.lng === 'any' || window.lng.some((range) => p.lng >= range.min && p.lng <= range.max));

/** Points on the circle of radius r around a centre, every 5 degrees of bearing. */
function circle(center: { lat: number; lng: number }, radiusKm: number) {
  const R = 6371.0088;
  const lat1 = (center.lat * Math.PI) / 180;
  const lng1 = (center.lng * Math.PI) / 180;
  const d = radiusKm / R;
  return Array.from({ length: 72 }, (_, i) => {
    const bearing = (i * 5 * Math.PI) / 180;
    const lat2 = Math.asin(Math.sin(lat1) * Math.cos(d) + Math.cos(lat1) * Math.sin(d) * Math.cos(bearing));
    const lng2 =
      lng1 +
      Math.atan2(
        Math.sin(bearing) * Math.sin(d) * Math.cos(lat1),
        Math.cos(d) - Math.sin(lat1) * Math.sin(lat2),
      );
    const lng = (((lng2 * 180) / Math.PI + 540) % 360) - 180;
    return { lat: (lat2 * 180) / Math.PI, lng };
  });
}

describe('circleWindow', () => {
  it.each([
    ['Lisbon, 10 km', { lat: 38.72, lng: -9.14 }, 10],
    ['Reykjavik, 500 km', { lat: 64.15, lng: -21.94 }, 500],
    ['the equator, 300 km', { lat: 0, lng: 0 }, 300],
    ['Taveuni across the antimeridian, 200 km', { lat: -16.8, lng: 179.97 }, 200],
    ['Svalbard near the pole, 500 km', { lat: 86, lng: 15 }, 500],
  ])('holds every point of the circle around %s', (_, center, radiusKm) => {
    const window = circleWindow(center, radiusKm);
    for (const point of circle(center, radiusKm * 0.999)) {
      expect(haversineKm(center, point)).toBeCloseTo(radiusKm * 0.999, 3);
      expect(inWindow(window, point), JSON.stringify(point)).toBe(true);
    }
  });

  it('is tight: no wider in latitude than the radius', () => {
    const window = circleWindow({ lat: 10, lng: 10 }, 111.195);
    expect(window.minLat).toBeCloseTo(9, 3);
    expect(window.maxLat).toBeCloseTo(11, 3);
  });

  it('splits the longitudes in two across the antimeridian and takes all of them around a pole', () => {
    expect(circleWindow({ lat: 0, lng: 179.9 }, 50).lng).toHaveLength(2);
    expect(circleWindow({ lat: 89.9, lng: 0 }, 50).lng).toBe('any');
  });
});

describe('bboxWindow', () => {
  it('keeps a normal box as one longitude range', () => {
    expect(bboxWindow({ minLat: 1, minLng: 2, maxLat: 3, maxLng: 4 })).toEqual({
      minLat: 1,
      maxLat: 3,
      lng: [{ min: 2, max: 4 }],
    });
  });

  it('reads minLng > maxLng as a box across the antimeridian', () => {
    expect(bboxWindow({ minLat: -20, minLng: 170, maxLat: -10, maxLng: -170 }).lng).toEqual([
      { min: 170, max: 180 },
      { min: -180, max: -170 },
    ]);
  });
});
