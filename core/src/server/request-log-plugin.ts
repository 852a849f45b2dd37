import type { Plugin } from '@hapi/hapi';
import type { Logger } from '../logging/logger.js';

declare module '@hapi/hapi' {
  interface Request {
    logger?: Logger;
  }
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,100}$/;

/**
 * One log line per request with its id; the id comes from `x-request-id` when the caller
 * sends a sane one and is echoed back, so V1 can correlate. Headers are never logged.
 */
export const requestLogPlugin: Plugin<{ logger: Logger }> = {
  name: 'request-log',
  register(server, { logger }) {
    server.ext('onRequest', (request, h) => {
      const supplied = request.headers['x-request-id'];
      if (typeof supplied === 'string' && REQUEST_ID.test(supplied)) request.info.id = supplied;
      request.logger = logger.child({ requestId: request.info.id });
      return h.continue;
    });
    server.ext('onPreResponse', (request, h) => {
      const { response } = request;
      if (response && 'header' in response && typeof response.header === 'function') {
        response.header('x-request-id', request.info.id);
      } else if (response instanceof Error && 'output' in response) {
        (response as { output: { headers: Record<string, string> } }).output.headers['x-request-id'] = request.info.id;
      }
      return h.continue;
    });
    server.events.on('response', (request) => {
      const status = 'statusCode' in (request.response ?? {}) ? (request.response as { statusCode: number }).statusCode : 0;
      request.logger?.info(
        { method: request.method, path: request.path, status, ms: Date.now() - request.info.received },
        'request',
      );
    });
  },
};
