import assert from 'node:assert/strict';
import { decimalPlaces, haversineMeters, isValidGeoPoint } from './geo.js';

describe('geo', () => {
  it('measures short distances in metres', () => {
    const distance = haversineMeters({ lat: 20.011245, lng: 73.750912 }, { lat: 20.011201, lng: 73.75093 });
    assert.ok(distance > 4 && distance < 6, String(distance));
  });

  it('checks ranges and precision', () => {
    assert.equal(isValidGeoPoint({ lat: 91, lng: 0 }), false);
    assert.equal(decimalPlaces(20.011245), 6);
    assert.equal(decimalPlaces(73), 0);
  });
});
