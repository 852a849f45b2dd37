import assert from 'node:assert/strict';
import { isDatabaseUnavailable } from './database-unavailable.js';

const withCode = (code: string, message = 'failed') => Object.assign(new Error(message), { code });

describe('isDatabaseUnavailable', () => {
  it('knows a server that is shutting down, refuses connections, or a pool that timed out', () => {
    assert.equal(isDatabaseUnavailable(withCode('57P01', 'terminating connection due to administrator command')), true);
    assert.equal(isDatabaseUnavailable(withCode('ECONNREFUSED')), true);
    assert.equal(isDatabaseUnavailable(withCode('08006')), true);
    assert.equal(
      isDatabaseUnavailable(
        Object.assign(new Error('Knex: Timeout acquiring a connection. The pool is probably full.'), {
          name: 'KnexTimeoutError',
        }),
      ),
      true,
    );
    assert.equal(isDatabaseUnavailable(new Error('Connection terminated unexpectedly')), true);
    assert.equal(isDatabaseUnavailable(new Error('wrapped', { cause: withCode('ECONNRESET') })), true);
  });

  it('leaves query faults and other errors alone', () => {
    assert.equal(isDatabaseUnavailable(withCode('23505', 'duplicate key value violates unique constraint')), false);
    assert.equal(isDatabaseUnavailable(withCode('42P01', 'relation does not exist')), false);
    assert.equal(isDatabaseUnavailable(new TypeError('x is undefined')), false);
    assert.equal(isDatabaseUnavailable('ECONNREFUSED'), false);
  });
});
