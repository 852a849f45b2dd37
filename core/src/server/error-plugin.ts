import type { Plugin, Request, ResponseToolkit } from '@hapi/hapi';
import { isDomainError } from '../errors/domain-error.js';
import { toBoom } from '../errors/to-boom.js';

/** Turns every failure into the one error shape and logs what the client must not see. */
export const errorPlugin: Plugin<void> = {
  name: 'error-shape',
  register(server) {
    server.ext('onPreResponse', (request: Request, h: ResponseToolkit) => {
      const { response } = request;
      if (!(response instanceof Error)) return h.continue;
      const boom = toBoom(response);
      if (boom.output.statusCode >= 500 && !isDomainError(response)) {
        request.log(['error'], response);
        request.logger?.error({ err: response, requestId: request.info.id }, 'unexpected error');
      }
      return boom;
    });
  },
};
