import assert from 'node:assert/strict';
import { differsBeyondTolerance } from './structure-rules.js';

describe('project-finance structure rules', () => {
  it('treats a difference within the footing tolerance as equal', () => {
    assert.equal(differsBeyondTolerance(10, 10.01, 0.01), false);
    assert.equal(differsBeyondTolerance(10, 10.02, 0.01), true);
    assert.equal(differsBeyondTolerance(undefined, 10, 0.01), false);
  });
});
