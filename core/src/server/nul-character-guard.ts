import type { Plugin, Request, ResponseToolkit } from '@hapi/hapi';
import { InvalidError } from '../errors/domain-error.js';

/** Where in the request the first string holding U+0000 sits (`payload.title`), if any. */
function nulPath(value: unknown, path: string, depth = 0): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? path : undefined;
  if (depth > 32 || value === null || typeof value !== 'object' || Buffer.isBuffer(value)) return undefined;
  if (typeof (value as { pipe?: unknown }).pipe === 'function') return undefined;
  for (const [key, item] of Object.entries(value)) {
    const found = key.includes('\u0000') ? `${path}.${key}` : nulPath(item, `${path}.${key}`, depth + 1);
    if (found) return found;
  }
  return undefined;
}

/**
 * Refuses text holding the NUL character before any route sees it: PostgreSQL's text and jsonb
 * cannot store it, so it would otherwise surface as a 500 from deep inside a write.
 */
export const nulCharacterGuardPlugin: Plugin<void> = {
  name: 'nul-character-guard',
  register(server) {
    server.ext('onPreHandler', (request: Request, h: ResponseToolkit) => {
      const found = nulPath(request.params, 'params') ?? nulPath(request.query, 'query') ?? nulPath(request.payload, 'payload');
      if (found) throw new InvalidError('TEXT_INVALID', `Text may not hold the NUL character (U+0000): ${found}`, { path: found });
      return h.continue;
    });
  },
};
