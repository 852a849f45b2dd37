import assert from 'node:assert/strict';
import { outsideIndiaFindings } from './outside-india-findings.js';

describe('outsideIndiaFindings', () => {
  it('names each point outside India and leaves points in India or without coordinates alone', () => {
    assert.deepEqual(
      outsideIndiaFindings([
        { pointer: '/project/gps', lat: 20.0112, lng: 73.7509 },
        { pointer: '/photos/0', lat: 51.5072, lng: -0.1276 },
        { pointer: '/photos/1', lat: 20.0112 },
      ]),
      [{ message: '51.5072, -0.1276 is outside India', fields: ['/photos/0/lat', '/photos/0/lng'] }],
    );
  });
});
