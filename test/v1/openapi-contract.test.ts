import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { API_ERROR_CODES, formatOpenApiDocument, openApiDocument } from '@repogen/core';
import { createTestHost, type TestHost } from '../support/test-host.js';

const COMMITTED = path.resolve(import.meta.dirname, '../../openapi.json');

interface Operation {
  responses?: Record<string, { schema?: { $ref?: string } }>;
}

describe('the committed openapi.json', function () {
  this.timeout(60_000);
  let host: TestHost;

  before(async () => {
    host = await createTestHost();
  });
  after(() => host?.close());

  it('is what the routes make (run npm run openapi after a reviewed contract change)', async () => {
    const generated = formatOpenApiDocument(await openApiDocument(host.server));
    const committed = await fs.readFile(COMMITTED, 'utf8').catch(() => '');
    assert.ok(
      committed === generated,
      'openapi.json differs from the routes: run `npm run openapi` and review the diff',
    );
  });

  it('refers every error answer of every route to the one Error shape, which lists the stable codes', async () => {
    const document = (await openApiDocument(host.server)) as {
      paths: Record<string, Record<string, Operation>>;
      definitions: Record<string, { properties: Record<string, { description?: string }> }>;
    };
    const error = document.definitions.Error!;
    assert.deepEqual(Object.keys(error.properties).sort(), ['code', 'details', 'error', 'message', 'statusCode']);
    for (const code of API_ERROR_CODES) assert.ok(error.properties.code!.description!.includes(code), code);
    let operations = 0;
    for (const [route, methods] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(methods)) {
        operations += 1;
        const errors = Object.entries(operation.responses ?? {}).filter(([status]) => Number(status) >= 400);
        assert.ok(errors.length > 0, `${method} ${route} documents no error answer`);
        for (const [status, answer] of errors) {
          // The health check's 503 is its own report of a database that is down, not a failure of the call.
          if (route === '/v1/health' && status === '503') continue;
          assert.equal(answer.schema?.$ref, '#/definitions/Error', `${method} ${route} ${status}`);
        }
      }
    }
    assert.ok(operations > 30);
  });

  it('documents 402 on every route that runs the billing gate, and 409 where a report’s state refuses it', async () => {
    const document = (await openApiDocument(host.server)) as { paths: Record<string, Record<string, Operation>> };
    const statuses = (route: string) => Object.keys(document.paths[route]?.post?.responses ?? {});
    for (const route of ['/v1/reports/{id}/generate', '/v1/reports/{id}/release']) {
      assert.ok(statuses(route).includes('402'), `${route} answers 402 INSUFFICIENT_CREDITS or INVOICE_UNPAID`);
      assert.ok(statuses(route).includes('409'), `${route} answers 409 REPORT_CANCELLED`);
    }
    assert.ok(statuses('/v1/reports/{id}/cancel').includes('409'), 'a released report cannot be cancelled');
  });
});
