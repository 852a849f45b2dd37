import type { Server } from '@hapi/hapi';

/**
 * The OpenAPI document the server's routes make, without what depends on where it is served
 * from (`host`, `schemes`), so that the committed `openapi.json` compares equal on any machine.
 */
export async function openApiDocument(server: Server): Promise<Record<string, unknown>> {
  const response = await server.inject({ method: 'GET', url: '/openapi.json' });
  if (response.statusCode !== 200) throw new Error(`/openapi.json answered ${response.statusCode}: ${response.payload.slice(0, 200)}`);
  const { host: _host, schemes: _schemes, ...document } = JSON.parse(response.payload) as Record<string, unknown>;
  return document;
}

/** The file form: two-space JSON with a final newline. */
export function formatOpenApiDocument(document: Record<string, unknown>): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}
