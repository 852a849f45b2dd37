/**
 * Rewrites the committed `openapi.json` from the routes (`npm run openapi`): a host on an
 * in-memory embedded database with the bundled plugins, asked for its document.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { formatOpenApiDocument, openApiDocument } from '@repogen/core';
import { createTestHost, testDatabase } from './test-host.js';

const target = path.resolve(import.meta.dirname, '../../openapi.json');
delete process.env.DATABASE_URL;
const host = await createTestHost();
try {
  await fs.writeFile(target, formatOpenApiDocument(await openApiDocument(host.server)));
  console.log(`wrote ${path.relative(process.cwd(), target)}`);
} finally {
  await host.close();
  await (await testDatabase()).close();
}
