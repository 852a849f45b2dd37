import assert from 'node:assert/strict';
import { decimalPlaces, haversineMeters, isInsideIndia, isValidGeoPoint } from './geo.js';

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

  it('tells points in India from points outside it', () => {
    assert.equal(isInsideIndia({ lat: 20.011245, lng: 73.750912 }), true);
    assert.equal(isInsideIndia({ lat: 8.0883, lng: 77.5385 }), true);
    assert.equal(isInsideIndia({ lat: 51.5072, lng: -0.1276 }), false);
    assert.equal(isInsideIndia({ lat: 20.01, lng: 37.75 }), false);
  });
});
